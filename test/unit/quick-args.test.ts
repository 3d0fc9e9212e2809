/** The quick lane's option reader (src/quick-args.ts) must read every line as parseArgs in strict mode does. */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickArgs } from '../../src/quick-args.js';
import { GLOBAL, QUICK_COMMANDS } from '../../src/quick.js';

/** parseArgs's own answer, or undefined where it throws. */
function reference(args: string[], options: Parameters<typeof quickArgs>[1]) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: { ...values }, positionals };
  } catch {
    return undefined;
  }
}

const read = (args: string[], options: Parameters<typeof quickArgs>[1]) => {
  const got = quickArgs(args, options);
  return got && { values: { ...got.values }, positionals: got.positionals };
};

/** Words a command line is made of: every option in each spelling, values, dashes and text. */
const WORDS = [
  ...Object.keys({ ...GLOBAL, ...QUICK_COMMANDS.jot, ...QUICK_COMMANDS.current }).flatMap((name) => [
    `--${name}`,
    `--${name}=`,
    `--${name}=10:05`,
  ]),
  '--',
  '-',
  '-t',
  '-5',
  '--unknown',
  '---at',
  '--__proto__',
  '--constructor',
  '10:05',
  'FC',
  'needs zoning',
  '',
  '=',
];

describe('quickArgs', () => {
  for (const [name, commandOptions] of Object.entries(QUICK_COMMANDS)) {
    const options = { ...GLOBAL, ...commandOptions };
    it(`reads every ${name} line as parseArgs does, or refuses it as parseArgs does`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }), (args) => {
          expect(read(args, options)).toEqual(reference(args, options));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('reads options given more than once (`multiple`) as parseArgs does: every value, in order', () => {
    const options = {
      ...GLOBAL,
      at: { type: 'string', multiple: true },
      todo: { type: 'boolean', multiple: true },
    } as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }), (args) => {
        expect(read(args, options)).toEqual(reference(args, options));
      }),
      { numRuns: 3000 },
    );
    expect(read(['--at', '10:05', '--at=11:00', '--todo', '--todo'], options)).toEqual({
      values: { at: ['10:05', '11:00'], todo: [true, true] },
      positionals: [],
    });
  });

  it('reads the plain forms itself', () => {
    const options = { ...GLOBAL, ...QUICK_COMMANDS.jot };
    expect(read(['--at', '10:05', '--todo', '--dir=w', '--', '-h', 'x'], options)).toEqual({
      values: { at: '10:05', todo: true, dir: 'w' },
      positionals: ['-h', 'x'],
    });
    expect(read(['--at', '--todo'], options)).toBeUndefined();
    expect(read(['--todo=yes'], options)).toBeUndefined();
    expect(read(['--nope'], options)).toBeUndefined();
  });
});
