/**
 * Plain column tables for the terminal. Our own code rather than cli-table3
 * and the like (boxes, and string-width loaded for every table): borderless
 * columns that shrink the chosen ones to the terminal's width, and plain ASCII
 * measured without loading string-width, which the start-up budget needs.
 */
export interface TableOptions {
  /** Total width to fit in; no limit when undefined (output piped to a file). */
  width?: number;
  /** Columns that give up width, in order, when the table is too wide. */
  shrink?: number[];
  align?: Record<number, 'left' | 'right'>;
  /** Columns' minimum widths when shrinking. */
  minWidth?: number;
}

/** Display width of a string as a terminal shows it. */
export type Measure = (text: string) => number;

const GAP = '  ';
const COLOUR = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const asciiWidth: Measure = (text) => text.replace(COLOUR, '').length;

/**
 * How to measure these cells. Loading string-width costs ~30 ms (it sets up
 * Intl.Segmenter), so plain ASCII tables, the usual case for tags, slugs and
 * times, are measured by length and string-width is loaded only for others.
 */
export async function measureFor(cells: Iterable<string>): Promise<Measure> {
  for (const cell of cells) {
    if (!PRINTABLE_ASCII.test(cell.replace(COLOUR, ''))) return (await import('string-width')).default;
  }
  return asciiWidth;
}

/** An aligned plain-text table; cells may hold colour codes. */
export async function renderTable(
  headers: string[],
  rows: string[][],
  options: TableOptions = {},
): Promise<string> {
  const all = [headers, ...rows];
  const width = await measureFor(all.flat());
  return layoutTable(all, options, width);
}

function layoutTable(all: string[][], options: TableOptions, stringWidth: Measure): string {
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => stringWidth(row[column] ?? ''))));
  if (options.width) {
    let excess =
      widths.reduce((sum, width) => sum + width, 0) + GAP.length * (widths.length - 1) - options.width;
    const minimum = options.minWidth ?? 8;
    for (const column of options.shrink ?? []) {
      if (excess <= 0) break;
      const give = Math.max(0, Math.min(excess, widths[column]! - minimum));
      widths[column]! -= give;
      excess -= give;
    }
  }
  const cell = (text: string, column: number) => {
    const width = widths[column]!;
    const fitted = stringWidth(text) > width ? truncate(text, width, stringWidth) : text;
    const pad = ' '.repeat(Math.max(0, width - stringWidth(fitted)));
    return options.align?.[column] === 'right' ? pad + fitted : fitted + pad;
  };
  return all
    .map((row) =>
      row
        .map((text, column) => cell(text ?? '', column))
        .join(GAP)
        .trimEnd(),
    )
    .join('\n');
}

/** Cuts text to a display width, ending with an ellipsis; drops colour codes when it cuts. */
export function truncate(text: string, width: number, stringWidth: Measure): string {
  const plain = text.replace(COLOUR, '');
  let result = '';
  for (const char of plain) {
    if (stringWidth(result + char) > width - 1) break;
    result += char;
  }
  return `${result}…`;
}
