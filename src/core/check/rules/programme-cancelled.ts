/**
 * A note started from a programme entry that the programme now lists as
 * cancelled or removed. Reported, never "fixed": the note stays as it was
 * taken (perhaps the talk happened anyway); the user decides.
 */
import type { ProgrammeRule } from '../rule.js';

export const programmeCancelled: ProgrammeRule = {
  id: 'programme-cancelled',
  scope: 'programme',
  severity: 'warning',
  fixable: false,
  check: ({ slug, entries, failure, refs }) =>
    failure || !entries
      ? []
      : refs.flatMap((ref) => {
          const status = entries.get(ref.uid)?.status;
          if (!status || status === 'confirmed') return [];
          return [
            {
              path: ref.path,
              line: ref.line,
              message:
                status === 'cancelled'
                  ? `"${ref.uid}" is cancelled in ${slug}/programme.yml; if the talk did not take place, remove the note (confnotes rm) or keep it as it is`
                  : `"${ref.uid}" was removed from the latest export (status removed in ${slug}/programme.yml); check the programme, then remove the note (confnotes rm) or keep it as it is`,
            },
          ];
        }),
};
