/**
 * The Markdown reader: one CommonMark parse (markdown-it's block tokens)
 * gives the document's sections, its code (fenced and indented, at any
 * depth), its HTML blocks and its task items. Everything that asks "where
 * is the heading, is this line code" in the report goes through here; jot's
 * quick lane uses the lean headings.ts, checked to agree with this one.
 */
import MarkdownItClass, { type MarkdownIt, type Token } from 'markdown-it';
import type { HeadingLine } from './headings.js';

export interface Heading extends HeadingLine {
  /** Nesting depth: 0 for the document's own headings, more inside quotes and list items. */
  depth: number;
  setext: boolean;
}

export interface LineRange {
  /** First line (0-based) and the line after the last. */
  line: number;
  endLine: number;
}

export interface TaskItem {
  /** The item's text after `[ ]` / `[x]`, its lines joined with spaces. */
  text: string;
  done: boolean;
  line: number;
}

export interface Blocks {
  /** Offset of the start of every line, plus the text's length at the end. */
  lineStarts: number[];
  headings: Heading[];
  /** Fenced and indented code blocks. */
  code: LineRange[];
  /** HTML blocks (comments among them). */
  html: LineRange[];
  /** List items that start with `[ ]` or `[x]` (bullet lists only, as GitHub's task lists). */
  tasks: TaskItem[];
}

let parser: MarkdownIt | undefined;

/** CommonMark with raw HTML recognised (so comments are blocks); only the block rules run. Shared by every block reader. */
export function blockParser(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownItClass('commonmark');
    parser.core.ruler.enableOnly(['normalize', 'block']);
  }
  return parser;
}

/** Line starts as markdown-it counts lines: `\r\n`, `\r` and `\n` each end one. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text))
    starts.push(match.index + match[0].length);
  starts.push(text.length);
  return starts;
}

const TASK = /^\[([ xX])\][ \t]+(\S[\s\S]*)$/;

// Report building asks the same text several questions in a row; the last few answers are kept.
const recent = new Map<string, Blocks>();

/** Reads a text's block structure (cached for the last few texts). */
export function readBlocks(text: string): Blocks {
  const known = recent.get(text);
  if (known) return known;
  const tokens = blockParser().parse(text, {});
  const blocks: Blocks = { lineStarts: lineStarts(text), headings: [], code: [], html: [], tasks: [] };
  tokens.forEach((token: Token, index: number) => {
    const map = token.map;
    if (!map) return;
    const range = { line: map[0], endLine: map[1] };
    if (token.type === 'heading_open') {
      blocks.headings.push({
        ...range,
        level: Number(token.tag.slice(1)),
        title: tokens[index + 1]?.content ?? '',
        depth: token.level,
        setext: !token.markup.startsWith('#'),
      });
    } else if (token.type === 'fence' || token.type === 'code_block') blocks.code.push(range);
    else if (token.type === 'html_block') blocks.html.push(range);
    else if (token.type === 'list_item_open' && /^[-*+]$/.test(token.markup)) {
      const inline = tokens[index + 1]?.type === 'paragraph_open' ? tokens[index + 2] : undefined;
      const task = inline?.type === 'inline' ? TASK.exec(inline.content) : null;
      if (task)
        blocks.tasks.push({
          text: task[2]!
            .split('\n')
            .map((line) => line.trim())
            .join(' ')
            .trim(),
          done: task[1] !== ' ',
          line: map[0],
        });
    }
  });
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(text, blocks);
  return blocks;
}

/** The document-level headings (not inside quotes or list items), as headings.ts finds them. */
export function documentHeadingsOf(text: string): Heading[] {
  return readBlocks(text).headings.filter((heading) => heading.depth === 0);
}

export interface Section {
  level: number;
  heading: string;
  /** Offset of the heading's first character. */
  start: number;
  /** Offset of the first character after the heading (after a setext underline). */
  bodyStart: number;
  /** Where the section ends: the next heading of the same or a higher level, or the end. */
  end: number;
}

/** Every document-level heading with the extent of its section (one pass, from the end). */
export function sections(text: string): Section[] {
  const { lineStarts: starts } = readBlocks(text);
  const headings = documentHeadingsOf(text);
  const out: Section[] = new Array(headings.length);
  // A stack of later headings: the first one of the same or a higher level ends a section.
  const later: Section[] = [];
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i]!;
    while (later.length > 0 && later[later.length - 1]!.level > heading.level) later.pop();
    const next = later[later.length - 1];
    out[i] = {
      level: heading.level,
      heading: heading.title,
      start: starts[heading.line]!,
      bodyStart: starts[Math.min(heading.endLine, starts.length - 1)]!,
      end: next ? next.start : text.length,
    };
    later.push(out[i]!);
  }
  return out;
}

/** Offsets [from, to) of the code blocks, merged and in order. */
export function codeSpans(text: string): [number, number][] {
  const { lineStarts: starts, code } = readBlocks(text);
  const spans: [number, number][] = [];
  for (const range of code) {
    const from = starts[range.line]!;
    const to = starts[Math.min(range.endLine, starts.length - 1)]!;
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) spans.push([from, to]);
  }
  return spans;
}
