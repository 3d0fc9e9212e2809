/**
 * The notes store: reads note files (found by note-files.ts) into Notes,
 * with the front-matter cache (`<note>` is resolved by note-resolve.ts).
 */
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { conferenceSlugs } from '../workspace/conference.js';
import { findFrontMatter, FrontMatterError } from '../front-matter/front-matter.js';
import { metaOfRow, NoteCache, statStamp, type FileStamp, type NoteCacheOptions } from './note-cache.js';
import { noteFiles, noteId, readNoteText } from './note-files.js';
import { parseNote, type Note, type NoteMeta } from './note.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';

export { MAX_NOTE_BYTES } from './note-size.js';
export { noteFiles, readNoteText } from './note-files.js';
export { byTime } from './note-order.js';

/** A note as listings show it: everything but the body. */
export type ListedNote = Omit<Note, 'body'>;

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

export interface ScanResult {
  notes: Note[];
  /** One per file that could not be read as a note. */
  problems: NoteFileError[];
}

/** Reads one note; throws NoteFileError naming the file and line. */
export function readNote(ws: Workspace, file: string): Note {
  const rel = relativeToWorkspace(ws, file);
  const shown = rel.startsWith('..') ? file : rel;
  const text = readNoteText(file, shown);
  try {
    const { meta, split } = parseNote(text);
    const folder = rel.includes('/') && !rel.startsWith('..') ? rel.split('/')[0]! : null;
    return {
      ...meta,
      id: noteId(file),
      file,
      path: rel,
      folder,
      body: split.body,
    };
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
}

export interface ScanOptions {
  /** Use and refresh the front-matter cache in `.confnotes/` (default: true); see note-cache.ts. */
  cache?: boolean | NoteCacheOptions;
  /**
   * Which notes, by their tags, become entries (default: all): `list --tag` keeps its
   * matches, `tags` counts and keeps none (fewer objects live through the scan).
   */
  keep?: (tags: string[]) => boolean;
}

/**
 * Reads every note of the given conferences; bad files become problems, not
 * failures. Front matter comes from the cache when the file is unchanged; the
 * body of such a note is read from its file only when something asks for it.
 */
export function scanNotes(ws: Workspace, slugs?: string[], options: ScanOptions = {}): ScanResult {
  const { entries, problems } = scanEntries(ws, slugs, options);
  return { notes: entries.map((entry) => entry.note()), problems };
}

/**
 * One note found by a scan, before it is made a Note: its tags at once, its
 * other fields parsed from the cache row on first use, the Note built only
 * for a note a command shows. A listing of 10,000 notes that shows 200 builds 200.
 */
export class ScannedNote {
  private fields: NoteMeta | null;
  private built: Note | null = null;

  constructor(
    private readonly ws: Workspace,
    readonly file: string,
    readonly rel: string,
    readonly tags: string[],
    from: NoteMeta | string,
    /** The stamp the note was read or looked up with (search reuses it rather than stat again). */
    readonly stamp: FileStamp | null,
  ) {
    this.fields = typeof from === 'string' ? null : from;
    this.row = typeof from === 'string' ? from : null;
  }

  private row: string | null;

  /** The workspace-relative path (a Note's `path`). */
  get path(): string {
    return this.rel;
  }

  /** The conference folder (a Note's `folder`). */
  get folder(): string | null {
    const slash = this.rel.indexOf('/');
    return slash > 0 && !this.rel.startsWith('..') ? this.rel.slice(0, slash) : null;
  }

  /** The note's fields; a cache row that does not read back is replaced by the file's own. */
  meta(): NoteMeta {
    if (this.fields) return this.fields;
    const meta = metaOfRow(this.row!);
    this.row = null;
    this.fields = meta && sameTags(meta.tags, this.tags) ? meta : readNote(this.ws, this.file);
    return this.fields;
  }

  /** The note without its body, for listings: a plain object, cheaper than a Note (no body to read lazily). */
  listed(): ListedNote {
    if (this.built) return this.built;
    const where = () => ({ id: noteId(this.file), file: this.file, path: this.rel, folder: this.folder });
    if (!this.fields) {
      const listed = metaOfRow(this.row!, where());
      if (listed && sameTags(listed.tags, this.tags)) return listed;
    }
    const meta = this.meta();
    return 'body' in meta ? (meta as Note) : { ...meta, ...where() };
  }

  note(): Note {
    if (this.built) return this.built;
    const meta = this.meta();
    this.built = 'body' in meta ? (meta as Note) : noteFromCache(this.ws, this.file, this.rel, meta);
    return this.built;
  }
}

export interface ScanEntries {
  entries: ScannedNote[];
  problems: NoteFileError[];
  /** How many notes were read, kept or not. */
  found: number;
}

/** scanNotes without building the Notes: see ScannedNote. */
export function scanEntries(ws: Workspace, slugs?: string[], options: ScanOptions = {}): ScanEntries {
  // Each conference once, however often it is named.
  const scope = [...new Set(slugs ?? conferenceSlugs(ws))];
  const cache =
    options.cache === false ? null : NoteCache.load(ws, options.cache === true ? {} : options.cache);
  const entries: ScannedNote[] = [];
  const walkProblems = new Map<string, NoteFileError[]>();
  const problems: NoteFileError[] = [];
  let found = 0;
  // One conference at a time, in the order of its files' paths (`a-b/` before `a/`, as a sort of
  // every path would put them): its file list and its cache rows are let go before the next is
  // read, so a scan of 10,000 notes never holds them all (they die young, uncopied by the collector).
  try {
    for (const slug of [...scope].sort(byFolder)) {
      const walked = noteFiles(ws, [slug]);
      walkProblems.set(slug, walked.problems);
      found += scanFiles(ws, walked.files, cache, options.keep, entries, problems);
      cache?.release(slug);
    }
    if (cache) {
      cache.prune(scope);
      cache.save();
    }
  } finally {
    cache?.close();
  }
  // Folders that could not be walked first, in the order the conferences were given, then files that could not be read.
  return {
    entries,
    problems: [...scope.flatMap((slug) => walkProblems.get(slug) ?? []), ...problems],
    found,
  };
}

const byFolder = (a: string, b: string) => (`${a}/` < `${b}/` ? -1 : `${a}/` > `${b}/` ? 1 : 0);

/** Looks up or reads each of `files` (path order), adding the kept ones to `entries`; returns how many were notes. */
function scanFiles(
  ws: Workspace,
  files: string[],
  cache: NoteCache | null,
  keep: ScanOptions['keep'],
  entries: ScannedNote[],
  problems: NoteFileError[],
): number {
  const prefix = ws.root.endsWith(path.sep) ? ws.root : ws.root + path.sep;
  let found = 0;
  for (const file of files) {
    // noteFiles joins names onto ws.root, so a slice gives what path.relative would, at a fraction of the cost.
    const rel =
      file.startsWith(prefix) && path.sep === '/' ? file.slice(prefix.length) : relativeToWorkspace(ws, file);
    // Stamp before reading: a change made while the file is read leaves a stamp that no longer matches.
    const stamp = statStamp(file);
    // Every file found is asked for (prune drops the rows never asked for); one gone since is forgotten.
    const cached = cache && stamp ? cache.entry(rel, stamp) : null;
    let kept: boolean | undefined;
    if (cached) {
      kept = !keep || keep(cached.tags);
      const row = kept ? cached.row : '';
      if (!kept || row !== '') {
        found++;
        if (kept) entries.push(new ScannedNote(ws, file, rel, cached.tags, row, stamp));
        continue;
      }
      // A row that could not be read back: the note is read (and the cache mended) as on a miss.
    }
    try {
      const note = readNote(ws, file);
      found++;
      if (kept ?? (!keep || keep(note.tags)))
        entries.push(new ScannedNote(ws, file, rel, note.tags, note, stamp));
      if (cache && stamp) cache.remember(rel, stamp, note);
    } catch (error) {
      cache?.forget(rel);
      if (error instanceof NoteFileError) problems.push(error);
      else throw error;
    }
  }
  return found;
}

/** A note from cached fields; its body is read from the file on first use (only searches and reports need it). */
function noteFromCache(ws: Workspace, file: string, rel: string, meta: NoteMeta): Note {
  const slash = rel.indexOf('/');
  let body: string | undefined;
  // A literal with an own enumerable accessor: spreading or serialising the note still gives its body.
  return {
    ...meta,
    id: noteId(file),
    file,
    path: rel,
    folder: slash > 0 && !rel.startsWith('..') ? rel.slice(0, slash) : null,
    get body(): string {
      body ??= readBody(ws, file);
      return body;
    },
    set body(value: string) {
      body = value;
    },
  };
}

function readBody(ws: Workspace, file: string): string {
  const shown = displayPath(ws, file);
  const text = readNoteText(file, shown);
  try {
    return text.slice(findFrontMatter(text).bodyStart);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
}

function displayPath(ws: Workspace, file: string): string {
  const rel = relativeToWorkspace(ws, file);
  return rel.startsWith('..') ? file : rel;
}
