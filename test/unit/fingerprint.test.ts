/** The caches' format fingerprints: the same texts give the same 16 hex digits, any change another. */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeFingerprint, fingerprint } from '../../src/core/fingerprint.js';
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

describe('codeFingerprint', () => {
  const global = globalThis as { __CONFNOTES_BUILD__?: string };
  afterEach(() => {
    delete global.__CONFNOTES_BUILD__;
  });

  it('is the fingerprint of the code run from the sources', () => {
    expect(codeFingerprint(() => ['a', 'b'])).toBe(fingerprint('a', 'b'));
  });

  it("is the build's id in a build (a hash of every source), without reading the code's text", () => {
    // scripts/build.mjs defines the name in the bundle; a global stands for it here.
    global.__CONFNOTES_BUILD__ = '0123456789abcdef';
    const texts = vi.fn(() => ['a', 'b']);
    expect(codeFingerprint(texts)).toBe('build 0123456789abcdef');
    expect(texts).not.toHaveBeenCalled();
  });
});
