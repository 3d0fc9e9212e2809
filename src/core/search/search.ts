/**
 * `confnotes search`: BM25 (MiniSearch) over every note of the conferences in
 * scope, each conference's index brought up to date first (search-index.ts).
 * Every word must be found (the last one also as a prefix), each phrase as
 * consecutive words; only notes that pass the listing's filters are shown.
 *
 * Scores come from each conference's own index (its note count and word
 * frequencies), the way a sharded search engine scores by shard: an edit
 * re-indexes one conference, not the whole workspace.
 */
import type { SearchResult } from 'minisearch';
import { UsageError } from '../../errors.js';
import type { FileStamp } from '../note/note-cache.js';
import type { Note } from '../note/note.js';
import { compareCodes } from '../note/note-order.js';
import type { Workspace } from '../workspace/workspace.js';
import { foldedWords } from './fold.js';
import { holdsPhrase, parseQuery, type SearchQuery } from './query.js';
import { type OpenedIndex, type OpenOptions, openIndex } from './search-index.js';
import { flatten, type Segment, snippetOf } from './snippet.js';

export interface SearchHit {
  note: Note;
  /** MiniSearch's BM25 score, rounded to 3 decimals: higher is more relevant. */
  score: number;
  snippet: Segment[];
}

export interface SearchStats {
  /** Notes (re-)indexed by this search, and index files written. */
  indexed: number;
  saved: number;
}

/**
 * A note as a search needs it: where it is, the stamp the scan took (so it is
 * not stat'ed twice), and the Note itself, built only for a hit. A store's
 * ScannedNote is one; so is a plain Note (stat'ed then).
 */
export interface SearchFile {
  path: string;
  file: string;
  folder: string | null;
  stamp: FileStamp | null;
  note(): Note;
}

const asFile = (note: Note | SearchFile): SearchFile =>
  typeof (note as SearchFile).note === 'function'
    ? (note as SearchFile)
    : { path: note.path, file: note.file, folder: note.folder, stamp: null, note: () => note as Note };

/**
 * `notes`: every note of the conferences searched (the indexes cover them
 * all); `shown`: those that pass the filters, the only ones returned.
 */
export async function searchNotes(
  ws: Workspace,
  all: (Note | SearchFile)[],
  shown: (Note | SearchFile)[],
  words: string[],
  options: OpenOptions = {},
): Promise<{ hits: SearchHit[]; stats: SearchStats }> {
  const query = parseQuery(words);
  if (query.terms.length === 0) throw new UsageError('nothing to search for: give at least one word');
  const notes = all.map(asFile);
  const allowed = new Map(shown.map((note) => [note.path, asFile(note)]));
  const byConference = new Map<string, SearchFile[]>();
  for (const note of notes) {
    const slug = note.folder ?? '';
    const members = byConference.get(slug);
    if (members) members.push(note);
    else byConference.set(slug, [note]);
  }
  const stats: SearchStats = { indexed: 0, saved: 0 };
  const hits: SearchHit[] = [];
  for (const [slug, members] of byConference) {
    // A conference none of whose notes may be shown cannot give a hit: its index is left for later.
    if (!members.some((note) => allowed.has(note.path))) continue;
    const opened = await openIndex(ws, slug, members, query, options);
    stats.indexed += opened.indexed;
    if (opened.saved) stats.saved++;
    try {
      const shownOf = (rels: string[]) =>
        new Map(rels.flatMap((rel) => (allowed.has(rel) ? [[rel, allowed.get(rel)!] as const] : [])));
      hits.push(...conferenceHits(opened, query, shownOf));
    } finally {
      opened.close();
    }
  }
  return { hits: sortHits(hits), stats };
}

/**
 * Most relevant first; equal scores by path, in code-unit order as listings
 * order paths (localeCompare would follow the machine's locale, and cost ~3 ms
 * of a search with a hundred hits).
 */
export function sortHits(hits: SearchHit[]): SearchHit[] {
  return hits.sort((a, b) => b.score - a.score || compareCodes(a.note.path, b.note.path));
}

/**
 * The hits of one conference's index, unsorted: `shown` gives the notes of
 * the results that may be shown (the filters leave the others out; they do
 * not change a score).
 */
export function conferenceHits(
  opened: OpenedIndex,
  query: SearchQuery,
  shown: (rels: string[]) => Map<string, SearchFile>,
): SearchHit[] {
  if (!opened.index) return [];
  const found = opened.index.search(query.terms.join(' '), {
    combineWith: 'AND',
    prefix: (_term, i, terms) => query.prefixLast && i === terms.length - 1,
  });
  const notes = shown(found.map((result) => result.id as string));
  const results = found.filter((result) => notes.has(result.id as string));
  // The bodies as indexed, which the stamp check just proved current: no need to open the notes again.
  const bodies = opened.bodiesOf(results.map((result) => result.id as string));
  const hits: SearchHit[] = [];
  for (const result of results) {
    const note = notes.get(result.id as string)!.note();
    const body = bodies.get(note.path) ?? flatten(note.body);
    if (holdsPhrases(note, body, query)) hits.push(hitOf(note, body, result));
  }
  return hits;
}

/** Each phrase within one field, as consecutive folded words (MiniSearch found the words, not their order). */
function holdsPhrases(note: Note, body: string, query: SearchQuery): boolean {
  if (query.phrases.length === 0) return true;
  const fields = [note.title, note.speakers.join(' \n '), note.tags.join(' '), note.summary ?? '', body].map(
    foldedWords,
  );
  return query.phrases.every((phrase) => fields.some((words) => holdsPhrase(words, phrase)));
}

function hitOf(note: Note, body: string, result: SearchResult): SearchHit {
  // The words of the note that matched (for a prefix, the whole words it found).
  const terms = new Set(Object.keys(result.match));
  return {
    note,
    score: Math.round(result.score * 1000) / 1000,
    snippet: snippetOf(textsOf(note, body), terms),
  };
}

/** Where a snippet is looked for, in order; each text made only if the ones before it hold no match. */
function* textsOf(note: Note, body: string): Generator<string> {
  yield body;
  yield flatten(note.summary ?? '');
  yield flatten(note.title);
  yield note.speakers.join(', ');
}
