/**
 * Plain column tables for the terminal. Our own code rather than cli-table3
 * and the like (boxes, and string-width loaded for every table): borderless
 * columns that fit the terminal's width as each table's column spec says
 * (src/ui/table-fit.ts), and cells measured cheaply (src/ui/text-width.ts).
 */
import type { OutStream } from '../io.js';
import { visibleKeepingColour } from '../visible.js';
import { type ColumnFit, fitColumns, GAP, type Give } from './table-fit.js';
import { loadStringWidth, makeMeasurer, type Measurer, NARROW, stripColour } from './text-width.js';

export type { Give } from './table-fit.js';

/** How a column gives way: its kind, or its kind and the narrowest it is cut to first. */
export type ColumnSpec = Give | { give: Give; min?: number };

export interface TableOptions {
  /** Total width to fit in; no limit when undefined (output piped to a file). */
  width?: number;
  /** How each column gives way, by header; a column not named is fixed. */
  columns?: Record<string, ColumnSpec>;
  /** Older form: columns (by index) that give up width, down to minWidth. */
  shrink?: number[];
  minWidth?: number;
  align?: Record<number, 'left' | 'right'>;
}

/** The narrowest a column of each kind is cut to before the next kind gives way. */
const MIN: Record<Give, number> = { id: 8, secondary: 8, main: 10, fixed: 1 };

/**
 * The width a table must fit: `--width` when given (0: no limit), else the
 * terminal's columns; piped output is not cut.
 */
export function tableWidth(stdout: OutStream, flag?: number): number | undefined {
  if (flag !== undefined) return flag > 0 ? flag : undefined;
  return stdout.isTTY && stdout.columns ? stdout.columns : undefined;
}

/** An aligned plain-text table; cells may hold colour codes. */
export async function renderTable(
  headers: string[],
  rows: string[][],
  options: TableOptions = {},
): Promise<string> {
  const all: string[][] = [];
  // Each cell's width: its length when every character takes one column, else -1 (measured below).
  const widths: number[][] = [];
  let narrow = true;
  const add = (row: string[]) => {
    const texts: string[] = [];
    const measured: number[] = [];
    for (let column = 0; column < headers.length; column++) {
      const text = row[column] ?? '';
      const plain = stripColour(text);
      if (NARROW.test(plain)) {
        texts.push(text);
        measured.push(plain.length);
      } else {
        narrow = false;
        texts.push(displayable(text));
        measured.push(-1);
      }
    }
    all.push(texts);
    widths.push(measured);
  };
  add(headers);
  for (const row of rows) add(row);
  const measurer = makeMeasurer(narrow ? undefined : await loadStringWidth());
  if (!narrow)
    widths.forEach((row, r) => {
      row.forEach((width, column) => {
        if (width < 0) row[column] = measurer.width(all[r]![column]!);
      });
    });
  return layout(all, widths, options, measurer);
}

/** The same, for cells already displayable (one line each), measured by `measurer`. */
export function layoutTable(
  all: string[][],
  options: TableOptions,
  measurer: Measurer = makeMeasurer(),
): string {
  return layout(
    all,
    all.map((row) => row.map((text) => measurer.width(text))),
    options,
    measurer,
  );
}

function layout(all: string[][], cellWidths: number[][], options: TableOptions, measurer: Measurer): string {
  const headers = all[0]!;
  // Loops rather than Math.max(...rows): a listing of 100,000 notes is too many arguments.
  const natural = headers.map(() => 0);
  const empty = headers.map(() => all.length > 1);
  cellWidths.forEach((row, r) => {
    row.forEach((width, column) => {
      if (width > natural[column]!) natural[column] = width;
      if (r > 0 && width > 0) empty[column] = false;
    });
  });
  const widths = fitColumns(natural, headers.map(fitOf(options)), options.width, empty);
  const shown = widths.flatMap((width, column) => (width === null || width === undefined ? [] : [column]));
  const right = shown.map((column) => options.align?.[column] === 'right');
  const pads = [''];
  for (let n = 1; n <= Math.max(0, ...natural); n++) pads.push(`${pads[n - 1]} `);
  const gap = ' '.repeat(GAP);
  const lines: string[] = [];
  for (let r = 0; r < all.length; r++) {
    const row = all[r]!;
    let line = '';
    for (let i = 0; i < shown.length; i++) {
      const column = shown[i]!;
      const width = widths[column]!;
      let text = row[column]!;
      let used = cellWidths[r]![column]!;
      if (used > width) ({ text, width: used } = measurer.cut(text, width));
      const pad = pads[width - used] ?? ' '.repeat(Math.max(0, width - used));
      if (i > 0) line += gap;
      line += right[i] ? pad + text : text + pad;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

function fitOf(options: TableOptions) {
  return (header: string, column: number): ColumnFit => {
    const spec =
      options.columns && Object.hasOwn(options.columns, header) ? options.columns[header] : undefined;
    if (spec !== undefined) {
      const give = typeof spec === 'string' ? spec : spec.give;
      return { give, min: (typeof spec === 'string' ? undefined : spec.min) ?? MIN[give] };
    }
    if (options.shrink?.includes(column))
      return { give: 'secondary', min: options.minWidth ?? MIN.secondary };
    return { give: 'fixed', min: MIN.fixed };
  };
}

/**
 * A cell as one line: a newline or tab would break the row (a tab's width is
 * the terminal's to choose), and no control character reaches the terminal.
 */
function displayable(text: string): string {
  return visibleKeepingColour(text.replace(/[\t\n]/g, ' '));
}
