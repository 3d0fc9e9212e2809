/**
 * Any cells (wide CJK, emoji, combining marks, colour codes, tabs, newlines,
 * control characters) at any width: every line fits, none is wrapped, the
 * header stays aligned, and the title keeps more room than the id.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitColumns, GAP, type ColumnFit, type Give } from '../../src/ui/table-fit.js';
import { renderTable } from '../../src/ui/table.js';
import { makeMeasurer } from '../../src/ui/text-width.js';

const piece = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 .,:@/-]{1,12}$/),
  fc.constantFrom(
    '会議',
    '講演の記録',
    '표',
    'ｶﾀｶﾅ',
    '🎉',
    '👩‍💻',
    '🇬🇧',
    'e\u0301',
    '★★☆',
    '…',
    'Zürich',
    '\t',
    '\n',
    '\u001b]0;x\u0007',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const colour = (t: string) => fc.constantFrom(t, `\u001b[2m${t}\u001b[22m`, `\u001b[1;36m${t}\u001b[39;22m`);
const cell = text.chain(colour);
const HEADERS = ['', 'when', 'room', 'title', 'speakers', 'id'];
const COLUMNS = { id: 'id', speakers: 'secondary', title: 'main', room: 'main' } as const;
const rows = fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), {
  maxLength: 12,
});
const plainOf = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');

describe('tables, whatever the cells', () => {
  it('fit the width on every line, one line per row, with nothing the terminal would act on', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 200 }), async (cells, width) => {
        const out = await renderTable(HEADERS, cells, { width, columns: COLUMNS });
        const lines = out.split('\n');
        expect(lines).toHaveLength(cells.length + 1);
        for (const line of lines) {
          expect(stringWidth(line)).toBeLessThanOrEqual(width);
          // Colour codes aside, no control character (a tab, a newline, an escape) reaches the terminal.
          expect(plainOf(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are not cut without a width, and keep the header aligned with the cells', async () => {
    const shown = fc
      .array(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9 .@-]{1,12}$/),
          fc.constantFrom('会議', '👩‍💻', 'e\u0301', '★'),
        ),
        {
          maxLength: 5,
        },
      )
      .map((parts) => parts.join(''))
      .chain(colour);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(shown, shown), { maxLength: 10 }), async (cells) => {
        const out = await renderTable(
          ['title', 'id'],
          cells.map(([title, id]) => [title, id]),
        );
        const column = Math.max(5, ...cells.map(([title]) => stringWidth(title)));
        const expected = [['title', 'id'], ...cells].map(([title, id]) =>
          `${title}${' '.repeat(column - stringWidth(title!))}  ${id}`.trimEnd(),
        );
        expect(out.split('\n')).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('measuring, whatever the text', () => {
  it('agrees with string-width on the whole text, narrow runs counted by length', () => {
    const joining = fc.constantFrom(
      '\u200d',
      '\ufe0f',
      '\u0301',
      '\u20e3',
      '\u1100',
      '\u1161',
      '\u11a8',
      '🇬',
      '🇧',
      '👩',
      '❤',
      '♥',
      '▶',
      '©',
      '★',
      'é',
      'ß',
      'Ω',
      'Ж',
      '–',
      '…',
      '会',
      'ｶ',
      '\u0903',
      '\u0915',
      '\u094d',
      '\u00ad',
      '\u200b',
      ' ',
      'ab',
      'xyz1',
    );
    const measurer = makeMeasurer(stringWidth);
    fc.assert(
      fc.property(fc.array(joining, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(measurer.width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });
});

const give = fc.constantFrom<Give>('fixed', 'secondary', 'main', 'id');
const spec = fc.record({ give, min: fc.integer({ min: 1, max: 12 }) });

describe('fitColumns, whatever the widths', () => {
  it('fits the limit, never widens a column, and cuts the title only once the id has gone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), spec), { minLength: 0, maxLength: 6 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 240 }),
        (others, title, id, limit) => {
          const natural = [title, id, ...others.map(([width]) => width)];
          const fits: ColumnFit[] = [
            { give: 'main', min: 10 },
            { give: 'id', min: 8 },
            ...others.map(([, f]) => f),
          ];
          const widths = fitColumns(natural, fits, limit);
          const shown = widths.flatMap((width) => (width === null ? [] : [width]));
          expect(shown.length).toBeGreaterThan(0);
          expect(shown.reduce((a, b) => a + b, 0) + GAP * (shown.length - 1)).toBeLessThanOrEqual(limit);
          widths.forEach((width, i) => {
            if (width !== null) expect(width).toBeLessThanOrEqual(natural[i]!);
          });
          // The id keeps room only while the title has all of its own.
          if (widths[1] !== null && widths[1]! > 0) expect(widths[0]).toBe(natural[0]);
          if (widths[0] !== null && widths[0]! < natural[0]!) expect(widths[1]).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
