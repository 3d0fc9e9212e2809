/**
 * A note started from a programme entry whose title, date, start, end or
 * room is no longer what the programme says (the talk moved or was renamed).
 * Fixable: `check --fix` (and `import --update-notes`) set the programme's
 * values (fix.ts, through programme/note-drift.ts).
 */
import { findPair, keyLine } from '../../front-matter/splice.js';
import { describeDrift, followEntry, noteDrift } from '../../programme/note-drift.js';
import { optionalText } from '../../note/schema.js';
import type { Finding, ProgrammeRule } from '../rule.js';

export const programmeChanged: ProgrammeRule = {
  id: 'programme-changed',
  scope: 'programme',
  severity: 'warning',
  fixable: true,
  check: ({ slug, entries, zone, notes, failure, refs }) => {
    if (failure || !entries || !notes) return [];
    const found: Finding[] = [];
    for (const ref of refs) {
      const entry = entries.get(ref.uid);
      const note = notes.get(ref.path);
      if (!entry || !note) continue;
      for (const { field, from, to } of noteDrift(note.data, entry, zone ?? null).fields) {
        found.push({
          path: ref.path,
          // A missing field is reported at the programme line; the fix adds it at the end.
          line: findPair(note.yaml, field) ? keyLine(note.yaml, field) : ref.line,
          message: `${from === null ? `no ${field}` : `${field} "${from}"`}, but ${slug}/programme.yml says "${to}" for "${entry.uid}"; take the programme's with: confnotes check --fix, or keep yours with: confnotes set ${ref.path} keep=${field}`,
        });
      }
    }
    return found;
  },
  fix: (note, text, follow) => {
    const uid = optionalText(note.data.programme);
    const target = uid ? follow(uid) : undefined;
    if (!target) return { text, changes: [], set: {} };
    const followed = followEntry(text, target.entry, target.zone);
    const line = (field: string) => (findPair(note.yaml, field) ? `line ${keyLine(note.yaml, field)}: ` : '');
    return {
      text: followed.text,
      changes: followed.fields.map(
        (drift) => `${line(drift.field)}${describeDrift(drift)} (the programme's)`,
      ),
      set: Object.fromEntries(followed.fields.map(({ field, to }) => [field, to])),
    };
  },
};
