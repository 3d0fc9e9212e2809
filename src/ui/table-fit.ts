/**
 * How a table's columns give way when it is wider than the terminal. Each
 * column says what it is: the reference (id, uid, ref) gives first, down to a
 * few characters and then out altogether; secondary columns (tags, speakers,
 * snippets) come next; the main ones (title, room) keep their room longest
 * and then shrink together, in proportion. Fixed columns (times, ratings,
 * marks) give only when nothing else can.
 */
export type Give = 'id' | 'secondary' | 'main' | 'fixed';

export interface ColumnFit {
  give: Give;
  /** The narrowest it is cut to before the next kind of column gives (a narrower column keeps its width). */
  min: number;
}

/** Spaces between columns. */
export const GAP = 2;

/**
 * The width of each column, or null for a column left out, so that the table
 * fits in `limit`. A column with nothing in it but its header (`empty`) goes
 * first when the table is too wide.
 */
export function fitColumns(
  natural: number[],
  fits: ColumnFit[],
  limit: number | undefined,
  empty: boolean[] = [],
): (number | null)[] {
  if (limit === undefined) return [...natural];
  if (natural.reduce((sum, width) => sum + width + GAP, -GAP) <= limit) return [...natural];
  const gone = (i: number, left: Give[]) => empty[i] === true || left.includes(fits[i]!.give);
  const floor = (i: number) => Math.min(natural[i]!, fits[i]!.min);
  const kind = (give: Give) => natural.flatMap((_, i) => (fits[i]!.give === give ? [i] : []));
  // Each try starts again from the full widths, so a column left out gives its room back to the rest.
  const attempt = (left: Give[], shrink: Give[]) => {
    const widths: (number | null)[] = natural.map((width, i) => (gone(i, left) ? null : width));
    const over = () => {
      let sum = -GAP;
      for (const width of widths) if (width !== null) sum += width + GAP;
      return sum - limit;
    };
    for (const give of shrink) {
      if (give === 'main') shrinkTogether(widths, kind('main'), floor, over);
      else shrinkWidest(widths, kind(give), floor, over);
    }
    return { widths, over };
  };
  for (const [left, shrink] of [
    [[], ['id', 'secondary']],
    [['id'], ['secondary', 'main']],
    [['id', 'secondary'], ['main']],
  ] as [Give[], Give[]][]) {
    const { widths, over } = attempt(left, shrink);
    if (over() <= 0) return widths;
  }
  // Narrower than any sensible table: everything gives, then columns go from the right.
  const { widths, over } = attempt(['id', 'secondary'], ['main']);
  const shown = () => widths.flatMap((width, i) => (width === null ? [] : [i]));
  shrinkWidest(widths, shown(), () => 1, over);
  for (const i of shown().reverse()) if (over() > 0 && shown().length > 1) widths[i] = null;
  const [last] = shown();
  if (over() > 0 && last !== undefined) widths[last] = Math.max(1, limit);
  return widths;
}

/** Cuts the widest of the columns first, each no lower than its floor, until nothing is over. */
function shrinkWidest(
  widths: (number | null)[],
  columns: number[],
  floor: (i: number) => number,
  over: () => number,
): void {
  for (;;) {
    const excess = over();
    const open = columns.filter((i) => widths[i] !== null && widths[i]! > floor(i));
    if (excess <= 0 || open.length === 0) return;
    const widest = open.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    const next = Math.max(floor(widest), ...open.filter((i) => i !== widest).map((i) => widths[i]!));
    const cut = Math.min(excess, widths[widest]! - next) || 1;
    widths[widest]! -= cut;
  }
}

/** Cuts the columns in proportion to their widths, each no lower than its floor. */
function shrinkTogether(
  widths: (number | null)[],
  columns: number[],
  floor: (i: number) => number,
  over: () => number,
): void {
  const excess = over();
  columns = columns.filter((i) => widths[i] !== null);
  if (excess <= 0 || columns.length === 0) return;
  const total = columns.reduce((sum, i) => sum + widths[i]!, 0);
  const target = total - excess;
  const pinned = new Set<number>();
  let scale = 1;
  for (;;) {
    const free = columns.filter((i) => !pinned.has(i));
    const room = target - [...pinned].reduce((sum, i) => sum + floor(i), 0);
    const freeWidth = free.reduce((sum, i) => sum + widths[i]!, 0);
    scale = freeWidth > 0 ? Math.max(0, room) / freeWidth : 0;
    const low = free.filter((i) => widths[i]! * scale < floor(i));
    if (low.length === 0) break;
    for (const i of low) pinned.add(i);
  }
  const exact = new Map(columns.map((i) => [i, pinned.has(i) ? floor(i) : widths[i]! * scale]));
  for (const i of columns) widths[i] = Math.floor(exact.get(i)!);
  // Rounding down left a few columns over: they go to the largest remainders.
  let spare = target - columns.reduce((sum, i) => sum + widths[i]!, 0);
  const byRemainder = columns
    .filter((i) => !pinned.has(i))
    .sort((a, b) => exact.get(b)! - widths[b]! - (exact.get(a)! - widths[a]!));
  for (const i of byRemainder) {
    if (spare <= 0) break;
    widths[i]! += 1;
    spare -= 1;
  }
}
