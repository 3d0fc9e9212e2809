/**
 * A note dated outside its conference's dates: not a day attended (a talk
 * watched on video afterwards, or a mistyped date). The report puts such
 * notes under "Watched later" and leaves them out of the days and hours.
 */
import { keyLine } from '../../front-matter/splice.js';
import { type Conference, readConference } from '../../workspace/conference.js';
import type { Finding, WorkspaceRule } from '../rule.js';

export const outsideDates: WorkspaceRule = {
  id: 'outside-dates',
  scope: 'workspace',
  severity: 'warning',
  fixable: false,
  check: ({ ws, notes }) => {
    const conferences = new Map<string, Conference | null>();
    const conferenceOf = (slug: string) => {
      if (!conferences.has(slug)) {
        try {
          conferences.set(slug, readConference(ws, slug));
        } catch {
          conferences.set(slug, null); // conference.md's own problems are the conference rule's
        }
      }
      return conferences.get(slug)!;
    };
    const found: Finding[] = [];
    for (const { path, note } of notes) {
      const date = note?.data.date;
      const slug = path.split('/')[0]!;
      if (!note || typeof date !== 'string' || !path.includes('/')) continue;
      const conference = conferenceOf(slug);
      if (!conference?.start || !conference.end) continue;
      if (date >= conference.start && date <= conference.end) continue;
      found.push({
        path,
        line: keyLine(note.yaml, 'date'),
        message: `dated ${date}, outside ${conference.name} (${conference.start} to ${conference.end}): the report lists it under "Watched later", not as a day attended`,
      });
    }
    return found;
  },
};
