/** Two notes with the same file name (their id) in different folders: `<note>` cannot tell them apart. */
import type { WorkspaceRule } from '../rule.js';

export const duplicateId: WorkspaceRule = {
  id: 'duplicate-id',
  scope: 'workspace',
  severity: 'error',
  fixable: false,
  check: ({ notes }) => {
    const ids = new Map<string, string[]>();
    for (const { path } of notes) {
      const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
      ids.set(id, [...(ids.get(id) ?? []), path]);
    }
    return [...ids].flatMap(([id, paths]) =>
      paths.length < 2
        ? []
        : paths.map((path) => ({
            path,
            line: null,
            message: `id "${id}" is also used by ${paths.filter((other) => other !== path).join(', ')}: rename one of the files`,
          })),
    );
  },
};
