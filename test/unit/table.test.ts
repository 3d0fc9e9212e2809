/** The table layout: which columns give way, alignment, and how cells are measured and cut. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitColumns, type ColumnFit } from '../../src/ui/table-fit.js';
import { layoutTable, renderTable, tableWidth } from '../../src/ui/table.js';
import { makeMeasurer, NARROW } from '../../src/ui/text-width.js';

const spec = (give: ColumnFit['give'], min = 8): ColumnFit => ({ give, min });

describe('fitColumns', () => {
  const fits = [spec('fixed', 1), spec('main', 10), spec('secondary'), spec('id')];

  it('leaves every column at its width when there is room or no limit', () => {
    expect(fitColumns([5, 20, 10, 30], fits, undefined)).toEqual([5, 20, 10, 30]);
    expect(fitColumns([5, 20, 10, 30], fits, 71)).toEqual([5, 20, 10, 30]);
  });

  it('cuts the id first, down to its minimum, before anything else gives', () => {
    expect(fitColumns([5, 20, 10, 30], fits, 61)).toEqual([5, 20, 10, 20]);
    expect(fitColumns([5, 20, 10, 30], fits, 49)).toEqual([5, 20, 10, 8]);
  });

  it('then the secondary columns, then the id goes, then the main columns shrink', () => {
    expect(fitColumns([5, 20, 10, 30], fits, 48)).toEqual([5, 20, 9, 8]);
    expect(fitColumns([5, 20, 10, 30], fits, 47)).toEqual([5, 20, 8, 8]);
    // No room for the id at its minimum: it goes, and the secondary column gets room back.
    expect(fitColumns([5, 20, 10, 30], fits, 46)).toEqual([5, 20, 10, null]);
    expect(fitColumns([5, 20, 10, 30], fits, 37)).toEqual([5, 20, 8, null]);
    expect(fitColumns([5, 20, 10, 30], fits, 33)).toEqual([5, 16, 8, null]);
    // The main column at its minimum: the secondary one goes, and the main one has its room back.
    expect(fitColumns([5, 20, 10, 30], fits, 26)).toEqual([5, 19, null, null]);
  });

  it('shrinks the main columns together, in proportion', () => {
    const widths = fitColumns([5, 60, 30], [spec('fixed', 1), spec('main', 10), spec('main', 6)], 59);
    expect(widths[0]).toBe(5);
    expect(widths[1]! + widths[2]!).toBe(50);
    expect(widths[1]).toBeGreaterThanOrEqual(33);
    expect(widths[2]).toBeGreaterThanOrEqual(16);
  });

  it('keeps within the limit even when nothing sensible fits', () => {
    for (const limit of [1, 3, 7, 12]) {
      const widths = fitColumns([22, 40, 30, 70], fits, limit);
      const shown = widths.filter((w): w is number => w !== null);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.reduce((a, b) => a + b, 0) + 2 * (shown.length - 1)).toBeLessThanOrEqual(limit);
    }
  });
});

describe('layoutTable', () => {
  it('keeps the header aligned with the cells, cut or not, and trims trailing space', () => {
    const out = layoutTable(
      [
        ['when', 'title', 'id'],
        ['10:00', 'Scaling etcd in production', '2015-09-16-scaling-etcd'],
        ['11:00', 'Short', 'x'],
      ],
      { width: 30, columns: { title: 'main', id: 'id' } },
    );
    expect(out.split('\n')).toEqual(['when   title', '10:00  Scaling etcd in produc…', '11:00  Short']);
  });

  it('aligns wide characters by display width, and cuts them on a grapheme', async () => {
    const out = await renderTable(
      ['title', 'id'],
      [
        ['会議の記録について話す', 'a1'],
        ['👩‍💻 x', 'b2'],
      ],
      { width: 14, columns: { title: 'main' } },
    );
    const lines = out.split('\n');
    expect(lines).toEqual(['title       id', '会議の記…   a1', '👩‍💻 x        b2']);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(14);
  });

  it('leaves out a column with nothing in it when the table is too wide, and keeps it when there is room', () => {
    const rows = [
      ['title', 'tags', 'id'],
      ['Scaling etcd', '', 'a1'],
      ['Fibre', '', 'b2'],
    ];
    const options = { columns: { title: 'main', tags: 'secondary' } } as const;
    expect(layoutTable(rows, { ...options, width: 18 }).split('\n')).toEqual([
      'title         id',
      'Scaling etcd  a1',
      'Fibre         b2',
    ]);
    expect(layoutTable(rows, { ...options, width: 22 }).split('\n')[0]).toBe('title         tags  id');
  });

  it('lays out 150,000 rows (a lifetime of notes) without running out of arguments', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [`2015-09-19 10:00`, `talk ${i}`, `id-${i}`]);
    const out = layoutTable([['when', 'title', 'id'], ...rows], {
      width: 30,
      columns: { title: 'main', id: 'id' },
    });
    expect(out.split('\n')).toHaveLength(150_001);
    expect(out.split('\n')[150_000]).toBe('2015-09-19 10:00  talk 149999');
  });

  it('right-aligns where asked, and keeps the colour of a cut cell', () => {
    const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
    const out = layoutTable(
      [
        ['title', 'n'],
        [dim('a long title here'), '7'],
        ['b', '12'],
      ],
      { width: 12, columns: { title: 'main' }, align: { 1: 'right' } },
    );
    expect(out.split('\n')).toEqual(['title      n', '\u001b[2ma long…\u001b[0m    7', 'b         12']);
  });

  it('prints newlines and tabs inside a cell as spaces, and control characters as escapes', async () => {
    const out = await renderTable(['title'], [['one\ntwo\tthree \u001b]0;x\u0007é']]);
    expect(out.split('\n')).toEqual(['title', 'one two three \\x1b]0;x\\x07é']);
  });
});

describe('measuring', () => {
  it('measures one-column text by its length, without string-width', () => {
    const measurer = makeMeasurer();
    expect(measurer.width('\u001b[36mkeynote\u001b[39m')).toBe(7);
    expect(measurer.width('Zürich – Ελλάδα ★★★☆☆ ♥ ✎ ▶ “Müller”…')).toBe(37);
    expect(() => measurer.width('会')).toThrow();
    expect(() => measurer.width('e\u0301')).toThrow();
  });

  it('takes as narrow only characters string-width gives one column and one grapheme', () => {
    const segmenter = new Intl.Segmenter();
    let narrow = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!NARROW.test(char)) continue;
      narrow += 1;
      expect(stringWidth(char), `U+${code.toString(16)}`).toBe(1);
      // Nothing in the set joins its neighbour: 'a' + char + 'a' is three graphemes.
      expect([...segmenter.segment(`a${char}a`)], `U+${code.toString(16)}`).toHaveLength(3);
    }
    expect(narrow).toBeGreaterThan(1200);
  });

  it('calls string-width once per distinct non-ASCII cell, however many rows repeat it', () => {
    const seen: string[] = [];
    const measurer = makeMeasurer((text) => {
      seen.push(text);
      return stringWidth(text);
    });
    const rows = Array.from({ length: 500 }, (_, i) => [
      `talk ${i}`,
      i % 2 ? '会議' : '👩‍💻 Zürich',
      `id-${i}`,
    ]);
    layoutTable(
      [['title', 'rating', 'id'], ...rows],
      { width: 20, columns: { title: 'main', id: 'id' } },
      measurer,
    );
    // Once each: 会議, and the emoji with the space after it (the narrow run Zürich is counted by length).
    expect(seen.sort()).toEqual(['会議', '👩‍💻 '].sort());
  });

  it('cuts long non-ASCII text in one pass over its graphemes', () => {
    let calls = 0;
    const measurer = makeMeasurer((text) => {
      calls += 1;
      return stringWidth(text);
    });
    const long = 'é会'.repeat(20_000);
    const started = performance.now();
    const cut = measurer.cut(long, 30_001);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(cut.width).toBe(30_001);
    expect(stringWidth(cut.text)).toBe(30_001);
    expect(calls).toBe(1); // 会 alone: é is narrow
  });
});

describe('tableWidth', () => {
  it('is --width when given (0: no limit), else the terminal columns, else no limit when piped', () => {
    expect(tableWidth({ write() {}, isTTY: true, columns: 80 }, 60)).toBe(60);
    expect(tableWidth({ write() {}, isTTY: true, columns: 80 }, 0)).toBeUndefined();
    expect(tableWidth({ write() {}, isTTY: true, columns: 120 })).toBe(120);
    expect(tableWidth({ write() {}, columns: 120 })).toBeUndefined();
    expect(tableWidth({ write() {} }, 45)).toBe(45);
  });
});
