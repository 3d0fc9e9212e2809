/**
 * What the user typed, as a search: words (all must be found; the last one
 * also as the start of a longer word) and phrases (words in this order).
 */
import { foldedWords } from './fold.js';

export interface SearchQuery {
  /** Every folded word, the phrases' words included: a note must hold them all. */
  terms: string[];
  /** The last word is matched as a prefix too (it is still being typed); not when it ends a phrase. */
  prefixLast: boolean;
  /** Folded words of each phrase, which must appear one after another. */
  phrases: string[][];
}

/**
 * Phrases are written in double quotes (`"fibre channel" zoning`); one
 * argument holding white space is a phrase too, because that is how a shell
 * user quotes one (`confnotes search "fibre channel"`). An unclosed quote runs
 * to the end.
 */
export function parseQuery(words: string[]): SearchQuery {
  const terms: string[] = [];
  const phrases: string[][] = [];
  let prefixLast = false;
  for (const argument of words) {
    const parts = argument.split('"');
    const quotedArgument = parts.length === 1 && /\S\s+\S/.test(argument.trim());
    parts.forEach((part, index) => {
      const folded = foldedWords(part);
      if (folded.length === 0) return;
      terms.push(...folded);
      const inQuotes = index % 2 === 1 || quotedArgument;
      if (inQuotes && folded.length > 1) phrases.push(folded);
      prefixLast = !inQuotes;
    });
  }
  return { terms, prefixLast, phrases };
}

/** True when `words` holds `phrase` as consecutive words. */
export function holdsPhrase(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return true;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
