/**
 * compareText answers printable ASCII without ICU; held here to the collator
 * it stands in for (Intl.Collator "en", numeric, variant) on every pair of
 * characters and on generated titles built to tie: shared words, numbers with
 * leading zeros, case that differs only late, spaces and punctuation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/core/note/note-order.js';

const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });
const sign = (n: number) => Math.sign(n) || 0;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('compareText', () => {
  // First in the file: the module makes its collator on the first text beyond ASCII.
  it('builds no collator for printable ASCII', () => {
    const Real = Intl.Collator;
    let made = 0;
    Intl.Collator = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      expect(['Talk 10', 'Talk 9', 'talk-9', 'Ceph: $0 to 1 PB'].sort(compareText)).toEqual([
        'Ceph: $0 to 1 PB',
        'Talk 9',
        'Talk 10',
        'talk-9',
      ]);
      expect(made).toBe(0);
      compareText('Müller', 'Muller');
      expect(made).toBe(1);
    } finally {
      Intl.Collator = Real;
    }
  });

  it('orders every pair of printable characters as the collator does', () => {
    for (const a of PRINTABLE)
      for (const b of PRINTABLE)
        expect([a, b, sign(compareText(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
  });

  it('orders generated titles as the collator does', () => {
    const piece = fc.oneof(
      fc.constantFrom('talk', 'Talk', 'TALK', 'a', 'A', 'the', ' ', '  ', '-', ':', "'", '$', '_', '.', ''),
      fc.constantFrom('0', '00', '007', '7', '10', '9', '1', '01', '100', '099'),
      fc.constantFrom(...PRINTABLE),
    );
    const title = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(title, title, (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
        expect(sign(compareText(b, a))).toBe(-sign(compareText(a, b)) || 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves numbers of more than 254 digits to the collator, which splits them', () => {
    const pairs: [string, string][] = [
      [`2${'0'.repeat(254)}`, `1${'0'.repeat(299)}`],
      ['9'.repeat(254), `1${'0'.repeat(254)}`],
      [`a ${'7'.repeat(300)}`, `a ${'7'.repeat(301)}`],
    ];
    for (const [a, b] of pairs) expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
  });

  it('gives text beyond ASCII to the collator: accents, other scripts, control characters', () => {
    const pairs: [string, string][] = [
      ['Müller', 'Muller'],
      ['Muller', 'Müller'],
      ['résumé', 'resume'],
      ['Ærø', 'Aero'],
      ['東京', 'Tokyo'],
      ['a\tb', 'a b'],
      ['a\nb', 'ab'],
      ['Talk 2', 'Talk ２'],
    ];
    for (const [a, b] of pairs) expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
  });

  it('puts numbers in their order, small letters before capitals, a space before a dash', () => {
    const titles = ['Talk 10', 'talk 9', 'Talk 9', 'Talk 09b', 'Talk-1', 'Talk 1', 'talk'];
    expect([...titles].sort(compareText)).toEqual([...titles].sort(collator.compare));
    expect([...titles].sort(compareText)).toEqual([
      'talk',
      'Talk 1',
      'talk 9',
      'Talk 9',
      'Talk 09b',
      'Talk 10',
      'Talk-1',
    ]);
  });
});
