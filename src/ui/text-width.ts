/**
 * Display widths of table cells. Text of one-column characters (ASCII, Latin,
 * Greek and Cyrillic letters, dashes, and the marks confnotes draws) is
 * measured by its length; other text goes through string-width once per
 * distinct text (a listing repeats the same tags, rooms and ratings on many
 * rows), and cutting text steps through its graphemes once instead of
 * measuring a growing prefix.
 */
const COLOUR = /\u001b\[[0-9;]*m/g;
const LEADING_COLOUR = /^(?:\u001b\[[0-9;]*m)+/;
/**
 * Characters a terminal shows in one column, one UTF-16 unit each, none of
 * which joins the next into a cluster: printable ASCII; Latin-1 and Latin
 * Extended (not the soft hyphen); Greek; Cyrillic (not its combining marks);
 * punctuation from U+2010 (not the line separators, bidi controls or
 * invisibles); arrows; and ▶ ★ ☆ ♥ ✎. test/unit/table.test.ts checks each
 * against string-width.
 */
export const NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u25b6\u2605\u2606\u2665\u270e]*$/;
const RESET = '\u001b[0m';

export const stripColour = (text: string): string =>
  text.includes('\u001b') ? text.replace(COLOUR, '') : text;

/** True when every character of the text (colour codes aside) takes one column: measured by its length. */
export const isNarrow = (text: string): boolean => NARROW.test(stripColour(text));

export interface Measurer {
  /** Columns the text takes on a terminal; colour codes take none. */
  width(text: string): number;
  /** The text cut to at most `width` columns, ending with an ellipsis, and the columns it takes. */
  cut(text: string, width: number): { text: string; width: number };
}

/** Longer text than this is measured grapheme by grapheme (see `graphemes`). */
const LONG = 256;

/** Runs of narrow characters long enough to be worth counting by length inside other text. */
const NARROW_RUN = new RegExp(`${NARROW.source.slice(1, -2)}{3,}`, 'g');

/** A measurer; `stringWidth` is needed only for text that is not all narrow characters. */
export function makeMeasurer(stringWidth?: (text: string) => number): Measurer {
  const known = new Map<string, number>();
  const wide = (piece: string): number => {
    if (piece === '') return 0;
    let width = known.get(piece);
    if (width === undefined) {
      if (!stringWidth) throw new Error(`no measure for wide or joining text ${JSON.stringify(piece)}`);
      width = stringWidth(piece);
      known.set(piece, width);
    }
    return width;
  };
  // The narrow runs count by length; what lies between them goes to string-width, with the
  // runs' outer characters, which may join it (a combining mark, a zero-width joiner).
  const split = (plain: string): number => {
    let width = 0;
    let from = 0;
    for (const run of plain.matchAll(NARROW_RUN)) {
      const start = run.index + (run.index > 0 ? 1 : 0);
      const end = run.index + run[0].length - (run.index + run[0].length < plain.length ? 1 : 0);
      width += wide(plain.slice(from, start)) + (end - start);
      from = end;
    }
    return width + wide(plain.slice(from));
  };
  const other = (plain: string): number => {
    let width = known.get(plain);
    if (width === undefined) {
      width = 0;
      if (plain.length <= LONG) width = split(plain);
      else for (const grapheme of graphemes(plain)) width += measure(grapheme);
      known.set(plain, width);
    }
    return width;
  };
  const measure = (plain: string) => (NARROW.test(plain) ? plain.length : other(plain));
  return {
    width: (text) => measure(stripColour(text)),
    cut(text, width) {
      if (width <= 0) return { text: '', width: 0 };
      const plain = stripColour(text);
      let end = 0;
      let used = 0;
      if (NARROW.test(plain)) {
        end = Math.min(plain.length, width - 1);
        used = end;
      } else {
        for (const grapheme of graphemes(plain)) {
          const next = measure(grapheme);
          if (used + next > width - 1) break;
          used += next;
          end += grapheme.length;
        }
      }
      const kept = plain.slice(0, end).replace(/ +$/, '');
      used -= end - kept.length;
      // Keep the cell's own colour (a dim id stays dim), closed after the ellipsis.
      const colour = text.match(LEADING_COLOUR)?.[0];
      return { text: colour ? `${colour}${kept}…${RESET}` : `${kept}…`, width: used + 1 };
    },
  };
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The text's graphemes, segmented a window at a time: Node 20's Intl.Segmenter
 * slows down with the length of the text it walks (100k characters take a
 * minute), so a window's last grapheme, which may go on past it, is left for
 * the next window.
 */
export function* graphemes(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter();
  let start = 0;
  let window = LONG;
  while (start < text.length) {
    const end = Math.min(text.length, start + window);
    const parts = [...segmenter.segment(text.slice(start, end))];
    if (end < text.length && parts.length === 1) {
      window *= 2;
      continue;
    }
    const last = end < text.length ? parts.pop()! : undefined;
    for (const part of parts) yield part.segment;
    start = last ? start + last.index : end;
    window = LONG;
  }
}

/**
 * string-width, for text of other characters. Loading it costs ~30 ms (it
 * sets up Intl.Segmenter), so tables of narrow text never import it.
 */
export async function loadStringWidth(): Promise<(text: string) => number> {
  return (await import('string-width')).default;
}
