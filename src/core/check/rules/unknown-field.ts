/**
 * A field the user probably meant as a known one. Any other field is the
 * user's own and is kept without a word.
 */
import { nodeLine, pairsOf } from '../../front-matter/splice.js';
import { isPrivateKey } from '../../note/field-values.js';
import { flatLinksOf, KNOWN_FIELDS } from '../../note/schema.js';
import type { NoteRule } from '../rule.js';

const KNOWN = new Set<string>(KNOWN_FIELDS);

/**
 * The known field `key` resembles: the same but for case, singular for
 * plural (`tag`, `speaker`, `link`), or one typo away in a name of five
 * letters or more. Not reported when the field it resembles is also
 * present: then both are the user's on purpose.
 */
export function nearMiss(key: string, present: Set<string>): string | null {
  const lower = key.toLowerCase();
  for (const known of KNOWN_FIELDS) {
    if (present.has(known)) continue;
    if (known === 'favorite' || known === 'favourite') {
      if (present.has('favorite') || present.has('favourite')) continue;
    }
    if (lower === known || `${lower}s` === known || (key.length >= 5 && damerau(lower, known) === 1))
      return known;
  }
  return null;
}

/** Optimal string alignment distance (edits, with a swap of two neighbours counted as one). */
function damerau(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

export const unknownField: NoteRule = {
  id: 'unknown-field',
  scope: 'note',
  severity: 'warning',
  fixable: false,
  check: ({ note }) => {
    if (!note) return [];
    const present = new Set(Object.keys(note.data).map((key) => key.trim()));
    // A flat link (`link: https://…`) is read as one, not a misspelt `links`.
    const links = flatLinksOf(note.data);
    return pairsOf(note.yaml).flatMap((pair) => {
      const key = pair.key.value.trim();
      const meant = KNOWN.has(key) || key in links ? null : nearMiss(key, present);
      if (!meant) return [];
      // Private in any case is read as private (schema.ts privateInData), never ignored.
      const message =
        meant === 'private' && isPrivateKey(key)
          ? `"${key}" is read as "private" (the note is private unless it is false); write it "private"`
          : `unknown field "${key}": did you mean "${meant}"? (confnotes does not read "${key}")`;
      return [{ line: nodeLine(note.yaml, pair.key), message }];
    });
  },
};
