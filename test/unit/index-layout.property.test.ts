/**
 * samePaths (src/core/search/index-layout.ts), the search's check that a
 * conference's files are the ones its index holds, in order: the same answer
 * as joining the files and the stored paths with the prefix put back, for any
 * lists of paths, in the same order or not, with one changed, added or gone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samePaths } from '../../src/core/search/index-layout.js';

const NUL = '\0';
/** What holdsExactly compared before: the whole file names joined, and the stored paths with the prefix put back. */
const joined = (paths: string[], stored: string, prefix: string) =>
  paths.join(NUL) === (prefix && stored ? prefix + stored.replaceAll(NUL, NUL + prefix) : stored);

const piece = fc.string({
  unit: fc.constantFrom('a', 'b', '/', '.', 'é', '-', '1'),
  minLength: 1,
  maxLength: 6,
});
const prefix = fc.constantFrom('', '/ws/', '/ws/conf/', 'a');

describe('samePaths', () => {
  it('answers as the joined comparison does for unrelated lists too', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 4 }),
        fc.array(piece, { maxLength: 4 }),
        prefix,
        (a, b, pre) => {
          const paths = a.map((rel) => pre + rel);
          expect(samePaths(paths, b.join(NUL), pre)).toBe(joined(paths, b.join(NUL), pre));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers as the joined comparison does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), prefix, fc.nat(5), fc.nat(3), (rels, pre, at, how) => {
        const stored = rels.join(NUL);
        let paths = rels.map((rel) => pre + rel);
        // The files as found: the same, one changed, one more, one gone, or in another order.
        if (how === 1 && paths.length > 0) paths[at % paths.length] += 'x';
        if (how === 2) paths = [...paths, `${pre}z`];
        if (how === 3)
          paths = paths
            .slice(1)
            .concat(paths.slice(0, 1))
            .slice(0, paths.length - (at % 2));
        expect(samePaths(paths, stored, pre)).toBe(joined(paths, stored, pre));
      }),
      { numRuns: 3000 },
    );
  });

  it('holds the paths in order, each whole, under the prefix', () => {
    expect(samePaths(['/ws/a/x.md', '/ws/a/y.md'], 'a/x.md\0a/y.md', '/ws/')).toBe(true);
    expect(samePaths(['/ws/a/y.md', '/ws/a/x.md'], 'a/x.md\0a/y.md', '/ws/')).toBe(false);
    expect(samePaths(['/ws/a/x.md'], 'a/x.md\0a/y.md', '/ws/')).toBe(false);
    expect(samePaths(['/ws/a/x.m', '/ws/a/y.md'], 'a/x.md\0a/y.md', '/ws/')).toBe(false);
    expect(samePaths(['/wz/a/x.md', '/ws/a/y.md'], 'a/x.md\0a/y.md', '/ws/')).toBe(false);
    expect(samePaths(['/ws/a/x.md', '/ws/a/y.mdz'], 'a/x.md\0a/y.md', '/ws/')).toBe(false);
    expect(samePaths([], '', '/ws/')).toBe(true);
    // Each stored path ends at a NUL: two files do not match one stored path that holds both names.
    expect(samePaths(['/ws/a', '/ws/c'], 'axc', '/ws/')).toBe(false);
  });
});
