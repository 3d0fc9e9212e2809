/**
 * slugify and normaliseTag answer printable ASCII with patterns of their own
 * (the Unicode ones cost milliseconds to compile on every room command); held
 * here to the Unicode patterns they stand in for, on every printable character
 * alone and in pairs, on generated tags and titles dense in the characters the
 * rules treat specially, and on the examples the README gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASCII_TAG,
  asciiSlugWords,
  normaliseTag,
  normaliseTagWith,
  unicodeTag,
  unicodeSlugWords,
} from '../../src/core/slug.js';

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
/** Printable ASCII weighted toward what the tag rules look at: `+`, `#`, `.`, `/`, `-`, `_`, digits, case. */
const tagChar = fc.oneof(
  fc.constantFrom(...PRINTABLE),
  fc.constantFrom('+', '#', '.', '/', '-', '_', ' ', '1', '9', 'C', 'c', 'Z'),
);
const asciiText = fc.array(tagChar, { maxLength: 24 }).map((chars) => chars.join(''));

describe('the printable-ASCII patterns', () => {
  it('normalise every character and every pair of characters as the Unicode ones do', () => {
    for (const a of PRINTABLE) {
      expect(normaliseTagWith(ASCII_TAG, a)).toBe(normaliseTagWith(unicodeTag(), a));
      expect(asciiSlugWords(a)).toEqual(unicodeSlugWords(a));
      for (const b of PRINTABLE) {
        const pair = `x${a}${b}y`;
        expect(normaliseTagWith(ASCII_TAG, pair), pair).toBe(normaliseTagWith(unicodeTag(), pair));
        expect(asciiSlugWords(pair), pair).toEqual(unicodeSlugWords(pair));
      }
    }
  });

  it('normalise generated tags and titles as the Unicode ones do', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(normaliseTagWith(ASCII_TAG, text)).toBe(normaliseTagWith(unicodeTag(), text));
        expect(asciiSlugWords(text)).toEqual(unicodeSlugWords(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give the documented answers', () => {
    for (const [tag, normal] of [
      ['Storage/Cinder', 'storage/cinder'],
      ['C++', 'cpp'],
      ['C#', 'csharp'],
      ['Node.js', 'nodejs'],
      ['ML & AI', 'ml-ai'],
      ['k8s:v1.30', 'k8s-v130'],
      ['#2026', ''],
    ] as const) {
      expect(normaliseTag(tag)).toBe(normal);
      expect(normaliseTagWith(unicodeTag(), tag)).toBe(normal);
    }
  });

  it('leave text beyond printable ASCII to the Unicode patterns', () => {
    // A tab is a control character (removed), an é a letter: neither is in the ASCII patterns' alphabet.
    expect(normaliseTag('Ca\tfé++')).toBe('cafépp');
    expect(normaliseTagWith(ASCII_TAG, 'Ca\tfé++')).not.toBe('cafépp');
  });
});
