/** Colour: when it is on, and that both lanes paint the same bytes (chalk in the full CLI, util.styleText in the quick lane). */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCommandEnv } from '../../src/io.js';
import { colorLevel, STYLES, styleTextColors } from '../../src/ui/colors.js';
import { testContext } from '../helpers/workspace.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorLevel', () => {
  it.each([
    ['a terminal', tty, {}, undefined, 2],
    ['a terminal with true colour', tty, { COLORTERM: 'truecolor' }, undefined, 3],
    ['a pipe', pipe, {}, undefined, 0],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, undefined, 0],
    ['an empty NO_COLOR', tty, { NO_COLOR: '' }, undefined, 2],
    ['FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '1' }, undefined, 2],
    ['FORCE_COLOR=0 on a pipe', pipe, { FORCE_COLOR: '0' }, undefined, 0],
    ['NO_COLOR and FORCE_COLOR', pipe, { NO_COLOR: '1', FORCE_COLOR: '1' }, undefined, 0],
    ['--no-color on a terminal', tty, {}, false, 0],
    ['--no-color with FORCE_COLOR', tty, { FORCE_COLOR: '1' }, false, 0],
    ['--color on a pipe', pipe, {}, true, 2],
    ['--color with NO_COLOR (the flag is the later, narrower wish)', pipe, { NO_COLOR: '1' }, true, 2],
  ] as const)('%s', (_name, stream, env, flag, level) => {
    expect(colorLevel(stream, env, flag)).toBe(level);
  });
});

describe('the two painters', () => {
  it('write the same escape codes, and none at level 0', () => {
    for (const level of [0, 2, 3] as const) {
      const chalk = new Chalk({ level });
      const styled = styleTextColors(level);
      for (const style of STYLES)
        for (const text of ['x y', '', ' ', 'é ☕'])
          expect(styled[style](text), `${style} ${level} ${JSON.stringify(text)}`).toBe(chalk[style](text));
    }
    expect(styleTextColors(0).red('plain')).toBe('plain');
  });

  it('agree on any one line of text without escape codes (what the quick lane paints: a word, a path)', () => {
    const chalk = new Chalk({ level: 2 });
    const styled = styleTextColors(2);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }).filter((text) => !/[\n\r\u001b\u009b]/.test(text)),
        fc.constantFrom(...STYLES),
        (text, style) => {
          expect(styled[style](text)).toBe(chalk[style](text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('makeCommandEnv', () => {
  it('colours stdout and stderr each by its own stream and obeys the flag', () => {
    const written: string[] = [];
    const io = {
      stdout: { isTTY: false, write: (text: string) => written.push(text) },
      stderr: { isTTY: true, write: (text: string) => written.push(text) },
      stdin: process.stdin,
    };
    const env = makeCommandEnv(testContext('/'), io, { paint: styleTextColors });
    expect([env.color.level, env.errColor.level]).toEqual([0, 2]);
    env.warn('look');
    expect(written.pop()).toBe(`${styleTextColors(2).yellow('warning:')} look\n`);
    const off = makeCommandEnv(testContext('/'), io, { paint: styleTextColors, color: false });
    off.warn('look\x1b[2J');
    expect(written.pop()).toBe('warning: look\\x1b[2J\n');
  });
});
