/**
 * yaml-text.ts writes the common values of a new note (a plain title, a list
 * of names, a time, a flag) without loading `yaml`: held here to what
 * yaml.stringify writes with the same options, on every printable character
 * alone and in pairs, on generated text dense in the characters YAML treats
 * specially, on lists of such text, and on the words YAML 1.1 reads as
 * booleans or null in every case.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainValue, yamlValue } from '../../src/core/front-matter/yaml-text.js';

const OPTIONS = {
  version: '1.1',
  lineWidth: 0,
  collectionStyle: 'flow',
  flowCollectionPadding: false,
} as const;
const byYaml = (value: unknown) => stringify(value, OPTIONS).trimEnd();

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const yamlChar = fc.oneof(
  fc.constantFrom(...PRINTABLE),
  fc.constantFrom(' ', ':', '-', '.', '#', ',', "'", '"', '0', '9', 'a', 'Y', 'n', 'O', '/', '?', '&', '%'),
);
const text = fc.array(yamlChar, { maxLength: 20 }).map((chars) => chars.join(''));
/** Text of the shape the fast path takes, so that most of it is answered there. */
const plainish = fc
  .tuple(fc.constantFrom('a', 'Z', 'y', 'N', 'o', 'e', 'E'), fc.array(yamlChar, { maxLength: 16 }))
  .map(([first, rest]) => first + rest.join(''));

/** The fast path's answer, when it gives one, is stringify's. */
const agrees = (value: unknown) => {
  const fast = plainValue(value);
  if (fast !== undefined) expect(fast, JSON.stringify(value)).toBe(byYaml(value));
  return fast !== undefined;
};

describe('yamlValue without yaml', () => {
  it('writes what stringify writes, for every character and every pair', () => {
    for (const a of PRINTABLE) {
      agrees(a);
      agrees(`x${a}`);
      for (const b of PRINTABLE) {
        agrees(`${a}${b}`);
        agrees(`x${a}${b}`);
        agrees(`x${a}${b}y`);
        agrees(`1${a}:${b}9`);
        agrees([`x${a}${b}y`, `${a}${b}`]);
      }
    }
  });

  it('writes what stringify writes, for generated text and lists', () => {
    fc.assert(
      fc.property(fc.oneof(text, plainish), (value) => void agrees(value)),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.array(fc.oneof(text, plainish), { maxLength: 4 }), (list) => void agrees(list)));
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(-0)), (n) => void agrees(n)),
    );
  });

  it("quotes YAML 1.1's booleans and null in any case, and times", () => {
    for (const word of ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']) {
      for (const spelt of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
        expect(yamlValue(spelt)).toBe(byYaml(spelt));
        expect(yamlValue(spelt)).not.toBe(spelt);
      }
    }
    const two = (n: number) => String(n).padStart(2, '0');
    for (let hour = 0; hour < 100; hour++)
      for (let minute = 0; minute < 100; minute++) agrees(`${two(hour)}:${two(minute)}`);
    expect(yamlValue('12:60')).toBe('12:60');
    expect(yamlValue('11:00')).toBe('"11:00"');
    expect(yamlValue(['11:00'])).toBe(byYaml(['11:00']));
  });

  it('answers the common values of a new note itself', () => {
    const common = [
      'Room talk 3',
      'On storage at 11:00 (A1)',
      'A talk about caches and storage, with numbers from production.',
      'Kubernetes: the hard parts',
      ['Ada Byron, PhD'],
      'E1',
      'talk',
      'room-bench-0150@bench.example.org',
      ['Ada Byron', 'Grace Hopper'],
      [],
      '09:30',
      true,
      4,
    ];
    for (const value of common) {
      expect(plainValue(value), JSON.stringify(value)).toBeDefined();
      expect(yamlValue(value)).toBe(byYaml(value));
    }
  });
});

describe('yamlValue without yaml, for maps', () => {
  const key = fc.oneof(
    fc.constantFrom('video', 'slides', 'on', 'null', 'Y', 'a b', 'x-1'),
    fc.string({ maxLength: 6 }),
  );
  it('writes what stringify writes, for generated maps of text and for links', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(text, plainish), { maxKeys: 3 }), (map) => void agrees(map)),
    );
    const links = { video: 'https://media.ccc.de/v/32c3-7307-a?t=5&x=%20#y', slides: 'https://x.org/a~b' };
    expect(plainValue(links)).toBeDefined();
    expect(yamlValue(links)).toBe(byYaml(links));
    expect(plainValue({})).toBe('{}');
  });
});
