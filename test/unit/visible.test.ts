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
});
