import stringWidth from 'string-width';

export interface TableOptions {
  /** Total width to fit in; no limit when undefined (output piped to a file). */
  width?: number;
  /** Columns that give up width, in order, when the table is too wide. */
  shrink?: number[];
  align?: Record<number, 'left' | 'right'>;
  /** Columns' minimum widths when shrinking. */
  minWidth?: number;
}

const GAP = '  ';

/** An aligned plain-text table; cells may hold colour codes. */
export function renderTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => stringWidth(row[column] ?? ''))));
  if (options.width) {
    let excess = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (widths.length - 1) - options.width;
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
    const fitted = stringWidth(text) > width ? truncate(text, width) : text;
    const pad = ' '.repeat(Math.max(0, width - stringWidth(fitted)));
    return options.align?.[column] === 'right' ? pad + fitted : fitted + pad;
  };
  return all
    .map((row) => row.map((text, column) => cell(text ?? '', column)).join(GAP).trimEnd())
    .join('\n');
}

/** Cuts text to a display width, ending with an ellipsis; drops colour codes when it cuts. */
export function truncate(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let result = '';
  for (const char of plain) {
    if (stringWidth(result + char) > width - 1) break;
    result += char;
  }
  return `${result}…`;
}
