/** Private blocks in any spelling, nested and unclosed, and the problems `check` reports about their markers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { privateMarkerProblems } from '../../src/core/markdown/private-marker-problems.js';
import { stripPrivate } from '../../src/core/markdown/private.js';

describe('stripPrivate', () => {
  it.each([
    ['<!-- private -->', '<!-- /private -->'],
    ['<!-- PRIVATE -->', '<!-- /PRIVATE -->'],
    ['<!--- private --->', '<!--- /private --->'],
    ['<!-- private: pricing talk -->', '<!-- /private -->'],
    ['<!--private-->', '<!--/private-->'],
    ['<!-- Private -->', '<!-- / private -->'],
    ['<!--\n  private\n-->', '<!--\n/private\n-->'],
  ])('hides the block between %j and %j', (open, close) => {
    const text = `before\n${open}\nsecret\n${close}\nafter\n`;
    expect(stripPrivate(text)).toBe('before\nafter\n');
    expect(stripPrivate(text, true)).toBe('before\nsecret\nafter\n');
  });

  it('keeps nested blocks closed until the outer one closes', () => {
    const text = 'a\n<!-- private -->\nb\n<!-- private -->\nc\n<!-- /private -->\nd\n<!-- /private -->\ne\n';
    expect(stripPrivate(text)).toBe('a\ne\n');
    expect(stripPrivate(text, true)).toBe('a\nb\nc\nd\ne\n');
  });

  it('hides everything after a block that is never closed', () => {
    expect(stripPrivate('a\n<!-- private -->\nb\n<!-- private -->\nc\n<!-- /private -->\nd\n')).toBe('a\n');
  });

  it('removes markers inside a line without taking the line', () => {
    expect(stripPrivate('Great talk <!-- private -->, vendor pricing<!-- /private -->.')).toBe(
      'Great talk .',
    );
  });

  it('finds a marker tucked inside another comment', () => {
    expect(stripPrivate('<!-- note <!-- private -->secret<!-- /private -->')).not.toContain('secret');
  });

  it('leaves a closing marker without an opener as nothing hidden, marker removed', () => {
    expect(stripPrivate('a\n<!-- /private -->\nb\n')).toBe('a\nb\n');
  });

  it('never lets text between an opener and its closer through, whatever the nesting', () => {
    const piece = fc.constantFrom('<!-- private -->', '<!-- /private -->', 'x', '\n', ' ', '<!-- note -->');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        let depth = 0;
        let hidden = '';
        for (const item of pieces) {
          if (item === '<!-- private -->') depth++;
          else if (item === '<!-- /private -->') depth = Math.max(0, depth - 1);
          else if (depth > 0 && item === 'x') hidden += 'x';
        }
        const shown = (stripPrivate(text).match(/x/g) ?? []).length;
        expect(shown).toBe((text.match(/x/g) ?? []).length - hidden.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('privateMarkerProblems', () => {
  it('is empty for balanced markers, nested or not', () => {
    expect(
      privateMarkerProblems(
        '<!-- private -->\n<!-- PRIVATE: x -->\n<!-- /private -->\n<!--- /private --->\n',
      ),
    ).toEqual([]);
  });

  it('reports unclosed openers, stray closers and unknown marker-like comments with their lines', () => {
    const text =
      'a\n<!-- /private -->\n<!-- privat -->\n<!-- end private -->\n<!-- private -->\n<!-- hint -->\n';
    expect(privateMarkerProblems(text, 10).map((p) => [p.line, p.code])).toEqual([
      [11, 'private-stray-close'],
      [12, 'private-unknown-marker'],
      [13, 'private-unknown-marker'],
      [14, 'private-unclosed'],
    ]);
    expect(privateMarkerProblems(text)[1]!.message).toContain('"<!-- privat -->" is not a private marker');
  });
});
