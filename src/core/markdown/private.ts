/**
 * Private blocks: everything between `<!-- private -->` and `<!-- /private -->`.
 * Markers are HTML comments read without regard to case or extra dashes
 * (`<!--- PRIVATE --->`), and may give a reason (`<!-- private: pricing -->`).
 * Blocks nest: the text stays hidden until the outer block closes; a block
 * that is never closed hides everything after it. Markers count wherever
 * they stand, code included: when in doubt, text stays out of the report.
 * No imports, so any lane may use it.
 */

export type MarkerKind = 'open' | 'close' | 'unknown';

export interface Marker {
  kind: MarkerKind;
  /** Offsets of the whole comment. */
  from: number;
  to: number;
  /** The comment's text between `<!--` and `-->`, without dashes and spaces at its ends. */
  text: string;
}

// A comment holds no `<!--`: a marker tucked inside another comment still counts.
const COMMENT = /<!--(?:(?!<!--)[\s\S])*?-->/g;
const OPEN = /^private(?:$|[\s:])/i;
const CLOSE = /^\/\s*private(?:$|[\s:])/i;
/** A comment that means to be a marker but is not spelled as one: `<!-- privat -->`, `<!-- end private -->`. */
const LOOKS_LIKE = /^(?:\/|end\b|close\b|begin\b|start\b)?[\s-]*priv/i;

/** Every private marker and marker-like comment, in order. */
export function privateMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  if (!text.includes('<!--')) return markers;
  COMMENT.lastIndex = 0;
  for (let match = COMMENT.exec(text); match; match = COMMENT.exec(text)) {
    const inner = match[0].slice(4, -3).replace(/^[\s-]+|[\s-]+$/g, '');
    const kind: MarkerKind | null = OPEN.test(inner)
      ? 'open'
      : CLOSE.test(inner)
        ? 'close'
        : LOOKS_LIKE.test(inner)
          ? 'unknown'
          : null;
    if (kind) markers.push({ kind, from: match.index, to: match.index + match[0].length, text: inner });
  }
  return markers;
}

export interface PrivateBlock {
  /** The opening marker's start and the closing marker's end (the text's end when unclosed). */
  from: number;
  to: number;
  closed: boolean;
  /** Closing markers that close nothing are listed too, as blocks of their own marker. */
  stray: boolean;
}

/** The outermost private blocks, and closers without an opener. */
export function privateBlocks(text: string): PrivateBlock[] {
  const blocks: PrivateBlock[] = [];
  let depth = 0;
  let from = 0;
  for (const marker of privateMarkers(text)) {
    if (marker.kind === 'open') {
      if (depth === 0) from = marker.from;
      depth++;
    } else if (marker.kind === 'close') {
      if (depth === 0) blocks.push({ from: marker.from, to: marker.to, closed: true, stray: true });
      else if (--depth === 0) blocks.push({ from, to: marker.to, closed: true, stray: false });
    }
  }
  if (depth > 0) blocks.push({ from, to: text.length, closed: false, stray: false });
  return blocks;
}

/** Widens [from, to) to whole lines when only blanks share its first and last lines. */
function wholeLines(text: string, from: number, to: number, floor: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', to);
  const rest = text.slice(to, lineEnd === -1 ? text.length : lineEnd);
  if (lineStart >= floor && /^[ \t]*$/.test(text.slice(lineStart, from)) && /^[ \t]*\r?$/.test(rest))
    return [lineStart, lineEnd === -1 ? text.length : lineEnd + 1];
  return [from, to];
}

/** Removes the given spans, each as whole lines when it stands on lines of its own. */
function cut(text: string, spans: { from: number; to: number }[]): string {
  let out = '';
  let pos = 0;
  for (const span of spans) {
    if (span.from < pos) continue;
    const [from, to] = wholeLines(text, span.from, span.to, pos);
    out += text.slice(pos, from);
    pos = to;
  }
  return out + text.slice(pos);
}

/**
 * Removes every private block, markers included (whole lines when the markers
 * stand on their own lines). With `keep`, only the markers go and the private
 * text stays. Marker-like comments that are not markers are left to the
 * comment stripping (and reported by `check`).
 */
export function stripPrivate(text: string, keep = false): string {
  if (!text.includes('<!--')) return text;
  if (keep)
    return cut(
      text,
      privateMarkers(text).filter((marker) => marker.kind !== 'unknown'),
    );
  return cut(text, privateBlocks(text));
}
