/**
 * Text helpers for the trip report: private blocks, comments, Markdown
 * sections and headings, dates in words. Pure functions over strings, aware
 * of fenced code blocks so that code in a note is never rewritten.
 */

/** A run of lines: inside a fenced code block or not. */
interface Segment {
  code: boolean;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits text into fenced code blocks and the prose around them (joining the segments gives the text back). */
function segments(text: string): Segment[] {
  const lines = text.split(/(?<=\n)/);
  const out: Segment[] = [];
  let fence: string | null = null;
  let current: Segment = { code: false, text: '' };
  const flush = (code: boolean) => {
    if (current.text) out.push(current);
    current = { code, text: '' };
  };
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (fence === null && match) {
      flush(true);
      fence = match[1]!;
      current.text += line;
    } else if (fence !== null) {
      current.text += line;
      if (
        match &&
        match[1]![0] === fence[0] &&
        match[1]!.length >= fence.length &&
        line.trim() === match[1]
      ) {
        fence = null;
        flush(false);
      }
    } else {
      current.text += line;
    }
  }
  flush(false);
  return out;
}

/** Applies `change` to the prose only, leaving fenced code alone. */
export function outsideCode(text: string, change: (prose: string) => string): string {
  return segments(text)
    .map((segment) => (segment.code ? segment.text : change(segment.text)))
    .join('');
}

const OPEN_PRIVATE = /<!--\s*private\s*-->/g;
const CLOSE_PRIVATE = /<!--\s*\/private\s*-->/g;
const PRIVATE_MARKER_LINES = /^[ \t]*<!--\s*\/?private\s*-->[ \t]*(?:\r?\n|$)/gm;
const PRIVATE_MARKER_INLINE = /<!--\s*\/?private\s*-->/g;

/**
 * Removes every part between `<!-- private -->` and `<!-- /private -->`,
 * markers included (whole lines when the markers stand on their own lines);
 * an unclosed block runs to the end of the text. With `keep`, only the
 * markers go and the private text stays.
 */
export function stripPrivate(text: string, keep = false): string {
  if (keep) return text.replace(PRIVATE_MARKER_LINES, '').replace(PRIVATE_MARKER_INLINE, '');
  let out = '';
  let pos = 0;
  for (;;) {
    OPEN_PRIVATE.lastIndex = pos;
    const open = OPEN_PRIVATE.exec(text);
    if (!open) return out + text.slice(pos);
    CLOSE_PRIVATE.lastIndex = open.index + open[0].length;
    const close = CLOSE_PRIVATE.exec(text);
    let from = open.index;
    let to = close ? close.index + close[0].length : text.length;
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    const lineEnd = text.indexOf('\n', to);
    const rest = text.slice(to, lineEnd === -1 ? text.length : lineEnd);
    if (lineStart >= pos && /^[ \t]*$/.test(text.slice(lineStart, from)) && /^[ \t]*\r?$/.test(rest)) {
      from = lineStart;
      to = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    out += text.slice(pos, from);
    pos = to;
  }
}

/** Drops HTML comments (template hints, notes to self) outside code; a comment alone on its lines takes the lines with it. */
export function stripComments(text: string): string {
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

export interface MarkdownSection {
  level: number;
  heading: string;
  /** Offset of the heading line's first character. */
  start: number;
  /** Offset of the first character after the heading line. */
  bodyStart: number;
  /** Offset where the section ends (the next heading of the same or a higher level, or the end). */
  end: number;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Every ATX heading outside code, with the extent of its section. */
export function markdownSections(text: string): MarkdownSection[] {
  const found: { level: number; heading: string; start: number; bodyStart: number }[] = [];
  let offset = 0;
  for (const segment of segments(text)) {
    if (!segment.code) {
      let lineStart = offset;
      for (const line of segment.text.split(/(?<=\n)/)) {
        const match = HEADING.exec(line.replace(/\r?\n$/, ''));
        if (match)
          found.push({
            level: match[1]!.length,
            heading: match[2]!.trim(),
            start: lineStart,
            bodyStart: lineStart + line.length,
          });
        lineStart += line.length;
      }
    }
    offset += segment.text.length;
  }
  return found.map((heading, index) => {
    const next = found.slice(index + 1).find((other) => other.level <= heading.level);
    return { ...heading, end: next ? next.start : text.length };
  });
}

/** The body of the first section whose heading matches, or null. */
export function sectionBody(text: string, heading: RegExp): string | null {
  const section = markdownSections(text).find((candidate) => heading.test(candidate.heading));
  return section ? text.slice(section.bodyStart, section.end) : null;
}

/** Lowers every heading above `level` to `level` (so a quoted section sits under the report's own headings); code is left alone. */
export function shiftHeadings(text: string, level: number): string {
  return outsideCode(text, (prose) =>
    prose.replace(
      /^( {0,3})(#{1,6})(?=[ \t])/gm,
      (_all, indent: string, hashes: string) => indent + '#'.repeat(Math.max(level, hashes.length)),
    ),
  );
}

const OPEN_TASK = /^[ \t]*[-*+][ \t]+\[ \][ \t]+(.*\S)[ \t]*$/;

/** The text of every unchecked `- [ ]` item outside code, in order. */
export function openTasks(text: string): string[] {
  const tasks: string[] = [];
  for (const segment of segments(text)) {
    if (segment.code) continue;
    for (const line of segment.text.split(/\r?\n/)) {
      const match = OPEN_TASK.exec(line);
      if (match) tasks.push(match[1]!);
    }
  }
  return tasks;
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
