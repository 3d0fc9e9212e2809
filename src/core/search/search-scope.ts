/**
 * `confnotes search` over conferences, opening only what the answer needs.
 *
 * Every note of every conference in scope is still stat'ed, against the
 * stamps its conference's index was built from: a conference whose index
 * holds exactly its notes, each at the version indexed, is searched from the
 * index file alone (its note cache is read only when it has a hit; a
 * conference lacking a word of the query is answered "no hit" from the
 * index's head). Every other conference (a note added, deleted, edited or
 * unreadable, an index missing or damaged) goes the full way: scanned like
 * a listing (its problems reported), its index brought up to date
 * (searchNotes). The answer is the one searchNotes gives over the whole scope.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NoteFileError } from '../../errors.js';
import { type FileStamp, metaOfRow } from '../note/note-cache.js';
import { filterEntries, type NoteFilter } from '../note/note-query.js';
import { noteFiles, readNote, ScannedNote, scanEntries } from '../note/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { IndexFile } from './index-file.js';
import { parseQuery, type SearchQuery } from './query.js';
import { conferenceHits, type SearchHit, searchNotes, sortHits } from './search.js';
import { splitText } from './index-layout.js';
import { INDEX_OPTIONS, indexFileOf, type OpenedIndex, type OpenOptions } from './search-index.js';

export interface ScopeSearch {
  /** Most relevant first (see sortHits). */
  hits: SearchHit[];
  /** How many notes the conferences searched hold (those that read as notes). */
  notes: number;
}

/**
 * Searches the conferences `slugs` for `words`, showing only the notes
 * `filter` passes. `problems` is called once, before any conference is
 * searched the full way, with what the scan could not read.
 */
export async function searchScope(
  ws: Workspace,
  slugs: string[],
  words: string[],
  filter: NoteFilter,
  problems: (found: NoteFileError[]) => void,
  options: OpenOptions = {},
): Promise<ScopeSearch> {
  const query = parseQuery(words);
  const prefix = ws.root.endsWith(path.sep) ? ws.root : ws.root + path.sep;
  // Nothing to search for: the full way (its error). Else one conference at a time, walked and
  // answered from its index before the next is walked, so no list of every note is held.
  const indexed = query.terms.length > 0 && path.sep === '/';
  const stale: string[] = [];
  const hits: SearchHit[] = [];
  let notes = 0;
  for (const slug of slugs) {
    const walk = indexed ? noteFiles(ws, [slug]) : null;
    // No notes: no hit, and nothing to bring up to date (a scan of it finds none).
    if (walk && walk.problems.length === 0 && walk.files.length === 0) continue;
    // A folder or link the walk could not follow, or a path not under its folder: the full way (its problems).
    const folder = `${prefix}${slug}/`;
    const members =
      walk && walk.problems.length === 0 && walk.files.every((file) => file.startsWith(folder))
        ? walk.files
        : null;
    const found = members ? searchCurrent(ws, prefix, slug, members, query, filter) : null;
    if (found) {
      hits.push(...found);
      notes += members!.length;
    } else stale.push(slug);
  }
  if (stale.length > 0) {
    const scan = scanEntries(ws, stale);
    problems(scan.problems);
    notes += scan.entries.length;
    const shown = filterEntries(scan.entries, filter);
    hits.push(...(await searchNotes(ws, scan.entries, shown, words, options)).hits);
  } else problems([]);
  return { hits: sortHits(hits), notes };
}

/**
 * The hits of a conference whose index is current (every note stat'ed now
 * and found at the version indexed, none added or gone), else null: the
 * conference must go the full way.
 */
function searchCurrent(
  ws: Workspace,
  prefix: string,
  slug: string,
  files: string[],
  query: SearchQuery,
  filter: NoteFilter,
): SearchHit[] | null {
  const stored = IndexFile.open(indexFileOf(ws, slug));
  if (!stored) return null;
  try {
    // The Stats themselves as stamps: no object more per note.
    const stampAt = (i: number) => fs.statSync(files[i]!, { throwIfNoEntry: false }) ?? null;
    if (!stored.holdsExactly(files, stampAt, prefix)) return null;
    const last = query.prefixLast ? (query.terms.at(-1) ?? null) : null;
    // Null: a word of the query is in none of these notes (nothing more is read).
    const index = stored.loadFor(INDEX_OPTIONS, query.terms, last);
    if (!index) return [];
    // Each result's row and body, read together: the row makes its note, the body its snippet.
    const bodies = new Map<string, string>();
    const opened: OpenedIndex = {
      index,
      bodiesOf: () => bodies,
      indexed: 0,
      saved: false,
      close: () => {},
    };
    return conferenceHits(opened, query, (rels) =>
      shownNotes(ws, prefix, files, rels, stored, filter, bodies),
    );
  } catch {
    // A damaged index (or a note gone unreadable since): the full way rebuilds it, or reports the note.
    return null;
  } finally {
    stored.close();
  }
}

/**
 * The notes of these results, as the scan would have made them, that the
 * filter passes; each one's body as indexed goes into `bodies`.
 */
function shownNotes(
  ws: Workspace,
  prefix: string,
  files: string[],
  rels: string[],
  stored: IndexFile,
  filter: NoteFilter,
  bodies: Map<string, string>,
): Map<string, ScannedNote> {
  // Each result's number in the stored order, which is the walk's (holdsExactly).
  const numbered = rels.map((rel) => [rel, files.indexOf(prefix + rel)] as [string, number]);
  const texts = stored.textsOf(numbered);
  const notes = numbered.map(([rel, i]) => {
    const file = files[i]!;
    // The stamp the index holds, which the stat check just found on the file.
    const [size, mtimeMs, ctimeMs, ino] = stored.stamp(i) ?? [];
    if (ino === undefined) throw new Error('a result without a stamp');
    const stamp: FileStamp = { size: size!, mtimeMs: mtimeMs!, ctimeMs: ctimeMs!, ino };
    const text = splitText(texts.get(rel));
    // The row the note cache would hold for this very version of the file.
    const meta = text && metaOfRow(text.row);
    if (text) bodies.set(rel, text.body);
    // Else (damaged): read, as the scan would have.
    const note = meta ?? readNote(ws, file);
    return new ScannedNote(ws, file, rel, note.tags, note, stamp);
  });
  return new Map(filterEntries(notes, filter).map((note) => [note.rel, note]));
}
