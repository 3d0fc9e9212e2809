/**
 * relativeToWorkspace's slice for plain paths below the root gives what
 * path.relative gives, for roots and files built from the segments that make
 * paths tricky (`.`, `..`, empty segments, trailing separators).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeToWorkspace, type Workspace } from '../../src/core/workspace/workspace.js';

const segment = fc.constantFrom('a', 'b', 'notes', 'x.md', '.', '..', '', '.hidden', 'a b', '...');
const root = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);

describe('relativeToWorkspace', () => {
  it('is path.relative, /-separated, for any file under or beside the root', () => {
    fc.assert(
      fc.property(root, fc.array(segment, { maxLength: 5 }), fc.boolean(), (rootPath, rest, trailing) => {
        const ws = { root: rootPath } as Workspace;
        const file = `${rootPath}${trailing ? '/' : ''}/${rest.join('/')}`;
        expect(relativeToWorkspace(ws, file), file).toBe(path.relative(rootPath, file));
        expect(relativeToWorkspace(ws, `${rootPath}/${rest.join('/')}`)).toBe(
          path.relative(rootPath, `${rootPath}/${rest.join('/')}`),
        );
      }),
      { numRuns: 5000 },
    );
  });
});
