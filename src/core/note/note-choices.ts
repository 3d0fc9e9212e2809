/**
 * The picker's choices, without the terminal: notes most recent first, each
 * with a one-line label and what a typed filter is matched against (title,
 * speakers, date, conference and tags, folded so case and accents do not matter).
 */
import { foldedWords } from '../search/fold.js';
import { compareNotes, type Note } from './note.js';

export interface NoteChoice {
  note: Note;
  /** `date  title — speakers (conference)`, raw: the terminal side makes it safe to show. */
  label: string;
  /** The folded words the filter looks in. */
  words: string[];
  /** The same words joined by spaces: a part of a word matches anywhere in it. */
  folded: string;
}

/** The conference a note belongs to: its own field, else its folder. */
const conferenceOf = (note: Note) => note.conference ?? note.folder;

export function noteLabel(note: Note): string {
  const speakers = note.speakers.length > 0 ? ` — ${note.speakers.join(', ')}` : '';
  const conference = conferenceOf(note);
  return `${note.date}  ${note.title}${speakers}${conference ? ` (${conference})` : ''}`;
}

/** Every note as a choice, the most recent first. */
export function noteChoices(notes: readonly Note[]): NoteChoice[] {
  return [...notes]
    .sort((a, b) => compareNotes(b, a))
    .map((note) => {
      const text = [note.date, note.title, ...note.speakers, conferenceOf(note) ?? '', ...note.tags].join(
        ' ',
      );
      const words = foldedWords(text);
      return { note, label: noteLabel(note), words, folded: words.join(' ') };
    });
}

/** True when the letters of `part` appear in `word` in order, starting with its first letter ("fbr" in "fibre"). */
function isSubsequence(part: string, word: string): boolean {
  if (word[0] !== part[0]) return false;
  let at = 0;
  for (const letter of word) if (letter === part[at]) at += 1;
  return at >= part.length;
}

/**
 * The choices a typed term leaves, in recency order: first those holding every
 * word of the term (a part of a word counts, in any order), then those where
 * each word is only spelt loosely ("fbr chnl"). An empty term leaves them all.
 */
export function filterNoteChoices(choices: readonly NoteChoice[], term: string | undefined): NoteChoice[] {
  const parts = foldedWords(term ?? '');
  if (parts.length === 0) return [...choices];
  const close: NoteChoice[] = [];
  const loose: NoteChoice[] = [];
  for (const choice of choices) {
    if (parts.every((part) => choice.folded.includes(part))) close.push(choice);
    else if (parts.every((part) => choice.words.some((word) => isSubsequence(part, word))))
      loose.push(choice);
  }
  return [...close, ...loose];
}
