/**
 * `url:` in conference.md, the name before 0.2: Hugo reserves `url` (it sets
 * a page's address) and refuses to build with it. Still read; `--fix`
 * renames the key to `website`, keeping every other byte.
 */
import { findPair, nodeLine } from '../../front-matter/splice.js';
import type { ConferenceRule, ParsedNote } from '../rule.js';

function urlKey(note: ParsedNote) {
  if (note.data.website !== undefined) return null;
  const pair = findPair(note.yaml, 'url');
  return pair ? { line: nodeLine(note.yaml, pair.key), range: pair.key.range! } : null;
}

export const conferenceUrl: ConferenceRule = {
  id: 'conference-url',
  scope: 'conference',
  severity: 'warning',
  fixable: true,
  check: ({ note }) => {
    const found = note ? urlKey(note) : null;
    return found
      ? [
          {
            line: found.line,
            message: '"url" is reserved by Hugo; name it "website" (confnotes check --fix does)',
          },
        ]
      : [];
  },
  fix: (note) => {
    const found = urlKey(note);
    if (!found) return { splices: [], changes: [] };
    return {
      splices: [{ from: found.range[0], to: found.range[1], insert: 'website' }],
      changes: [`line ${found.line}: "url" renamed "website"`],
    };
  },
};
