/** The caches' format fingerprints: the same texts give the same 16 hex digits, any change another. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core/fingerprint.js';
import { cacheFormatOf, NOTE_CACHE_FORMAT } from '../../src/core/note/note-cache-format.js';
import { type FieldSpec, NOTE_SCHEMA } from '../../src/core/note/schema.js';

describe('fingerprint', () => {
  it('is 16 hex digits, the same for the same texts', () => {
    expect(fingerprint('a', 'b')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('a', 'b')).toBe(fingerprint('a', 'b'));
    expect(fingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells apart texts split differently, in another order, or changed by one character', () => {
    expect(fingerprint('ab', 'c')).not.toBe(fingerprint('a', 'bc'));
    expect(fingerprint('a', 'b')).not.toBe(fingerprint('b', 'a'));
    expect(fingerprint('a\nb')).not.toBe(fingerprint('a', 'b'));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (text, at, ch) => {
          const i = text.length === 0 ? 0 : at % (text.length + 1);
          const changed = text.slice(0, i) + ch + text.slice(i);
          expect(fingerprint(changed)).not.toBe(fingerprint(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('changes the note cache format when a field is read by other code', () => {
    const title = NOTE_SCHEMA.find((spec) => spec.key === 'title')!;
    const other = NOTE_SCHEMA.map((spec) =>
      spec === title ? { ...spec, read: (value: unknown) => String(value) } : spec,
    );
    expect(cacheFormatOf(NOTE_SCHEMA)).toBe(NOTE_CACHE_FORMAT);
    expect(cacheFormatOf(other as readonly FieldSpec[])).not.toBe(NOTE_CACHE_FORMAT);
  });
});
