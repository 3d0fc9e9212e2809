/**
 * What a private note carries so that static site generators leave it out:
 * `draft` (Hugo), `eleventyExcludeFromCollections` and `permalink` (Eleventy),
 * `publish` (Obsidian Publish). Written by `new --private` and `set
 * private=true`, removed by `set private=false`, kept in step by `check`.
 */
export const UNPUBLISHED_FLAGS = {
  draft: true,
  eleventyExcludeFromCollections: true,
  permalink: false,
  publish: false,
} as const;

export const UNPUBLISHED_KEYS = Object.keys(UNPUBLISHED_FLAGS) as (keyof typeof UNPUBLISHED_FLAGS)[];

/** The flags as front-matter lines, in order. */
export function unpublishedLines(eol = '\n'): string {
  return UNPUBLISHED_KEYS.map((key) => `${key}: ${UNPUBLISHED_FLAGS[key]}`).join(eol);
}

/** The flags a private note's data lacks or contradicts. */
export function missingFlags(data: Record<string, unknown>): (keyof typeof UNPUBLISHED_FLAGS)[] {
  return UNPUBLISHED_KEYS.filter((key) => data[key] !== UNPUBLISHED_FLAGS[key]);
}
