/** The option parsers of src/cli/common.ts: each refuses what is not its kind of value, naming what was typed. */
import { describe, expect, it } from 'vitest';
import { integer, width } from '../../src/cli/common.js';

describe('integer', () => {
  const rating = integer('--min-rating');

  it('reads whole numbers, signed or padded', () => {
    expect(rating('4')).toBe(4);
    expect(rating(' 04 ')).toBe(4);
    expect(rating('-1')).toBe(-1);
  });

  it.each([
    ['x', /^--min-rating "x" is not a whole number$/],
    ['4.5', /^--min-rating "4.5" is not a whole number$/],
    ['', /^--min-rating "" is not a whole number$/],
    // Hundreds of digits read as Infinity: the message names what was typed, not "Infinity".
    ['9'.repeat(400), /^--min-rating "9{400}" is too large$/],
    ['9007199254740993', /^--min-rating "9007199254740993" is too large$/],
  ])('refuses %j with a usage error (exit 2)', (value, message) => {
    expect(() => rating(value)).toThrow(message);
    try {
      rating(value);
    } catch (error) {
      expect((error as { exitCode?: number }).exitCode).toBe(2);
    }
  });
});

describe('width', () => {
  it('reads 0 or more, and refuses a negative number', () => {
    expect(width('0')).toBe(0);
    expect(width('120')).toBe(120);
    expect(() => width('-1')).toThrow(/^--width -1 is not 0 or more$/);
  });
});
