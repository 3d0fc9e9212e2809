/**
 * Folding text for search: case and accents do not matter (`muller` finds
 * Müller, `SOREN` finds Søren). One tokenizer for the index, the query, phrases
 * and snippets, so that what is marked is what was matched.
 */

/** Letters that carry no combining mark to strip (NFD leaves them whole). */
const WHOLE_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const WHOLE = /[ßæœøłđðþı]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, without accents: the form every word is indexed and looked up in. */
export function fold(text: string): string {
  // Most words are ASCII, and normalize() is the cost of a search's snippets.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(patterns().marks, '')
    .toLowerCase()
    .replace(WHOLE, (letter) => WHOLE_LETTERS[letter] ?? letter);
}

/**
 * What separates words: white space, punctuation, and the symbols Markdown
 * marks text with (a `code span`, ~~struck~~, a | table |, <angle> and = ^);
 * other symbols stay in a word, as in MiniSearch (`c++`, `$5`, an emoji).
 * Made on first use: V8 parses a pattern with Unicode's classes when it is
 * created, and listings load this module for `--speaker` without searching.
 */
let wordPatterns: { marks: RegExp; separators: RegExp; separator: RegExp; word: RegExp } | undefined;
function patterns() {
  wordPatterns ??= {
    marks: /\p{M}+/gu,
    separators: /[\s\p{Z}\p{P}`~|<>=^]+/u,
    separator: /[\s\p{Z}\p{P}`~|<>=^]/u,
    // A word, with its place in the text (the complement of separators).
    word: /[^\s\p{Z}\p{P}`~|<>=^]+/gu,
  };
  return wordPatterns;
}

/** Whether one character separates words (snippet.ts finds whole phrases by it). */
export const isSeparator = (char: string): boolean => patterns().separator.test(char);

/** The words of a text, unfolded. */
export function tokenize(text: string): string[] {
  return text.split(patterns().separators).filter(Boolean);
}

/** The words of a text, folded. */
export function foldedWords(text: string): string[] {
  return tokenize(text).map(fold).filter(Boolean);
}

/** Each word of a text with where it starts, for marking matches in place. */
export function* wordsAt(text: string): Generator<{ word: string; index: number }> {
  for (const match of text.matchAll(patterns().word)) yield { word: match[0], index: match.index };
}

/** True when the folded text holds `part` (white space runs count as one space): for names. */
export function foldedIncludes(text: string, part: string): boolean {
  const wanted = fold(part).replace(/\s+/g, ' ').trim();
  return wanted === '' || fold(text).replace(/\s+/g, ' ').includes(wanted);
}
