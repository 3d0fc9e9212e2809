/** A conference.md that readConference refuses (no name, a bad date or time zone, ...). */
import type { ConferenceRule } from '../rule.js';

export const conference: ConferenceRule = {
  id: 'conference',
  scope: 'conference',
  severity: 'error',
  fixable: false,
  check: ({ error }) =>
    error ? [{ path: error.file, line: error.line ?? null, message: error.reason }] : [],
};
