/**
 * Byte-preserving front-matter edits. Every command that changes a note's
 * front matter (`tag`, `untag`, `check --fix`, and `setField` for a future
 * `set`) replaces the text of the one entry it changes and keeps every other
 * byte (comments, key order, quoting, line ends, the body) as the user wrote
 * it; re-serialising the YAML would reformat it. Also the one place that
 * finds a key and its line.
 */
import type { Node, Pair, ParsedNode, Scalar, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq } from './yaml-libs.js';
import {
  findFrontMatter,
  FrontMatterError,
  lineAt,
  parseYaml,
  type FrontMatterBounds,
  type ParsedYaml,
} from './front-matter.js';
import { yamlValue } from './yaml-text.js';

/** Replace `from`..`to` (offsets into one text) with `insert`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/**
 * Applies splices from the last to the first, so that each one's offsets are
 * still those of the original text. Splices must not overlap (a bug if they do).
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  // Last first; at one offset the longer span first, so an insertion there lands after the removal.
  const ordered = [...splices].sort((a, b) => b.from - a.from || b.to - a.to);
  let next = text;
  let limit = text.length;
  for (const splice of ordered) {
    if (splice.from > splice.to || splice.to > limit) throw new Error('overlapping front-matter splices');
    next = next.slice(0, splice.from) + splice.insert + next.slice(splice.to);
    limit = splice.from;
  }
  return next;
}

/** A note's front matter with the positions of its parts. */
export interface FrontMatterSource {
  text: string;
  bounds: FrontMatterBounds;
  /** The YAML text (offsets of nodes and splices are into it). */
  source: string;
  yaml: ParsedYaml;
}

/** Finds and parses the front matter of a note (no gray-matter: only positions are needed). */
export function readFrontMatter(text: string): FrontMatterSource {
  const bounds = findFrontMatter(text);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  const yaml = parseYaml(source, lineAt(text, bounds.yamlStart));
  if (yaml.doc.contents !== null && !isMap(yaml.doc.contents))
    throw new FrontMatterError('the front matter is not a set of "key: value" fields', yaml.firstLine);
  return { text, bounds, source, yaml };
}

/** The whole note with splices (offsets into the YAML text) applied. */
export function spliceFrontMatter(fm: FrontMatterSource, splices: readonly Splice[]): string {
  const at = fm.bounds.yamlStart;
  return applySplices(
    fm.text,
    splices.map((splice) => ({ from: at + splice.from, to: at + splice.to, insert: splice.insert })),
  );
}

type KeyPair = Pair<Scalar.Parsed & { value: string }, ParsedNode | null>;

/** Every top-level `key: value` entry with a text key (the key's white space kept). */
export function pairsOf(yaml: ParsedYaml): KeyPair[] {
  const contents = yaml.doc.contents;
  if (!isMap(contents)) return [];
  return contents.items.filter(
    (pair) => isScalar(pair.key) && typeof pair.key.value === 'string',
  ) as KeyPair[];
}

/** The top-level entry of `key` (white space around a key ignored, as `check --fix` would remove it). */
export function findPair(yaml: ParsedYaml, key: string): KeyPair | undefined {
  return pairsOf(yaml).find((pair) => pair.key.value.trim() === key);
}

/** The file line of a node. */
export function nodeLine(yaml: ParsedYaml, node: Node): number {
  return yaml.firstLine + yaml.lineCounter.linePos(node.range?.[0] ?? 0).line - 1;
}

/** The file line of a top-level key, or the first YAML line when it is absent. */
export function keyLine(yaml: ParsedYaml, key: string): number {
  const pair = findPair(yaml, key);
  return pair ? nodeLine(yaml, pair.key) : yaml.firstLine;
}

export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break of the line `offset` is on (or past its end: block nodes end with a break). */
export function lineEnd(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] === '\n') return offset;
  const end = source.indexOf('\n', offset);
  return end === -1 ? source.length : end + 1;
}

/**
 * Splices that edit a YAML list in place: `replace[i]` is item i's new text
 * (null drops it, undefined keeps it), then `append` goes after the last item
 * in the list's own style. A dropped block item loses its whole line
 * (comment included); flow items keep the separators that stood before them.
 */
export function listSplices(
  source: string,
  seq: YAMLSeq,
  replace: readonly (string | null | undefined)[],
  append: readonly string[],
  eol: string,
): Splice[] {
  const items = (seq.items as Node[]).filter(isScalar);
  if (seq.flow) {
    if (items.length === 0) {
      if (append.length === 0) return [];
      const open = source.indexOf('[', seq.range![0]) + 1;
      return [{ from: open, to: open, insert: append.join(', ') }];
    }
    // Rebuild the span from the first item to the last from each kept item with the separator before it.
    let kept = '';
    items.forEach((item, index) => {
      const want = replace[index];
      if (want === null) return;
      const own = want ?? source.slice(item.range![0], item.range![1]);
      const separator = index === 0 ? '' : source.slice(items[index - 1]!.range![1], item.range![0]);
      kept += (kept ? separator || ', ' : '') + own;
    });
    if (append.length > 0) kept += (kept ? ', ' : '') + append.join(', ');
    return [{ from: items[0]!.range![0], to: items[items.length - 1]!.range![1], insert: kept }];
  }
  const splices: Splice[] = [];
  items.forEach((item, index) => {
    const want = replace[index];
    if (want === null)
      splices.push({
        from: lineStart(source, item.range![0]),
        to: lineEnd(source, item.range![1]),
        insert: '',
      });
    else if (want !== undefined) splices.push({ from: item.range![0], to: item.range![1], insert: want });
  });
  const last = items[items.length - 1];
  if (append.length > 0 && last) {
    const prefix = source.slice(lineStart(source, last.range![0]), last.range![0]);
    const end = lineEnd(source, last.range![1]);
    const lines = append.map((text) => `${prefix}${text}${eol}`).join('');
    const endsWithBreak = source.slice(0, end).endsWith('\n');
    splices.push({
      from: end,
      to: end,
      insert: endsWithBreak ? lines : `${eol}${lines.slice(0, -eol.length)}`,
    });
  }
  // Dropping every item of a block list leaves "tags:" (null), which reads as no tags.
  return splices;
}

/** `key` as YAML text: plain when it can be, quoted otherwise. */
function keyText(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : yamlValue(key);
}

/**
 * Sets one top-level key's value (`undefined` removes the entry), changing
 * only that entry's bytes: a value is written in flow style (`[a, b]`,
 * `{video: https://…}`, quoted where a YAML 1.1 reader would misread it); a
 * new key goes last. The result is parsed again and must hold exactly the
 * same fields but that one; otherwise it throws.
 */
export function setField(text: string, key: string, value: unknown): string {
  const fm = readFrontMatter(text);
  if (isMap(fm.yaml.doc.contents) && fm.yaml.doc.contents.flow)
    throw new FrontMatterError('the front matter is one {…} map; edit it by hand', fm.yaml.firstLine);
  const { source } = fm;
  const pair = findPair(fm.yaml, key);
  let splice: Splice;
  if (value === undefined) {
    if (!pair) return text;
    const end = pair.value?.range ? pair.value.range[1] : pair.key.range![1];
    splice = { from: lineStart(source, pair.key.range![0]), to: lineEnd(source, end), insert: '' };
  } else if (!pair) {
    const insert = `${keyText(key)}: ${yamlValue(value)}${fm.bounds.eol}`;
    splice = { from: source.length, to: source.length, insert };
  } else {
    const colon = pair.key.range![1] + source.slice(pair.key.range![1]).indexOf(':') + 1;
    // An empty value (`room:`) has a zero-width node: written after the colon, as a block value is.
    const node = pair.value?.range && pair.value.range[0] < pair.value.range[1] ? pair.value : null;
    // A scalar or flow value is replaced where it stands; a block value from the colon to its last line break.
    const inPlace =
      node !== null &&
      (isScalar(node)
        ? !/^[|>]/.test(source.slice(node.range[0]))
        : (isMap(node) || isSeq(node)) && node.flow);
    const from = inPlace ? node.range![0] : colon;
    let to = node?.range ? node.range[1] : colon;
    if (!inPlace) while (to > from && /[\r\n]/.test(source[to - 1]!)) to--;
    splice = { from, to, insert: `${inPlace ? '' : ' '}${yamlValue(value)}` };
  }
  const next = spliceFrontMatter(fm, [splice]);
  if (!sameBut(fm, next, key, value))
    throw new FrontMatterError(`cannot set "${key}" without changing other fields`, keyLine(fm.yaml, key));
  return next;
}

/** Whether `next` reads as `before` with only `key` set to `value` (or removed). */
function sameBut(before: FrontMatterSource, next: string, key: string, value: unknown): boolean {
  let after: FrontMatterSource;
  try {
    after = readFrontMatter(next);
  } catch {
    return false;
  }
  const fields = (fm: FrontMatterSource) => {
    const data = { ...((fm.yaml.data ?? {}) as Record<string, unknown>) };
    for (const name of Object.keys(data)) if (name.trim() === key) delete data[name];
    return data;
  };
  const data = (after.yaml.data ?? {}) as Record<string, unknown>;
  return (
    JSON.stringify(fields(before)) === JSON.stringify(fields(after)) &&
    JSON.stringify(data[key]) === JSON.stringify(value) &&
    next.slice(after.bounds.bodyStart) === before.text.slice(before.bounds.bodyStart)
  );
}
