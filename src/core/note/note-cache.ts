/**
 * A cache of parsed front matter, so that `list`, `tags` and the like do not
 * parse thousands of notes' YAML on every call. It lives in the workspace at
 * `.confnotes/cache-v1.json`, and it is never trusted over the files:
 * - an entry is used only while the file's size, mtime, ctime and inode are
 *   exactly those it was read with; anything else is read again;
 * - a file changed in the last RECENT_MS before the scan is not stored (a
 *   second change within the file system's timestamp granularity could keep
 *   the same stamp), so it is simply parsed again next time;
 * - a missing, damaged or other-version cache is ignored and rebuilt;
 * - it is written (atomically, through safe-write) only when an entry changed,
 *   and a failure to write it never fails the command.
 * Bodies are not cached: a note's body is read from its file when asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isNoteType, NOTE_FIELDS, type NoteMeta } from './note.js';
import { replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';

export const NOTE_CACHE_FILE = 'cache-v1.json';

/** Files changed this recently (ms) are parsed but not cached: 2 s covers the coarsest common timestamps (FAT). */
export const RECENT_MS = 2000;

/** What tells one version of a file's bytes from another, without reading them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

function stampOf(stats: fs.Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** The stamp of a file (following links), or null when it cannot be stat'ed. */
export function statStamp(file: string): FileStamp | null {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats ? stampOf(stats) : null;
}

const META_FIELDS = NOTE_FIELDS;

/** Fails to compile when NoteMeta gains a field that the cache would not store. */
export const CACHE_HAS_EVERY_FIELD: [Exclude<keyof NoteMeta, (typeof META_FIELDS)[number]>] extends [never]
  ? true
  : never = true;

/**
 * Written into the file: a cache made by a build with other fields is ignored.
 * Bump the number when parsing changes what a note's fields come out as
 * (normalising tags differently, say), so old caches are not believed.
 */
export const NOTE_CACHE_FORMAT = `confnotes note cache 1: ${META_FIELDS.join(',')}`;

/** A row: the workspace-relative `/`-separated path, the stamp's four numbers, then the fields in META_FIELDS order. */
const ROW_LENGTH = 5 + META_FIELDS.length;

type Row = unknown[];

/** Rows in an array rather than an object keyed by path: JSON.parse builds arrays faster. */
interface CacheFile {
  format: string;
  rows: Row[];
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
const isTextList = (value: unknown) => Array.isArray(value) && value.every(isText);

/** The fields of a row, or null when the row is not exactly what this build writes. */
function metaOfRow(row: Row): NoteMeta | null {
  // Plain indexes (no slice, no destructuring): this runs once per note on every listing.
  const title = row[5];
  const type = row[6];
  const conference = row[7];
  const date = row[8];
  const start = row[9];
  const end = row[10];
  const speakers = row[11];
  const track = row[12];
  const room = row[13];
  const tags = row[14];
  const rating = row[15];
  const favourite = row[16];
  const isPrivate = row[17];
  const links = row[18];
  const summary = row[19];
  const programme = row[20];
  const valid =
    isText(title) &&
    isText(type) &&
    isNoteType(type) &&
    isTextOrNull(conference) &&
    isText(date) &&
    isTextOrNull(start) &&
    isTextOrNull(end) &&
    isTextList(speakers) &&
    isTextOrNull(track) &&
    isTextOrNull(room) &&
    isTextList(tags) &&
    (rating === null || (typeof rating === 'number' && Number.isInteger(rating))) &&
    typeof favourite === 'boolean' &&
    typeof isPrivate === 'boolean' &&
    links !== null &&
    typeof links === 'object' &&
    !Array.isArray(links) &&
    Object.values(links).every(isText) &&
    isTextOrNull(summary) &&
    isTextOrNull(programme);
  if (!valid) return null;
  return {
    title,
    type,
    conference: conference as string | null,
    date,
    start: start as string | null,
    end: end as string | null,
    speakers: speakers as string[],
    track: track as string | null,
    room: room as string | null,
    tags: tags as string[],
    rating: rating as number | null,
    favourite,
    private: isPrivate,
    links: links as Record<string, string>,
    summary: summary as string | null,
    programme: programme as string | null,
  };
}

function rowOf(rel: string, stamp: FileStamp, meta: NoteMeta): Row {
  return [
    rel,
    stamp.size,
    stamp.mtimeMs,
    stamp.ctimeMs,
    stamp.ino,
    ...META_FIELDS.map((field) => meta[field] ?? null),
  ];
}

function sameStamp(row: Row, stamp: FileStamp): boolean {
  return (
    row[1] === stamp.size && row[2] === stamp.mtimeMs && row[3] === stamp.ctimeMs && row[4] === stamp.ino
  );
}

export interface NoteCacheOptions {
  /** The real time now in ms (tests move it); decides what is too recent to store. */
  now?: number;
}

/** The cache of one workspace for one scan: load, look up, remember, save. */
export class NoteCache {
  private readonly entries: Map<string, Row>;
  private changed = false;
  private readonly now: number;

  private constructor(
    readonly file: string,
    entries: Map<string, Row>,
    options: NoteCacheOptions,
  ) {
    this.entries = entries;
    this.now = options.now ?? Date.now();
  }

  /** The workspace's cache; empty when there is none or it cannot be believed. Never throws. */
  static load(ws: Workspace, options: NoteCacheOptions = {}): NoteCache {
    const file = path.join(ws.root, MARKER_DIR, NOTE_CACHE_FILE);
    return new NoteCache(file, readEntries(file), options);
  }

  /** The cached fields of `rel`, only if they were read from exactly this version of the file. */
  lookup(rel: string, stamp: FileStamp): NoteMeta | null {
    const row = this.entries.get(rel);
    if (!row || row.length !== ROW_LENGTH || !sameStamp(row, stamp)) return null;
    return metaOfRow(row);
  }

  /**
   * Stores what was parsed from `rel`. `stamp` must have been taken before the
   * file was read, so a change while reading leaves a stamp that no longer
   * matches. A file changed too recently is not stored (see RECENT_MS).
   */
  remember(rel: string, stamp: FileStamp, meta: NoteMeta): void {
    if (Math.max(stamp.mtimeMs, stamp.ctimeMs) > this.now - RECENT_MS) {
      this.forget(rel);
      return;
    }
    // Only called after a miss, so the row is always new or different.
    this.entries.set(rel, rowOf(rel, stamp, meta));
    this.changed = true;
  }

  forget(rel: string): void {
    if (this.entries.delete(rel)) this.changed = true;
  }

  /**
   * Drops entries of files that are gone: in the scanned conferences, every
   * file not seen; elsewhere, whole conferences whose folder has gone.
   */
  prune(root: string, scannedSlugs: Iterable<string>, seen: Set<string>): void {
    const scanned = new Set(scannedSlugs);
    const folders = new Map<string, boolean>();
    const folderExists = (folder: string) => {
      if (!folders.has(folder)) folders.set(folder, fs.existsSync(path.join(root, folder)));
      return folders.get(folder)!;
    };
    for (const rel of [...this.entries.keys()]) {
      if (seen.has(rel)) continue;
      const slash = rel.indexOf('/');
      const folder = slash > 0 ? rel.slice(0, slash) : null;
      if (folder === null || scanned.has(folder) || !folderExists(folder)) this.forget(rel);
    }
  }

  /** Writes the cache if an entry changed; returns whether it wrote. A failure to write is not an error. */
  save(): boolean {
    if (!this.changed) return false;
    const rows = [...this.entries.keys()].sort().map((rel) => this.entries.get(rel)!);
    const data: CacheFile = { format: NOTE_CACHE_FORMAT, rows };
    try {
      replaceOwnFile(this.file, `${JSON.stringify(data)}\n`);
    } catch {
      // A read-only workspace, a full disk: the notes were read all the same.
      return false;
    }
    this.changed = false;
    return true;
  }
}

function readEntries(file: string): Map<string, Row> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // None yet, or damaged: start afresh.
    return new Map();
  }
  if (!data || typeof data !== 'object' || (data as CacheFile).format !== NOTE_CACHE_FORMAT) return new Map();
  const rows = (data as CacheFile).rows;
  const map = new Map<string, Row>();
  if (!Array.isArray(rows)) return map;
  for (const row of rows) if (Array.isArray(row) && typeof row[0] === 'string') map.set(row[0], row);
  return map;
}
