/**
 * A line of context around the first match in a note, with every matching
 * word marked. The core returns segments; the command decides how a mark
 * looks (bold on a terminal, «» in plain text, nothing in JSON).
 */
import { fold, isSeparator, wordsAt } from './fold.js';

export interface Segment {
  text: string;
  match: boolean;
}

export interface SnippetOptions {
  /** Characters of context before the first match. */
  before?: number;
  /** Characters in all, about. */
  length?: number;
}

/** Markdown scaffolding that reads badly in one line: list bullets, check boxes, quote marks. */
const SCAFFOLDING = /^[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]?)/gm;
/** A heading, which becomes "Heading:" before the text of its section. */
const HEADING = /^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$/gm;

/** An HTML comment: a template's hints (`<!-- Open items as ... -->`) and private markers, not the writer's words. */
const COMMENT = /<!--[\s\S]*?-->/g;

/** A note's body as search reads it: without HTML comments (what the index and the snippets hold). */
export function searchedBody(text: string): string {
  return text.includes('<!--') ? text.replace(COMMENT, ' ') : text;
}

/** The text of a note's body on one line, as a snippet shows it (the same words, in the same order). */
export function flatten(text: string): string {
  return searchedBody(text)
    .replace(HEADING, (_, title: string) => (/[\p{P}]$/u.test(title) ? title : `${title}:`))
    .replace(SCAFFOLDING, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The snippet of the first of `texts` holding one of `terms` (folded words
 * as the index found them), else the start of the first text that has any.
 * The texts are flattened already (see flatten): the index stores bodies so.
 */
export function snippetOf(
  texts: Iterable<string>,
  terms: Set<string>,
  options: SnippetOptions = {},
): Segment[] {
  // An iterable, so that a caller can flatten the later texts only when the body has no match.
  let first = '';
  for (const text of texts) {
    const segments = around(text, terms, options);
    if (segments) return segments;
    first ||= text;
  }
  return first ? [{ text: cut(first, 0, options.length ?? 120), match: false }] : [];
}

const ASCII = /^[\x00-\x7f]*$/;

/** The index of the first word of `text` in `terms`, or -1. */
function firstMatch(text: string, terms: Set<string>): number {
  // ASCII text folds to its lower case, index for index: look the words up with indexOf, not word by word.
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    const isWord = (at: number, length: number) =>
      (at === 0 || isSeparator(lower[at - 1]!)) &&
      (at + length === lower.length || isSeparator(lower[at + length]!));
    let best = -1;
    for (const term of terms) {
      for (
        let at = lower.indexOf(term);
        at >= 0 && (best < 0 || at < best);
        at = lower.indexOf(term, at + 1)
      ) {
        if (isWord(at, term.length)) {
          best = at;
          break;
        }
      }
    }
    return best;
  }
  for (const { word, index } of wordsAt(text)) if (terms.has(fold(word))) return index;
  return -1;
}

function around(text: string, terms: Set<string>, options: SnippetOptions): Segment[] | null {
  const before = options.before ?? 40;
  const length = options.length ?? 120;
  const first = firstMatch(text, terms);
  if (first < 0) return null;
  let start = Math.max(0, first - before);
  // Start on a word: back to the space before `start`, unless that is the match itself.
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const window = text.slice(start, end);
  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: '…', match: false });
  let at = 0;
  for (const { word, index } of wordsAt(window)) {
    if (!terms.has(fold(word))) continue;
    if (index > at) segments.push({ text: window.slice(at, index), match: false });
    segments.push({ text: word, match: true });
    at = index + word.length;
  }
  if (at < window.length) segments.push({ text: window.slice(at), match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return mergePlain(segments);
}

function cut(text: string, start: number, length: number): string {
  if (text.length - start <= length) return text.slice(start);
  const space = text.lastIndexOf(' ', start + length);
  return `${text.slice(start, space > start ? space : start + length)}…`;
}

/** Adjacent unmarked segments as one. */
function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && !last.match && !segment.match) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** The snippet as plain text, with marks around the matched words (none by default). */
export function snippetText(segments: Segment[], open = '', close = open): string {
  return segments.map((s) => (s.match ? `${open}${s.text}${close}` : s.text)).join('');
}
