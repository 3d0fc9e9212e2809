/** Longest slug, in characters (code points), kept well under file-name limits. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Turns any title into a safe file-name part: letters and digits of any script
 * (with their combining marks), separated by single hyphens. No dots, slashes,
 * control, bidi or zero-width characters survive, so `..` or a path can never
 * come out of it.
 */
export function slugify(title: string, fallback = 'untitled'): string {
  const words = PRINTABLE_ASCII.test(title) ? asciiSlugWords(title) : unicodeSlugWords(title);
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

/** Text of printable ASCII alone: NFKC leaves it as it is, and its letters are a-z and A-Z. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A title's words: runs of letters (with their marks) and digits, lower case. */
export function unicodeSlugWords(title: string): string[] {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => word.replace(/^\p{M}+/u, ''))
    .filter((word) => word.length > 0);
}

/**
 * unicodeSlugWords for printable ASCII, without the Unicode tables (compiling
 * them costs milliseconds of a room command); a property test holds the two equal.
 */
export function asciiSlugWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** normaliseTag's patterns: Unicode's classes, and their printable-ASCII equivalents (a property test holds them equal). */
interface TagPatterns {
  /** Control and format characters, removed. */
  invisible: RegExp;
  /** A letter followed by pluses that end a word (`c++`). */
  pluses: RegExp;
  /** A letter followed by a sharp that ends a word (`c#`). */
  sharp: RegExp;
  /** A dot between letters or digits (`node.js`). */
  innerDot: RegExp;
  /** Anything outside Obsidian's tag alphabet (letters, digits, `_`, `-`, `/`): separates words. */
  separator: RegExp;
  /** Something other than digits and slashes: a tag needs it. */
  notANumber: RegExp;
}

let unicodeTagPatterns: TagPatterns | undefined;

/**
 * Made on first use: V8 parses a pattern when it creates it, and these six,
 * with Unicode's classes, took about a millisecond at the load of nearly every
 * command, though most tags are plain ASCII and never need them.
 */
export function unicodeTag(): TagPatterns {
  unicodeTagPatterns ??= {
    invisible: /[\p{Cc}\p{Cf}]/gu,
    pluses: /(\p{L})(\++)(?![\p{L}\p{N}])/gu,
    sharp: /(\p{L})#(?![\p{L}\p{N}])/gu,
    innerDot: /([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu,
    separator: /[^\p{L}\p{M}\p{N}_/-]+/gu,
    notANumber: /[^\p{N}/]/u,
  };
  return unicodeTagPatterns;
}

/** For printable ASCII once lower-cased: letters are a-z, digits 0-9, and nothing is invisible. */
export const ASCII_TAG: TagPatterns = {
  invisible: /(?!)/g,
  pluses: /([a-z])(\++)(?![a-z0-9])/g,
  sharp: /([a-z])#(?![a-z0-9])/g,
  innerDot: /([a-z0-9])\.(?=[a-z0-9])/g,
  separator: /[^a-z0-9_/-]+/g,
  notANumber: /[^0-9/]/,
};

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
  // A tag is public wherever its note goes (a site's tag pages): one holding a comment, a private
  // marker among them, is no tag at all (whyNotATag says why), never a tag made of the marker's words.
  if (tag.includes('<!--')) return '';
  return PRINTABLE_ASCII.test(tag) ? normaliseTagWith(ASCII_TAG, tag) : normaliseTagWith(unicodeTag(), tag);
}

/** normaliseTag with one set of patterns; exported for the property test that holds the two sets equal. */
export function normaliseTagWith(patterns: TagPatterns, tag: string): string {
  const normal = tag
    .normalize('NFKC')
    .replace(patterns.invisible, '')
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(patterns.pluses, (_all, letter: string, plus: string) => letter + 'p'.repeat(plus.length))
    .replace(patterns.sharp, '$1sharp')
    .replace(patterns.innerDot, '$1')
    .replace(patterns.separator, '-')
    .split('/')
    .map((part) => part.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
  return patterns.notANumber.test(normal) ? normal : '';
}

/** Why a tag normalises to nothing, in a sentence for an error message. */
export function whyNotATag(tag: string): string {
  // Not echoed: what it holds may be private.
  if (tag.includes('<!--'))
    return 'a tag holding an HTML comment (such as a private marker) is not a tag: a tag is public wherever its note goes';
  const digits = tag.replace(/[^\p{N}]/gu, '');
  if (digits && !/[\p{L}]/u.test(tag.normalize('NFKC')))
    return `"${tag}" is not a tag: a tag needs a letter (Obsidian reads ${digits} as a number); try "y${digits}" or "year-${digits}"`;
  return `"${tag}" is not a tag: nothing is left of it once normalised`;
}

/** True when `tag` is `wanted` or one of its children (`storage` matches `storage/cinder`). */
export function tagMatches(tag: string, wanted: string): boolean {
  return tag === wanted || tag.startsWith(`${wanted}/`);
}
