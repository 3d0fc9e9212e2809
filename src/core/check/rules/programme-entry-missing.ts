/** A note started from a programme entry (`programme: <uid>`) that is not in the programme. */
import type { ProgrammeRule } from '../rule.js';

export const programmeEntryMissing: ProgrammeRule = {
  id: 'programme-entry-missing',
  scope: 'programme',
  severity: 'warning',
  fixable: false,
  check: ({ slug, uids, failure, refs }) =>
    failure
      ? []
      : refs
          .filter((ref) => !uids?.has(ref.uid))
          .map((ref) => ({
            path: ref.path,
            line: ref.line,
            message: uids
              ? `programme entry "${ref.uid}" is not in ${slug}/programme.yml (removed from the schedule?)`
              : `points at programme entry "${ref.uid}", but ${slug} has no programme; import it with: confnotes import`,
          })),
};
