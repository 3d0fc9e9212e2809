/**
 * grayMatterBlock (front-matter.ts) hands back exactly the block gray-matter
 * would give its YAML engine, or null when gray-matter would call none, so
 * the check that gray-matter reads the same front matter needs no gray-matter.
 */
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { findFrontMatter, grayMatterBlock } from '../../src/core/front-matter/front-matter.js';

/** What gray-matter hands its engine for a text (after the BOM), or null. */
function grayMatterSees(text: string): string | null {
  let seen: string | null = null;
  matter(text, {
    language: 'yaml',
    engines: {
      yaml: {
        parse: (block: string) => {
          seen = block;
          return {};
        },
      },
    },
  } as unknown as Parameters<typeof matter>[1]);
  return seen;
}

const lines = [
  '---',
  '--- ',
  '---\t',
  '----',
  '--- x',
  '---yaml',
  '--- YAML ',
  '---yml',
  '...',
  '.. .',
  '',
  ' ',
  '# only a comment',
  '  # indented comment',
  '#',
  'title: T',
  'a: 1',
  '- x',
  'text ---',
  ' ---',
  'x: "---"',
  '\uFEFF---',
  '---js',
];

describe('grayMatterBlock', () => {
  it('is what gray-matter gives its engine', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('', '\uFEFF'),
        fc.constantFrom('---', '--- ', '---yaml', '--- yml  ', '---YAML', '---\t'),
        fc.array(fc.constantFrom(...lines), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (bom, open, rest, eol, final) => {
          const text = `${bom}${[open, ...rest].join(eol)}${final ? eol : ''}`;
          let bounds: ReturnType<typeof findFrontMatter>;
          try {
            bounds = findFrontMatter(text);
          } catch {
            return;
          }
          compared++;
          expect(grayMatterBlock(text, bounds), JSON.stringify(text)).toBe(
            grayMatterSees(text.slice(bounds.start)),
          );
        },
      ),
      { numRuns: 5000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
