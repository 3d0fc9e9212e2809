/** White space around a key (`"room ": B1`, `title2 : x`): the key reads as another field. Fixable. */
import type { Pair, Scalar } from 'yaml';
import { nodeLine, pairsOf, type Splice } from '../../front-matter/splice.js';
import type { NoteRule, ParsedNote } from '../rule.js';

/** The splice that removes a key's stray white space (offsets into the YAML text), or null when it is clean. */
function keyWhitespace(source: string, pair: Pair<Scalar, unknown>): Splice | null {
  const key = pair.key;
  const [from, to] = key.range!;
  const raw = source.slice(from, to);
  const value = String(key.value);
  // Between the key and its colon ("tags  :"), only for plain keys.
  const gap = /^[ \t]+:/.exec(source.slice(to));
  if (value !== value.trim()) {
    const clean = value.trim();
    const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
    const insert = /^[A-Za-z_][\w-]*$/.test(clean) ? clean : `${quote || '"'}${clean}${quote || '"'}`;
    return { from, to: gap ? to + gap[0].length - 1 : to, insert };
  }
  if (gap) return { from: to, to: to + gap[0].length - 1, insert: '' };
  return null;
}

function found(note: ParsedNote) {
  return pairsOf(note.yaml).flatMap((pair) => {
    const splice = keyWhitespace(note.source, pair);
    return splice ? [{ line: nodeLine(note.yaml, pair.key), key: pair.key.value.trim(), splice }] : [];
  });
}

export const keyWhitespaceRule: NoteRule = {
  id: 'key-whitespace',
  scope: 'note',
  severity: 'warning',
  fixable: true,
  check: ({ note }) =>
    note
      ? found(note).map(({ line, key }) => ({ line, message: `white space around the key "${key}"` }))
      : [],
  fix: (note) => {
    const all = found(note);
    return {
      splices: all.map((one) => one.splice),
      changes: all.map(({ line, key }) => `line ${line}: key "${key}" without white space`),
    };
  },
};
