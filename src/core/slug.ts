/** Longest slug, in characters (code points), kept well under file-name limits. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Turns any title into a safe file-name part: letters and digits of any script
 * (with their combining marks), separated by single hyphens. No dots, slashes,
 * control, bidi or zero-width characters survive, so `..` or a path can never
 * come out of it.
 */
export function slugify(title: string, fallback = 'untitled'): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => word.replace(/^\p{M}+/u, ''))
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if ([...next].length > MAX_SLUG_LENGTH) {
      if (!slug) slug = [...word].slice(0, MAX_SLUG_LENGTH).join('');
      break;
    }
    slug = next;
  }
  return slug || fallback;
}

/** Anything outside Obsidian's tag alphabet (letters, digits, `_`, `-`, `/`) separates words. */
const TAG_SEPARATOR = /[^\p{L}\p{M}\p{N}_/-]+/gu;

/**
 * Normalises a tag into Obsidian's tag alphabet, so every tool that reads the
 * notes agrees on it: a leading `#` dropped, lower case, `/` kept as the
 * hierarchy separator (`Storage/Cinder` → `storage/cinder`), pluses and
 * sharps after a letter spelled out (`C++` → `cpp`, `C#` → `csharp`), a dot
 * inside a word dropped (`Node.js` → `nodejs`), and any other run of spaces
 * or punctuation one hyphen (`ML & AI` → `ml-ai`, `k8s:v1.30` → `k8s-v130`).
 * Returns '' for a tag with nothing left in it, or only digits (Obsidian
 * reads `2026` as a number, not a tag; see whyNotATag).
 */
export function normaliseTag(tag: string): string {
  const normal = tag
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(
      /(\p{L})(\++)(?![\p{L}\p{N}])/gu,
      (_all, letter: string, plus: string) => letter + 'p'.repeat(plus.length),
    )
    .replace(/(\p{L})#(?![\p{L}\p{N}])/gu, '$1sharp')
    .replace(/([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '$1')
    .replace(TAG_SEPARATOR, '-')
    .split('/')
    .map((part) => part.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
  return /[^\p{N}/]/u.test(normal) ? normal : '';
}

/** Why a tag normalises to nothing, in a sentence for an error message. */
export function whyNotATag(tag: string): string {
  const digits = tag.replace(/[^\p{N}]/gu, '');
  if (digits && !/[\p{L}]/u.test(tag.normalize('NFKC')))
    return `"${tag}" is not a tag: a tag needs a letter (Obsidian reads ${digits} as a number); try "y${digits}" or "year-${digits}"`;
  return `"${tag}" is not a tag: nothing is left of it once normalised`;
}

/** True when `tag` is `wanted` or one of its children (`storage` matches `storage/cinder`). */
export function tagMatches(tag: string, wanted: string): boolean {
  return tag === wanted || tag.startsWith(`${wanted}/`);
}
