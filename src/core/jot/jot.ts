/**
 * Jotting: lines typed during a talk, added to a note's sections. The built-in
 * templates end with `## Notes`, so a jot is a pure append; a note arranged
 * otherwise gets the line inserted at the end of its section instead.
 */
import { documentHeadings } from '../markdown/headings.js';
import type { Extension } from '../safe-write.js';

export type JotKind = 'note' | 'todo' | 'quote';

export const NOTES_HEADING = '## Notes';
export const FOLLOW_UPS_HEADING = '## Follow-ups';

/** One line as it appears in the note: `- 11:05 text`, `- [ ] text`, `- 11:05 > "text"`. */
export function jotLine(kind: JotKind, text: string, time: string): string {
  // One line: breaks and tabs become spaces (words stay apart), other control characters go.
  const clean = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}]/gu, '')
    .trim();
  if (kind === 'todo') return `- [ ] ${clean}`;
  if (kind === 'quote') return `- ${time} > ${quoted(clean)}`;
  return `- ${time} ${clean}`;
}

/** A quote in quotation marks, unless it brings its own; typographic ones around text that holds straight ones. */
function quoted(text: string): string {
  if (/^["“'‘]/.test(text)) return text;
  return text.includes('"') ? `“${text}”` : `"${text}"`;
}

interface Heading {
  level: number;
  title: string;
  /** Offset of the heading line's first character. */
  start: number;
}

/**
 * The document-level headings (ATX and setext, outside code, HTML blocks,
 * quotes and list items), read by the Markdown reader's lean path, which
 * the quick lane can carry (core/markdown/headings.ts).
 */
export function headings(text: string): Heading[] {
  const found = documentHeadings(text);
  if (found.length === 0) return [];
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text))
    starts.push(match.index + match[0].length);
  return found.map((heading) => ({
    level: heading.level,
    title: heading.title,
    start: starts[heading.line]!,
  }));
}

/**
 * Decides how to add `lines` to the section titled `heading` (e.g. `## Notes`):
 * append at the end of the file when that section is the last one, insert at
 * the end of the section otherwise, or start the section when there is none.
 * `bodyStart` is where the body begins (after the front matter).
 */
export function planJot(
  text: string,
  bodyStart: number,
  heading: string,
  lines: string[],
  before?: string,
): Extension {
  if (lines.length === 0) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = lines.join(eol) + eol;
  const level = heading.indexOf(' ');
  const title = heading.slice(level + 1).toLowerCase();
  const all = headings(text.slice(bodyStart)).map((h) => ({ ...h, start: h.start + bodyStart }));
  const index = all.findIndex((h) => h.level === level && h.title.toLowerCase() === title);
  const endsWithBreak = text.length === 0 || text.endsWith('\n');
  if (index === -1) {
    // No such section: start one before `before` (Follow-ups goes above Notes), else at the end.
    const anchor = before
      ? all.find((h) => h.level === level && h.title.toLowerCase() === before.slice(level + 1).toLowerCase())
      : undefined;
    if (anchor) {
      return {
        replace: `${text.slice(0, anchor.start)}${heading}${eol}${eol}${block}${eol}${text.slice(anchor.start)}`,
      };
    }
    return { append: `${endsWithBreak ? '' : eol}${eol}${heading}${eol}${eol}${block}` };
  }
  const next = all.slice(index + 1).find((h) => h.level <= level);
  if (!next) return { append: `${endsWithBreak ? '' : eol}${block}` };
  // Insert after the section's last non-blank line, keeping the blank line before the next heading.
  const sectionText = text.slice(all[index]!.start, next.start);
  const trimmed = sectionText.replace(/(\r?\n)+$/, '');
  const at = all[index]!.start + trimmed.length;
  const gap = trimmed.includes('\n') ? eol : eol + eol; // a bare heading gets a blank line under it
  return { replace: `${text.slice(0, at)}${gap}${block.slice(0, -eol.length)}${text.slice(at)}` };
}
