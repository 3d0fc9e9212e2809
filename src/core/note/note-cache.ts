/**
 * A cache of parsed front matter, so that `list`, `tags` and the like do not
 * parse thousands of notes' YAML on every call. It lives in the workspace at
 * `.confnotes/cache-v1.json`, and it is never trusted over the files:
 * - an entry is used only while the file's size, mtime, ctime and inode are
 *   exactly those it was read with; anything else is read again;
 * - a file changed in the last RECENT_MS before the scan is not stored (a
 *   second change within the file system's timestamp granularity could keep
 *   the same stamp), so it is simply parsed again next time;
 * - a missing, damaged or other-format cache (another schema) is ignored and rebuilt;
 * - it is written (atomically, through safe-write) only when an entry changed,
 *   and a failure to write it never fails the command.
 * Bodies are not cached: a note's body is read from its file when asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { READ_HELPERS } from './field-values.js';
import { NOTE_FIELDS, NOTE_SCHEMA, type FieldSpec, type NoteMeta } from './schema.js';
import { normaliseTag } from '../slug.js';
import { replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import { readInside } from '../workspace/read-inside.js';

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

/**
 * Written into the file: a cache made by a build whose fields or readers
 * differ (another field, tags normalised differently) is ignored. Derived from
 * the schema, so there is no version number to forget to bump.
 */
export const NOTE_CACHE_FORMAT = cacheFormatOf(NOTE_SCHEMA);

/** The format a schema's cache is written in: its field list and a hash of every field's key and code, and of the helpers they call. */
export function cacheFormatOf(schema: readonly FieldSpec[]): string {
  const hash = createHash('sha256');
  for (const spec of schema) hash.update(`${spec.key}|${spec.aliases ?? ''}|${spec.read}|${spec.cached}\n`);
  for (const helper of [...READ_HELPERS, normaliseTag]) hash.update(String(helper));
  return `confnotes note cache ${hash.digest('hex').slice(0, 16)}: ${schema.map((spec) => spec.key).join(',')}`;
}

/** A row: the workspace-relative `/`-separated path, the stamp's four numbers, then the fields in schema order. */
const FIRST_FIELD = 5;
const ROW_LENGTH = FIRST_FIELD + NOTE_SCHEMA.length;

type Row = unknown[];

/** Rows in an array rather than an object keyed by path: JSON.parse builds arrays faster. */
interface CacheFile {
  format: string;
  rows: Row[];
}

/** The fields of a row, or null when the row is not exactly what this build writes. */
function metaOfRow(row: Row): NoteMeta | null {
  const meta: Record<string, unknown> = {};
  const fields = NOTE_SCHEMA as readonly FieldSpec[];
  for (let i = 0; i < fields.length; i++) {
    const value = row[FIRST_FIELD + i];
    if (!fields[i]!.cached(value)) return null;
    meta[fields[i]!.key] = value;
  }
  return meta as NoteMeta;
}

function rowOf(rel: string, stamp: FileStamp, meta: NoteMeta): Row {
  return [rel, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, ...NOTE_FIELDS.map((key) => meta[key])];
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
    return new NoteCache(file, readEntries(ws.root, file), options);
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

/** A cache larger than this is not believed (10,000 notes take about 3 MB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

function readEntries(root: string, file: string): Map<string, Row> {
  let data: unknown;
  try {
    // Only a regular file inside the workspace: a FIFO or a link out is never read (it is rebuilt).
    data = JSON.parse(readInside(root, file, { maxBytes: MAX_CACHE_BYTES }) ?? '');
  } catch {
    // None yet, damaged or not a plain file: start afresh.
    return new Map();
  }
  if (!data || typeof data !== 'object' || (data as CacheFile).format !== NOTE_CACHE_FORMAT) return new Map();
  const rows = (data as CacheFile).rows;
  const map = new Map<string, Row>();
  if (!Array.isArray(rows)) return map;
  for (const row of rows) if (Array.isArray(row) && typeof row[0] === 'string') map.set(row[0], row);
  return map;
}
