/** A conference's programme.yml that does not read. */
import type { ProgrammeRule } from '../rule.js';

export const programme: ProgrammeRule = {
  id: 'programme',
  scope: 'programme',
  severity: 'error',
  fixable: false,
  check: ({ failure }) => (failure && failure !== 'conference' ? [failure] : []),
};
