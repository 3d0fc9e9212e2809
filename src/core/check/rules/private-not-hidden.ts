/**
 * A private note without the flags static site generators honour (draft,
 * eleventyExcludeFromCollections, permalink, publish: publish-flags.ts), so
 * a site built from the notes folder would publish it. Fixable: each missing
 * flag is added at the end of the front matter, a wrong value replaced.
 */
import { findPair, keyLine, type Splice } from '../../front-matter/splice.js';
import { missingFlags, UNPUBLISHED_FLAGS } from '../../note/publish-flags.js';
import { privateInData, privateKey } from '../../note/field-values.js';
import type { NoteRule, ParsedNote } from '../rule.js';

function unhidden(note: ParsedNote): string[] {
  return privateInData(note.data) ? missingFlags(note.data) : [];
}

function splices(note: ParsedNote, keys: string[]): Splice[] {
  const end = note.source.length;
  return keys.map((key) => {
    const want = String(UNPUBLISHED_FLAGS[key as keyof typeof UNPUBLISHED_FLAGS]);
    const pair = findPair(note.yaml, key);
    const value = pair?.value;
    if (value?.range && value.range[0] < value.range[1])
      return { from: value.range[0], to: value.range[1], insert: want };
    if (pair) {
      // An empty value (`draft:`): written after the colon.
      const colon = pair.key.range![1] + note.source.slice(pair.key.range![1]).indexOf(':') + 1;
      return { from: colon, to: colon, insert: ` ${want}` };
    }
    return { from: end, to: end, insert: `${key}: ${want}${note.bounds.eol}` };
  });
}

/** The line of the key that makes the note private (`Private:` too). */
function privateLine(note: ParsedNote): number | null {
  const key = privateKey(note.data);
  return key === undefined ? null : keyLine(note.yaml, key);
}

export const privateNotHidden: NoteRule = {
  id: 'private-not-hidden',
  scope: 'note',
  severity: 'warning',
  fixable: true,
  check: ({ note }) => {
    const keys = note ? unhidden(note) : [];
    return keys.length
      ? [
          {
            line: note ? privateLine(note) : null,
            message: `private note without ${keys.join(', ')}: a site generator would publish it (confnotes check --fix adds them)`,
          },
        ]
      : [];
  },
  fix: (note) => {
    const keys = unhidden(note);
    return { splices: splices(note, keys), changes: keys.length ? [`flags added: ${keys.join(', ')}`] : [] };
  },
};
