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

/**
 * Normalises a tag: a leading `#` dropped, lower case, white space to hyphens,
 * `/` kept as the hierarchy separator (`Storage/Cinder` becomes `storage/cinder`).
 * Returns '' for a tag with nothing left in it.
 */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/\s+/gu, '-')
    .split('/')
    .map((part) => part.replace(/^-+|-+$/g, ''))
    .filter((part) => part.length > 0 && part !== '.' && part !== '..')
    .join('/');
}

/** True when `tag` is `wanted` or one of its children (`storage` matches `storage/cinder`). */
export function tagMatches(tag: string, wanted: string): boolean {
  return tag === wanted || tag.startsWith(`${wanted}/`);
}
