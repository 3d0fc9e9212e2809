/**
 * Adds and removes tags by splicing the text of the `tags` entry only, so
 * every other byte of a note (comments, key order, quoting, the body) stays
 * as the user wrote it. Re-serialising the YAML would reformat it.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { findFrontMatter, FrontMatterError, lineAt, parseYaml } from './front-matter.js';
import { normaliseTag } from '../slug.js';
import { yamlFlowItem } from './yaml-text.js';

export interface TagEdit {
  add?: string[];
  remove?: string[];
}

export interface TagEditResult {
  text: string;
  tags: string[];
  added: string[];
  removed: string[];
}

interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** Applies a tag edit to a note's text. Throws FrontMatterError on a note it cannot read. */
export function editTags(text: string, edit: TagEdit): TagEditResult {
  const bounds = findFrontMatter(text);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  const { doc, firstLine } = parseYaml(source, lineAt(text, bounds.yamlStart));
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new FrontMatterError('the front matter is not a set of "key: value" fields', firstLine);
  }
  const pair = isMap(doc.contents)
    ? (doc.contents.items.find((item) => isScalar(item.key) && item.key.value === 'tags') as
        | Pair<Scalar, Node | null>
        | undefined)
    : undefined;
  const value = pair?.value ?? null;
  if (value !== null && !isSeq(value) && !isScalar(value)) {
    throw new FrontMatterError('"tags" is neither a list nor a single tag', firstLine);
  }
  const items: Scalar[] = isSeq(value)
    ? (value.items as Node[]).filter(isScalar)
    : isScalar(value) && value.value !== null && value.value !== ''
      ? [value]
      : [];
  const current = items.map((item) => normaliseTag(String(item.value)));

  const toRemove = new Set((edit.remove ?? []).map(normaliseTag).filter(Boolean));
  const removeIndexes = current.flatMap((tag, index) => (toRemove.has(tag) ? [index] : []));
  const kept = current.filter((_, index) => !removeIndexes.includes(index));
  const toAdd = [...new Set((edit.add ?? []).map(normaliseTag).filter((tag) => tag && !kept.includes(tag)))];
  const removed = [...new Set(removeIndexes.map((index) => current[index]!))];
  const tags = [...new Set([...kept, ...toAdd])];
  if (toAdd.length === 0 && removeIndexes.length === 0) return { text, tags, added: [], removed: [] };

  const at = bounds.yamlStart;
  const eol = bounds.eol;
  let splices: Splice[];
  if (!pair) {
    splices = [
      { from: bounds.yamlEnd - at, to: bounds.yamlEnd - at, insert: `tags: ${flowList(tags)}${eol}` },
    ];
  } else if (isSeq(value) && value.flow) {
    splices = flowSplices(source, value, removeIndexes, toAdd);
  } else if (isSeq(value)) {
    splices = blockSplices(source, value, removeIndexes, toAdd, eol);
  } else {
    // null, empty or a single plain tag: becomes a flow list in place.
    const from = value?.range
      ? value.range[0]
      : pair.key.range![1] + source.slice(pair.key.range![1]).indexOf(':') + 1;
    const to = value?.range ? value.range[1] : from;
    const lead = source[from - 1] === ':' ? ' ' : '';
    splices = [{ from, to, insert: `${lead}${flowList(tags)}` }];
  }
  let next = text;
  for (const splice of splices.sort((a, b) => b.from - a.from)) {
    next = next.slice(0, at + splice.from) + splice.insert + next.slice(at + splice.to);
  }
  return { text: next, tags, added: toAdd, removed };
}

function flowSplices(source: string, seq: YAMLSeq, removeIndexes: number[], toAdd: string[]): Splice[] {
  const items = seq.items as Scalar[];
  const added = toAdd.map(renderTag).join(', ');
  if (items.length === 0) {
    const open = source.indexOf('[', seq.range![0]);
    return [{ from: open + 1, to: open + 1, insert: added }];
  }
  // Rebuild the span from the first item to the last from the kept items'
  // own text, each with the separator that stood before it.
  const from = items[0]!.range![0];
  const to = items[items.length - 1]!.range![1];
  let kept = '';
  items.forEach((item, index) => {
    if (removeIndexes.includes(index)) return;
    const separator = index === 0 ? '' : source.slice(items[index - 1]!.range![1], item.range![0]);
    kept += (kept ? separator : '') + source.slice(item.range![0], item.range![1]);
  });
  const insert = added ? (kept ? `${kept}, ${added}` : added) : kept;
  return [{ from, to, insert }];
}

function blockSplices(
  source: string,
  seq: YAMLSeq,
  removeIndexes: number[],
  toAdd: string[],
  eol: string,
): Splice[] {
  const items = seq.items as Scalar[];
  const lineStart = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const end = source.indexOf('\n', offset);
    return end === -1 ? source.length : end + 1;
  };
  const splices: Splice[] = removeIndexes.map((index) => {
    const item = items[index]!;
    return { from: lineStart(item.range![0]), to: lineEnd(item.range![1]), insert: '' };
  });
  if (toAdd.length > 0) {
    const lastItem = items[items.length - 1]!;
    const prefix = source.slice(lineStart(lastItem.range![0]), lastItem.range![0]);
    const end = lineEnd(lastItem.range![1]);
    const endsWithBreak = source.slice(0, end).endsWith('\n');
    const lines = toAdd.map((tag) => `${prefix}${renderTag(tag)}${eol}`).join('');
    splices.push({
      from: end,
      to: end,
      insert: endsWithBreak ? lines : `${eol}${lines.slice(0, -eol.length)}`,
    });
  }
  return splices;
}

/** A tag as an item of a YAML list. */
export function renderTag(tag: string): string {
  return yamlFlowItem(tag);
}

export function flowList(tags: string[]): string {
  return `[${tags.map(renderTag).join(', ')}]`;
}
