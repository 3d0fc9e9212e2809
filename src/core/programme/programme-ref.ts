/**
 * Short references for programme entries: what a person types instead of a
 * 75-character uid (`k7m`). Derived from the uid (a hash written in an
 * alphabet without look-alikes), 3 characters, lengthened up to 6 on a
 * collision; kept in programme.yml, so a re-import never changes one.
 */

/** No i, l, o, 0 or 1: nothing that reads as another character on a badge or a slide. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A ref starts with a letter, so it is never read as a number, a date or a time. */
const FIRST = 'abcdefghjkmnpqrstuvwxyz';
export const MAX_REF_LENGTH = 6;
const MIN_REF_LENGTH = 3;
/** Words the commands already give a meaning to where a ref is accepted (`new --from now`). */
const RESERVED = new Set(['now', 'next']);

/**
 * What a stored ref may be (a hand-edited one included): 1–6 lower-case
 * letters and digits, the first a letter, so `2013` stays a note id prefix.
 */
export const isRefText = (value: string): boolean => /^[a-z][a-z0-9]{0,5}$/.test(value);

/** FNV-1a over the UTF-16 code units, with a final avalanche so short uids spread too. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The six characters salt `salt` gives for `uid` (23 × 31⁵ < 2³², so one hash is enough). */
function code(uid: string, salt: number): string {
  let n = hash(salt === 0 ? uid : `${uid}\u0000${salt}`);
  let out = FIRST[n % FIRST.length]!;
  n = Math.floor(n / FIRST.length);
  for (let i = 1; i < MAX_REF_LENGTH; i++) {
    out += ALPHABET[n % ALPHABET.length]!;
    n = Math.floor(n / ALPHABET.length);
  }
  return out;
}

/** The refs tried for a uid, in order: its code's first 3, 4, 5, 6 characters, then another salt's. */
export function* refCandidates(uid: string): Generator<string> {
  for (let salt = 0; ; salt++) {
    const full = code(uid, salt);
    for (let length = MIN_REF_LENGTH; length <= MAX_REF_LENGTH; length++) yield full.slice(0, length);
  }
}

/**
 * Gives every entry without a ref one that no other entry has, in the order
 * given (so the same entries always get the same refs). `reserved` are refs
 * taken elsewhere. A ref is never a prefix of an entry's uid, so a ref and a
 * uid prefix never name two entries.
 */
export function assignRefs<T extends { uid: string; ref?: string }>(
  entries: T[],
  reserved: Iterable<string> = [],
): (T & { ref: string })[] {
  if (entries.every((entry) => entry.ref)) return entries as (T & { ref: string })[];
  const taken = new Set([...RESERVED, ...reserved]);
  for (const entry of entries) {
    if (entry.ref) taken.add(entry.ref);
    for (let length = 1; length <= MAX_REF_LENGTH; length++) taken.add(entry.uid.slice(0, length));
  }
  return entries.map((entry) => {
    if (entry.ref) return entry as T & { ref: string };
    for (const candidate of refCandidates(entry.uid)) {
      if (taken.has(candidate)) continue;
      taken.add(candidate);
      return { ...entry, ref: candidate };
    }
    throw new Error('unreachable: refCandidates never ends');
  });
}
