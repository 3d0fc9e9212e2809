import { describe, expect, it } from 'vitest';
import { visible, visibleKeepingColour } from '../../src/visible.js';

describe('visible', () => {
  it('shows control characters as escapes and keeps newlines, tabs and other text', () => {
    expect(visible('a\x1b]0;pwned\x07b\x1b[2Jc\td\ne\u009bé')).toBe(
      'a\\x1b]0;pwned\\x07b\\x1b[2Jc\td\ne\\x9bé',
    );
  });

  it('keeps colour codes only in the colour variant', () => {
    expect(visibleKeepingColour('\x1b[33mwarning:\x1b[39m x\x1b[2J\x1b]0;t\x07')).toBe(
      '\x1b[33mwarning:\x1b[39m x\\x1b[2J\\x1b]0;t\\x07',
    );
    expect(visible('\x1b[33mx')).toBe('\\x1b[33mx');
  });

  it('shows every bidi control as a \\u escape, so a line reads in the order it is stored', () => {
    const bidi = [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const char of bidi) {
      const code = char.charCodeAt(0).toString(16).padStart(4, '0');
      expect(visible(`a${char}b`)).toBe(`a\\u${code}b`);
      expect(visibleKeepingColour(`\x1b[1ma${char}b`)).toBe(`\x1b[1ma\\u${code}b`);
    }
    // Neighbours that are ordinary text stay as they are.
    expect(visible('\u200d\u2065\u2070\u202f é ש')).toBe('\u200d\u2065\u2070\u202f é ש');
  });
});
