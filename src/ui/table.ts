/**
 * Plain column tables for the terminal. Our own code rather than cli-table3
 * and the like (boxes, and string-width loaded for every table): borderless
 * columns that fit the terminal's width as each table's column spec says
 * (src/ui/table-fit.ts), and cells measured cheaply (src/ui/text-width.ts).
 */
import type { OutStream } from '../io.js';
import { visibleKeepingColour } from '../visible.js';
import { type ColumnFit, fitColumns, GAP, type Give } from './table-fit.js';
import { isNarrow, loadStringWidth, makeMeasurer, type Measurer } from './text-width.js';

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
  let narrow = true;
  const all = [headers, ...rows].map((row) =>
    headers.map((_, column) => {
      const text = row[column] ?? '';
      if (isNarrow(text)) return text;
      narrow = false;
      return displayable(text);
    }),
  );
  return layoutTable(all, options, makeMeasurer(narrow ? undefined : await loadStringWidth()));
}

/** The same, for cells already displayable (one line each), measured by `measurer`. */
export function layoutTable(
  all: string[][],
  options: TableOptions,
  measurer: Measurer = makeMeasurer(),
): string {
  const headers = all[0]!;
  const cellWidths = all.map((row) => row.map((text) => measurer.width(text)));
  // Loops rather than Math.max(...rows): a listing of 100,000 notes is too many arguments.
  const natural = headers.map(() => 0);
  const empty = headers.map(() => all.length > 1);
  cellWidths.forEach((row, r) => {
    row.forEach((width, column) => {
      natural[column] = Math.max(natural[column]!, width);
      if (r > 0 && width > 0) empty[column] = false;
    });
  });
  const widths = fitColumns(natural, headers.map(fitOf(options)), options.width, empty);
  const cell = (text: string, measured: number, column: number, width: number) => {
    let shown = text;
    let used = measured;
    if (measured > width) ({ text: shown, width: used } = measurer.cut(text, width));
    const pad = ' '.repeat(Math.max(0, width - used));
    return options.align?.[column] === 'right' ? pad + shown : shown + pad;
  };
  const gap = ' '.repeat(GAP);
  return all
    .map((row, r) => {
      const parts: string[] = [];
      row.forEach((text, column) => {
        const width = widths[column];
        if (width !== null && width !== undefined)
          parts.push(cell(text, cellWidths[r]![column]!, column, width));
      });
      return parts.join(gap).trimEnd();
    })
    .join('\n');
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
