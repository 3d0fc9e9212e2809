/**
 * The document-level headings of a Markdown text (ATX `## x` and setext
 * `x\n---`), as CommonMark defines them and markdown-it finds them: not in
 * fenced or indented code, HTML blocks, block quotes or list items.
 *
 * This is the lean path of the Markdown reader for the quick lane (`jot`),
 * which cannot carry markdown-it (its bundle would pass the 64 KB budget). It
 * follows CommonMark's line-by-line block algorithm only as far as headings
 * need it: open containers, their lazy continuation lines, fences and HTML
 * blocks. test/unit/markdown-agree.property.test.ts checks on generated
 * notes that it finds exactly the headings markdown-it does (blocks.ts).
 * One known gap: lazy continuation lines under nested block quotes (`>>`),
 * where markdown-it itself departs from CommonMark.
 * It imports nothing, so the quick lane may use it.
 */

export interface HeadingLine {
  level: number;
  /** The heading's text, as markdown-it's inline content: trimmed, closing `#`s removed. */
  title: string;
  /** First line (0-based) of the heading, and the line after it (a setext heading spans its paragraph and underline). */
  line: number;
  endLine: number;
}

/** Splits like markdown-it: `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tabs act as spaces up to the next multiple of four columns (CommonMark 2.2). */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,} *$/;
const ATX = /^#{1,6}(?: |$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const BULLET = /^[-+*](?= |$)/;
const ORDERED = /^(\d{1,9})[.)](?= |$)/;
const SETEXT = /^(=+|-+) *$/;
// The destination is `<…>` (spaces allowed, may be empty) or a run without spaces that does not start with `<`.
const REFERENCE =
  /^\[(?:[^\]\\[]|\\.)+\]: *(?:<(?:[^<>\\]|\\.)*>|[^\s<>][^\s]*)(?: +(?:"[^"]*"|'[^']*'|\([^)]*\)))? *$/;
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const OPEN_TAG =
  '<[A-Za-z][A-Za-z0-9-]*(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)*\\s*\\/?>';
/** HTML block starts (CommonMark 4.6) and what ends each; null: a blank line. The last cannot interrupt a paragraph. */
const HTML_BLOCKS: [RegExp, RegExp | null][] = [
  [/^<(script|pre|style|textarea)(?=\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [new RegExp(`^</?(${BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'), null],
  [new RegExp(`^(?:${OPEN_TAG}|<\\/[A-Za-z][A-Za-z0-9-]*\\s*>)\\s*$`), null],
];

type State =
  | { kind: 'none' }
  | { kind: 'paragraph'; start: number }
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'html'; end: RegExp | null }
  | { kind: 'quote'; inner: Blocks }
  | { kind: 'item'; inner: Blocks; offset: number; emptyStart: boolean; lines: number; closed: boolean };

/** Would this line (at a container's own level) start a block that ends a paragraph? */
function startsBlock(line: string): boolean {
  if (indentOf(line) > 3) return false;
  const rest = line.trimStart();
  return (
    THEMATIC_BREAK.test(rest) ||
    ATX.test(rest) ||
    isFenceOpen(rest) !== null ||
    rest.startsWith('>') ||
    BULLET.test(rest) ||
    ORDERED.test(rest) ||
    (rest[0] === '<' && HTML_BLOCKS.slice(0, 6).some(([start]) => start.test(rest)))
  );
}

function isFenceOpen(rest: string): RegExpExecArray | null {
  const match = FENCE.exec(rest);
  return match && (match[1]![0] === '~' || !match[2]!.includes('`')) ? match : null;
}

/** The block structure of one container's lines; the document's own records its headings. */
class Blocks {
  state: State = { kind: 'none' };
  constructor(private readonly found: HeadingLine[] | null) {}

  /** True when the innermost open block is a paragraph (so a lazy continuation line may join it). */
  paragraphOpen(): boolean {
    const s = this.state;
    if (s.kind === 'paragraph') return true;
    if (s.kind === 'quote') return s.inner.paragraphOpen();
    if (s.kind === 'item') return !s.closed && s.inner.paragraphOpen();
    return false;
  }

  feed(line: string, index: number): void {
    const s = this.state;
    if (s.kind === 'quote' || s.kind === 'item') {
      if (this.continues(s, line, index)) return;
      if (indentOf(line) < line.length && s.inner.paragraphOpen() && !startsBlock(line)) return; // lazy
      this.state = { kind: 'none' };
    }
    this.leaf(line, index);
  }

  private continues(s: State & { kind: 'quote' | 'item' }, line: string, index: number): boolean {
    const blank = indentOf(line) === line.length;
    if (s.kind === 'quote') {
      const match = /^ {0,3}>/.exec(line);
      if (!match) return false;
      const rest = line.slice(match[0].length);
      s.inner.feed(rest.startsWith(' ') ? rest.slice(1) : rest, index);
      return true;
    }
    s.lines++;
    if (blank) {
      // A list item can begin with at most one blank line.
      if (s.emptyStart && s.lines === 2) s.closed = true;
      if (!s.closed) s.inner.feed('', index);
      return true;
    }
    if (s.closed || indentOf(line) < s.offset) return false;
    s.inner.feed(line.slice(s.offset), index);
    return true;
  }

  private leaf(line: string, index: number): void {
    const s = this.state;
    const indent = indentOf(line);
    const rest = line.slice(indent);
    if (s.kind === 'fence') {
      const close = new RegExp(`^${s.char === '`' ? '`' : '~'}{${s.length},} *$`);
      if (indent <= 3 && close.test(rest)) this.state = { kind: 'none' };
      return;
    }
    if (s.kind === 'html') {
      if (s.end === null ? rest === '' : s.end.test(rest)) this.state = { kind: 'none' };
      return;
    }
    const paragraph = s.kind === 'paragraph' ? s : null;
    if (rest === '') {
      this.state = { kind: 'none' };
      return;
    }
    if (indent >= 4) return; // a paragraph's continuation, or indented code
    if (paragraph && SETEXT.test(rest)) {
      this.heading(rest[0] === '=' ? 1 : 2, paragraph.start, index);
      return;
    }
    if (THEMATIC_BREAK.test(rest)) {
      this.state = { kind: 'none' };
      return;
    }
    if (ATX.test(rest)) {
      this.heading(/^#+/.exec(rest)![0].length, index, index);
      return;
    }
    const fence = isFenceOpen(rest);
    if (fence) {
      this.state = { kind: 'fence', char: fence[1]![0]!, length: fence[1]!.length };
      return;
    }
    if (rest.startsWith('>')) {
      const inner = new Blocks(null);
      this.state = { kind: 'quote', inner };
      const after = rest.slice(1);
      inner.feed(after.startsWith(' ') ? after.slice(1) : after, index);
      return;
    }
    if (this.listItem(line, indent, rest, index, paragraph !== null)) return;
    // Only lines starting with `<` are tried: V8 takes milliseconds to compile the tag pattern.
    const html = rest[0] === '<' ? HTML_BLOCKS.findIndex(([start]) => start.test(rest)) : -1;
    if (html !== -1 && !(paragraph && html === 6)) {
      const end = HTML_BLOCKS[html]![1];
      this.state = end?.test(rest) ? { kind: 'none' } : { kind: 'html', end };
      return;
    }
    if (!paragraph && rest[0] === '[' && REFERENCE.test(rest)) return;
    if (!paragraph) this.state = { kind: 'paragraph', start: index };
  }

  private listItem(line: string, indent: number, rest: string, index: number, inParagraph: boolean): boolean {
    const bullet = BULLET.exec(rest);
    const ordered = bullet ? null : ORDERED.exec(rest);
    const marker = bullet?.[0] ?? ordered?.[0];
    if (marker === undefined) return false;
    const after = rest.slice(marker.length);
    const empty = after.trim() === '';
    if (inParagraph && (empty || (ordered && Number(ordered[1]) !== 1))) return false;
    const spaces = indentOf(after);
    const width = empty || spaces >= 5 ? 1 : spaces;
    const inner = new Blocks(null);
    this.state = {
      kind: 'item',
      inner,
      offset: indent + marker.length + width,
      emptyStart: empty,
      lines: 1,
      closed: false,
    };
    inner.feed(empty ? '' : line.slice(indent + marker.length + width), index);
    return true;
  }

  private heading(level: number, line: number, last: number): void {
    this.state = { kind: 'none' };
    this.found?.push({ level, title: '', line, endLine: last + 1 });
  }
}

/** markdown-it's text of an ATX heading line: after the `#`s, trimmed, a closing run of `#` after a space dropped. */
function atxTitle(line: string): string {
  let content = line
    .trimStart()
    .replace(/^#+/, '')
    .replace(/[ \t]+$/, '');
  const closing = /(^|[ \t])#+$/.exec(content);
  if (closing) content = content.slice(0, closing.index + closing[1]!.length);
  return content.trim();
}

/**
 * A line that cannot open or hide anything: blank, an ATX heading at the
 * margin, a bullet item with text, an HTML comment that closes on its own
 * line, or text at the margin that starts no block. In a note made only of such lines (as jotted notes are), every ATX
 * line is a document-level heading and there is nothing else to find.
 */
const EMPTY_ITEM = /^- *$/;
const PLAIN_LINE = /^(?: *|#{1,6}(?: .*)?|- +\S.*|<!--.*-->.*|[^\s`~<>[=\d*+_|#-].*)$/;

/** Every document-level heading, in order. */
export function documentHeadings(text: string): HeadingLine[] {
  const lines = splitLines(text);
  const found: HeadingLine[] = [];
  // The lock of a jot is held while this runs: a one-regex pass serves the usual note.
  // An empty item (`- `, as the templates leave) is plain after a blank line or a heading; after text it is an underline.
  const plain = (line: string, index: number) =>
    PLAIN_LINE.test(line) ||
    (EMPTY_ITEM.test(line) && (index === 0 || /^ *$|^#{1,6}(?: |$)/.test(lines[index - 1]!)));
  if (lines.every(plain)) {
    lines.forEach((line, index) => {
      const atx = ATX.exec(line);
      if (atx)
        found.push({
          level: /^#+/.exec(line)![0].length,
          title: atxTitle(line),
          line: index,
          endLine: index + 1,
        });
    });
    return found;
  }
  const doc = new Blocks(found);
  lines.forEach((line, index) => {
    doc.feed(expandTabs(line), index);
  });
  for (const heading of found) {
    heading.title =
      heading.endLine - heading.line === 1
        ? atxTitle(lines[heading.line]!)
        : lines
            .slice(heading.line, heading.endLine - 1)
            .join('\n')
            .trim();
  }
  return found;
}
