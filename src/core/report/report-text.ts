/**
 * Text helpers for the trip report: private blocks, comments, Markdown
 * sections and headings, open tasks, dates in words. Pure functions over
 * strings; where a line is code or a heading is decided by the one Markdown
 * reader (core/markdown), so code in a note is never rewritten.
 */
import { codeSpans, readBlocks, sections, type Section } from '../markdown/blocks.js';

export { stripPrivate } from '../markdown/private.js';

/** Applies `change` to the prose only, leaving fenced and indented code alone. */
export function outsideCode(text: string, change: (prose: string) => string): string {
  let out = '';
  let pos = 0;
  for (const [from, to] of codeSpans(text)) {
    if (from > pos) out += change(text.slice(pos, from));
    out += text.slice(from, to);
    pos = to;
  }
  return pos < text.length ? out + change(text.slice(pos)) : out;
}

/** Drops HTML comments (template hints, notes to self) outside code; a comment alone on its lines takes the lines with it. */
export function stripComments(text: string): string {
  if (!text.includes('<!--')) return text;
  return outsideCode(text, (prose) =>
    prose.replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*(?:\r?\n|$)/gm, '').replace(/<!--[\s\S]*?-->/g, ''),
  );
}

/** Collapses runs of blank lines to one, outside code, and trims blank lines at both ends. */
export function tidyBlankLines(text: string): string {
  const tidied = outsideCode(text, (prose) =>
    prose
      .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? spaces : ''))
      .replace(/\n(?:[ \t]*\n){2,}/g, '\n\n'),
  );
  return tidied.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
}

export type MarkdownSection = Section;

/** Every document-level heading (ATX or setext, not in code, quotes or lists), with the extent of its section. */
export function markdownSections(text: string): MarkdownSection[] {
  return sections(text);
}

/** The body of the first section whose heading matches, or null. */
export function sectionBody(text: string, heading: RegExp): string | null {
  const section = markdownSections(text).find((candidate) => heading.test(candidate.heading));
  return section ? text.slice(section.bodyStart, section.end) : null;
}

/**
 * Lowers every heading above `level` to `level` (so a quoted section sits
 * under the report's own headings). ATX headings keep their line with more
 * `#`s; a document-level setext heading becomes an ATX one, since an
 * underline cannot say `###`. Code is left alone.
 */
export function shiftHeadings(text: string, level: number): string {
  const { headings, lineStarts } = readBlocks(text);
  let out = '';
  let pos = 0;
  for (const heading of headings) {
    if (heading.level >= level || (heading.setext && heading.depth > 0)) continue;
    const from = lineStarts[heading.line]!;
    const hashes = '#'.repeat(level);
    if (heading.setext) {
      const last = lineStarts[heading.endLine - 1]!;
      const underline = text.slice(last, lineStarts[heading.endLine]);
      const eol = /\r?\n?$/.exec(underline)![0];
      out += `${text.slice(pos, from)}${hashes} ${heading.title.replace(/\s*\n\s*/g, ' ')}${eol}`;
      pos = last + underline.length;
    } else {
      const at = text.indexOf('#', from);
      const run = /^#+/.exec(text.slice(at, at + 7))![0];
      out += `${text.slice(pos, at)}${hashes}`;
      pos = at + run.length;
    }
  }
  return out + text.slice(pos);
}

/** The text of every unchecked `- [ ]` item outside code, in order. */
export function openTasks(text: string): string[] {
  if (!text.includes('[ ]')) return [];
  return readBlocks(text)
    .tasks.filter((task) => !task.done)
    .map((task) => task.text);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(date: string): { year: number; month: number; day: number; weekday: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** `Tuesday 16 April`. */
export function dayLabel(date: string): string {
  const { month, day, weekday } = parts(date);
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]}`;
}

/** `16 April 2013`. */
export function longDate(date: string): string {
  const { year, month, day } = parts(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** `15–18 April 2013`, `30 April – 2 May 2013`, `30 December 2013 – 2 January 2014`. */
export function dateRange(start: string, end: string): string {
  if (start === end || end < start) return longDate(start);
  const a = parts(start);
  const b = parts(end);
  if (a.year !== b.year) return `${longDate(start)} – ${longDate(end)}`;
  if (a.month !== b.month)
    return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  return `${a.day}–${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
}

/** Hours with at most one decimal: `7.5`, `12`. */
export function hoursText(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
