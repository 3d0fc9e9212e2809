/**
 * Adds and removes tags by splicing the text of the `tags` entry only (see
 * splice.ts), so every other byte of a note stays as the user wrote it.
 */
import type { Node, Scalar } from 'yaml';
import { isScalar, isSeq } from './yaml-libs.js';
import { FrontMatterError } from './front-matter.js';
import {
  findPair,
  listSplices,
  nodeLine,
  readFrontMatter,
  spliceFrontMatter,
  type Splice,
} from './splice.js';
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

/** Applies a tag edit to a note's text. Throws FrontMatterError on a note it cannot read. */
export function editTags(text: string, edit: TagEdit): TagEditResult {
  const fm = readFrontMatter(text);
  const { source } = fm;
  const pair = findPair(fm.yaml, 'tags');
  const value = pair?.value ?? null;
  if (value !== null && !isSeq(value) && !isScalar(value)) {
    throw new FrontMatterError('"tags" is neither a list nor a single tag', fm.yaml.firstLine);
  }
  const items: Scalar[] = isSeq(value)
    ? (value.items as Node[]).filter(isScalar)
    : isScalar(value) && value.value !== null && value.value !== ''
      ? [value]
      : [];
  const current = items.map((item) => normaliseTag(String(item.value)));

  const toRemove = new Set((edit.remove ?? []).map(normaliseTag).filter(Boolean));
  const dropped = current.map((tag) => toRemove.has(tag));
  const kept = current.filter((_, index) => !dropped[index]);
  const toAdd = [...new Set((edit.add ?? []).map(normaliseTag).filter((tag) => tag && !kept.includes(tag)))];
  const removed = [...new Set(current.filter((_, index) => dropped[index]))];
  const tags = [...new Set([...kept, ...toAdd])];
  if (toAdd.length === 0 && removed.length === 0) return { text, tags, added: [], removed: [] };

  let splices: Splice[];
  if (!pair) {
    splices = [{ from: source.length, to: source.length, insert: `tags: ${flowList(tags)}${fm.bounds.eol}` }];
  } else if (isSeq(value)) {
    const replace = dropped.map((drop) => (drop ? null : undefined));
    splices = listSplices(source, value, replace, toAdd.map(renderTag), fm.bounds.eol);
  } else {
    // null, empty or a single plain tag: becomes a flow list in place. No value at all (`tags:`)
    // is a zero-width node, maybe at a comment: written just after the colon, as setField does.
    const node = value?.range && value.range[0] < value.range[1] ? value : null;
    // The colon right after the key; an explicit key (`? tags`) has none, and the next one is another field's.
    const colon = /^[ \t]*:/.exec(source.slice(pair.key.range![1]));
    if (!node && !colon)
      throw new FrontMatterError(
        '"tags" has no "tags:" line to write to; write it as "tags: [a, b]"',
        nodeLine(fm.yaml, pair.key),
      );
    const from = node ? node.range![0] : pair.key.range![1] + colon![0].length;
    const to = node ? node.range![1] : from;
    const lead = source[from - 1] === ':' ? ' ' : '';
    splices = [{ from, to, insert: `${lead}${flowList(tags)}` }];
  }
  return { text: spliceFrontMatter(fm, splices), tags, added: toAdd, removed };
}

/** A tag as an item of a YAML list. */
export function renderTag(tag: string): string {
  return yamlFlowItem(tag);
}

export function flowList(tags: string[]): string {
  return `[${tags.map(renderTag).join(', ')}]`;
}
