/** The one order of notes: the same on every machine, whatever its locale. */
import type { Note } from './note.js';

/**
 * Titles and tags compared as an English reader would ("Talk 9" before "Talk
 * 10"), never by the machine's locale: the order of ICU's "en" collator,
 * numeric, every difference counted. Printable ASCII, nearly every title and
 * tag, is compared here without it (making a collator costs ~6-10 ms of ICU
 * loading, the most a 10,000-note listing spends on ordering);
 * `test/unit/note-order.property.test.ts` holds the two to the same answers.
 */
let collator: Intl.Collator | undefined;

export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const fast = compareAscii(a, b);
  if (fast !== undefined) return fast;
  collator ??= new Intl.Collator('en', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b);
}

/**
 * ICU's root order of printable ASCII at the first level: space, punctuation
 * and symbols, then digits (a run of them counts as its number), then letters
 * with case set aside. The digits stand for the place of every number.
 */
const ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0abcdefghijklmnopqrstuvwxyz';
const DIGIT_RANK = ASCII_ORDER.indexOf('0');
const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ASCII_ORDER.length; i++) RANK[ASCII_ORDER.charCodeAt(i)] = i;
for (let code = 0x41; code <= 0x5a; code++) RANK[code] = RANK[code + 0x20]!;
for (let code = 0x31; code <= 0x39; code++) RANK[code] = DIGIT_RANK;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isUpper = (code: number) => code >= 0x41 && code <= 0x5a;

/** The collator's answer for two printable-ASCII strings, or undefined for anything else. */
function compareAscii(a: string, b: string): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const ra = ca < 128 ? RANK[ca]! : -1;
    const rb = cb < 128 ? RANK[cb]! : -1;
    if (ra < 0 || rb < 0) return undefined;
    if (ra === DIGIT_RANK && rb === DIGIT_RANK) {
      // Two numbers: by value, leading zeros ignored (as the collator ignores them at every level).
      while (a.charCodeAt(i) === 0x30) i++;
      while (b.charCodeAt(j) === 0x30) j++;
      let endA = i;
      let endB = j;
      while (isDigit(a.charCodeAt(endA))) endA++;
      while (isDigit(b.charCodeAt(endB))) endB++;
      // ICU splits a number after 254 digits: such a run is left to the collator.
      if (endA - i > 254 || endB - j > 254) return undefined;
      if (endA - i !== endB - j) return endA - i < endB - j ? -1 : 1;
      for (; i < endA; i++, j++) {
        const da = a.charCodeAt(i);
        const db = b.charCodeAt(j);
        if (da !== db) return da < db ? -1 : 1;
      }
      continue;
    }
    if (ra !== rb) return ra < rb ? -1 : 1;
    i++;
    j++;
  }
  // What is left of the longer one must be ASCII too for the answer to be the collator's.
  for (let k = i; k < a.length; k++)
    if (a.charCodeAt(k) >= 128 || RANK[a.charCodeAt(k)]! < 0) return undefined;
  for (let k = j; k < b.length; k++)
    if (b.charCodeAt(k) >= 128 || RANK[b.charCodeAt(k)]! < 0) return undefined;
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  // The same at the first level: the first letter whose case differs decides, small letters first.
  for (i = 0, j = 0; ; i++, j++) {
    while (i < a.length && !isLetter(a.charCodeAt(i))) i++;
    while (j < b.length && !isLetter(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) return 0;
    const upperA = isUpper(a.charCodeAt(i));
    if (upperA !== isUpper(b.charCodeAt(j))) return upperA ? 1 : -1;
  }
}

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/** Code-unit order, for ISO dates, `HH:MM` times and paths: the same on every machine. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Date, start time, title, then path: the order of the week. */
export function compareNotes(
  a: Pick<Note, 'date' | 'start' | 'title' | 'path'>,
  b: Pick<Note, 'date' | 'start' | 'title' | 'path'>,
): number {
  return (
    compareCodes(a.date, b.date) ||
    compareCodes(a.start ?? '', b.start ?? '') ||
    compareText(a.title, b.title) ||
    compareCodes(a.path, b.path)
  );
}

/** The name listings have used for the same order. */
export const byTime = compareNotes;
