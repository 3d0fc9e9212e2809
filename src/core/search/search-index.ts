/**
 * One conference's search index, brought up to date before every search with
 * the note cache's stat check: a note is re-indexed unless its size, mtime,
 * ctime and inode are exactly those it was indexed at, so a search never
 * answers from an old version of a note. Only the notes that changed are
 * discarded and added again; unchanged indexes are not written.
 */
import path from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { NoteFileError } from '../../errors.js';
import { RECENT_MS, rowOf, statStamp } from '../note/note-cache.js';
import type { Note } from '../note/note.js';
import type { SearchFile } from './search.js';
import { readNote } from '../note/store.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import { fold, tokenize } from './fold.js';
import { IndexFile } from './index-file.js';
import { splitText, storedStamp, type StoredStamp, storedText } from './index-layout.js';
import { writeIndexFile } from './index-write.js';
import type { SearchQuery } from './query.js';
import { flatten, searchedBody } from './snippet.js';

export const SEARCH_FIELDS = ['title', 'speakers', 'tags', 'summary', 'body'] as const;

interface IndexedNote {
  id: string;
  title: string;
  speakers: string;
  tags: string;
  summary: string;
  body: string;
}

export const INDEX_OPTIONS: Options<IndexedNote> = {
  fields: [...SEARCH_FIELDS],
  tokenize,
  processTerm: (term) => fold(term) || null,
  // Vacuuming runs in timers; a command vacuums itself before it saves (see update).
  autoVacuum: false,
};

export function indexFileOf(ws: Workspace, slug: string): string {
  return path.join(ws.root, MARKER_DIR, 'search', `${encodeURIComponent(slug) || '_'}.idx`);
}

function documentOf(note: Note): IndexedNote {
  return {
    id: note.path,
    title: note.title,
    speakers: note.speakers.join(' \n '),
    tags: note.tags.join(' '),
    summary: note.summary ?? '',
    body: searchedBody(note.body),
  };
}

export interface OpenOptions {
  /** The real time now in ms (tests move it): a note changed in the last RECENT_MS is indexed but not trusted next time. */
  now?: number;
}

export interface OpenedIndex {
  /** Null when no note of the conference can be a hit (a word of the query is in none). */
  index: MiniSearch<IndexedNote> | null;
  /** These notes' bodies on one line as indexed (snippets and phrases read them); a note not indexed is left out. */
  bodiesOf(rels: string[]): Map<string, string>;
  /** How many notes were (re-)indexed, and whether the index file was written. */
  indexed: number;
  saved: boolean;
  /** Lets go of the index file (bodiesOf reads from it until then). */
  close(): void;
}

/**
 * The index of one conference's notes (every note of it, not only the ones a
 * search may show), up to date. When nothing changed it holds only the
 * postings `query` needs; otherwise the whole index, updated and saved.
 */
export async function openIndex(
  ws: Workspace,
  slug: string,
  notes: Pick<SearchFile, 'path' | 'file' | 'stamp'>[],
  query: SearchQuery,
  options: OpenOptions = {},
): Promise<OpenedIndex> {
  const now = options.now ?? Date.now();
  const file = indexFileOf(ws, slug);
  const stored = IndexFile.open(file);
  if (!stored) return update(ws, file, null, notes, query, now);
  try {
    return await update(ws, file, stored, notes, query, now);
  } catch {
    // A line of the file that does not parse (truncated, damaged): built again from the notes.
    stored.close();
    return update(ws, file, null, notes, query, now);
  }
}

/** An index file every note is current in: only the postings `query` needs are read, and only the hits' bodies. */
function unchanged(stored: IndexFile, query: SearchQuery): OpenedIndex {
  const last = query.prefixLast ? (query.terms.at(-1) ?? null) : null;
  // Null: a word of the query is in none of these notes.
  const index = stored.loadFor(INDEX_OPTIONS, query.terms, last);
  return {
    index,
    bodiesOf: (rels) => bodiesOfTexts(stored.textsOf(rels)),
    indexed: 0,
    saved: false,
    close: () => stored.close(),
  };
}

async function update(
  ws: Workspace,
  file: string,
  stored: IndexFile | null,
  notes: Pick<SearchFile, 'path' | 'file' | 'stamp'>[],
  query: SearchQuery,
  now: number,
): Promise<OpenedIndex> {
  // The scan's stamp, taken before it read the note (else one taken now): a note changed since no longer matches.
  const stampOf = (note: Pick<SearchFile, 'file' | 'stamp'>) => note.stamp ?? statStamp(note.file);
  // The usual search: nothing changed since the index was written.
  if (
    stored?.holdsExactly(
      notes.map((note) => note.path),
      (i) => stampOf(notes[i]!),
    )
  )
    return unchanged(stored, query);
  const kept = new Set<string>();
  const changed: { note: Pick<SearchFile, 'path' | 'file'>; stamp: StoredStamp }[] = [];
  for (const note of notes) {
    const stamp = stampOf(note);
    if (!stamp) continue;
    if (stored?.current(note.path, stamp)) {
      kept.add(note.path);
      continue;
    }
    const recent = Math.max(stamp.mtimeMs, stamp.ctimeMs) > now - RECENT_MS;
    changed.push({ note, stamp: recent ? null : storedStamp(stamp) });
  }
  // Every note kept (the kept are among the stored, once each): nothing gone either.
  if (stored && changed.length === 0 && kept.size === stored.docs.size) return unchanged(stored, query);
  const gone = stored ? [...stored.docs.keys()].filter((rel) => !kept.has(rel)) : [];
  const index = stored ? stored.loadAll(INDEX_OPTIONS) : new MiniSearch(INDEX_OPTIONS);
  const docs = new Map<string, StoredStamp>();
  // Each note's row and body as stored (see storedText): the kept ones copied as they were.
  const texts = stored ? stored.textsOf([...kept]) : new Map<string, string>();
  for (const rel of kept) {
    if (!splitText(texts.get(rel))) throw new Error('damaged text');
    docs.set(rel, stored!.stamp(rel));
  }
  stored?.close();
  for (const rel of gone) if (index.has(rel)) index.discard(rel);
  let indexed = 0;
  for (const { note, stamp } of changed) {
    if (index.has(note.path)) index.discard(note.path);
    let fresh: Note;
    try {
      // Read again after the stamp was taken: the listing may have read an older version.
      fresh = readNote(ws, note.file);
    } catch (error) {
      // Gone or broken since the listing: not indexed, so looked at again next time.
      if (error instanceof NoteFileError) continue;
      throw error;
    }
    index.add(documentOf(fresh));
    docs.set(note.path, stamp);
    texts.set(note.path, storedText(rowOf(fresh), flatten(fresh.body)));
    indexed++;
  }
  if (index.dirtCount > 0 && index.dirtFactor > 0.1) await index.vacuum({ batchWait: 0 });
  // In the notes' order, the order the next search checks them in (IndexFile.holdsExactly).
  const ordered = new Map<string, StoredStamp>();
  for (const { path: rel } of notes) if (docs.has(rel)) ordered.set(rel, docs.get(rel)!);
  const saved = writeIndexFile(file, index, ordered, texts);
  const bodiesOf = (rels: string[]) =>
    bodiesOfTexts(new Map(rels.flatMap((rel) => (texts.has(rel) ? [[rel, texts.get(rel)!] as const] : []))));
  return { index, bodiesOf, indexed, saved, close: () => {} };
}

/** The bodies of stored texts (one that does not read as one is left out: its note is read instead). */
export function bodiesOfTexts(texts: Map<string, string>): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const [rel, text] of texts) {
    const split = splitText(text);
    if (split) bodies.set(rel, split.body);
  }
  return bodies;
}
