/** A file that is not readable as text: a folder or link the walker refused, a file too large, binary or not UTF-8. */
import type { WorkspaceRule } from '../rule.js';

export const unreadable: WorkspaceRule = {
  id: 'unreadable',
  scope: 'workspace',
  severity: 'error',
  fixable: false,
  check: ({ walkProblems, notes }) => [
    ...walkProblems.map((problem) => ({
      path: problem.file,
      line: problem.line ?? null,
      message: problem.reason,
    })),
    ...notes.flatMap((note) =>
      note.unreadable
        ? [{ path: note.path, line: note.unreadable.line ?? null, message: note.unreadable.reason }]
        : [],
    ),
  ],
};
