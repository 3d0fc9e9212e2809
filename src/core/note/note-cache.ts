/**
 * A cache of parsed front matter, so that `list`, `tags` and the like do not
 * parse thousands of notes' YAML on every call. One file per conference,
 * `.confnotes/notes-cache/<slug>.bin` (packed: note-cache-file.ts), so a
 * command about one conference reads only that conference's cache. It is
 * never trusted over the files:
 * - an entry is used only while the file's size, mtime, ctime and inode are
 *   exactly those it was read with (every note served is stat'ed: an in-place
 *   edit of the same size with its mtime put back still changes its ctime);
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
import type { NoteMeta } from './schema.js';
import { isTextList } from './field-values.js';
import { inOneBatch, replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import {
  cacheLayout,
  decodeSections,
  encodeCache,
  type PackedCache,
  rowOfPacked,
} from './note-cache-file.js';
import { ConferenceCache } from './note-cache-conference.js';
import { metaOfRow, NOTE_CACHE_FORMAT, RECENT_MS, rowOf, type FileStamp } from './note-cache-format.js';
import { openOwnFile, type OwnFile, realFolders } from './own-files.js';

export * from './note-cache-format.js';
export { readOwnFile, realFolders } from './own-files.js';

/** The folder of the per-conference cache files, inside `.confnotes/`. */
export const NOTE_CACHE_DIR = 'notes-cache';

/** The cache file of one conference. */
export function noteCacheFileOf(ws: Workspace, slug: string): string {
  return path.join(ws.root, MARKER_DIR, NOTE_CACHE_DIR, `${encodeURIComponent(slug) || '_'}.bin`);
}

/** A cache hit: the tags at once (listings filter on them), the other fields when asked for. */
export interface CachedEntry {
  tags: string[];
  /** The row's JSON; metaOfRow reads it (null: damaged, read the file instead). */
  row: string;
}

/** A hit's row is decoded only when read: a listing reads it only for the notes it keeps. */
class Hit implements CachedEntry {
  constructor(
    readonly tags: string[],
    private readonly packed: PackedCache,
    private readonly at: number,
  ) {}

  get row(): string {
    return rowOfPacked(this.packed, this.at);
  }
}

export interface NoteCacheOptions {
  /** The real time now in ms (tests move it); decides what is too recent to store. */
  now?: number;
}

const EMPTY: PackedCache = { paths: [], stamps: new Float64Array(0), tags: [], rows: [] };
const EMPTY_BYTES = encodeCache(NOTE_CACHE_FORMAT, EMPTY).length;

/** The cache of one workspace for one scan: each conference's file loaded when first looked at. */
export class NoteCache {
  private readonly conferences = new Map<string, ConferenceCache>();
  private readonly now: number;
  /** Whether `.confnotes` and its cache folder are real folders (looked at once per scan). */
  private folderOk: boolean | null = null;

  private constructor(
    private readonly ws: Workspace,
    options: NoteCacheOptions,
  ) {
    this.now = options.now ?? Date.now();
  }

  /** The workspace's cache; empty where there is none or it cannot be believed. Never throws. */
  static load(ws: Workspace, options: NoteCacheOptions = {}): NoteCache {
    return new NoteCache(ws, options);
  }

  /** The conference asked for last, and its slug: a scan asks for one conference's files in a row. */
  private last: { slug: string; conf: ConferenceCache } | null = null;

  private conference(rel: string): ConferenceCache | null {
    const slash = rel.indexOf('/');
    if (slash <= 0 || rel.startsWith('../')) return null;
    const { last } = this;
    // The same conference as the last path: no slug cut out of this one to look up.
    if (last && slash === last.slug.length && rel.startsWith(last.slug)) return last.conf;
    const slug = rel.slice(0, slash);
    let conf = this.conferences.get(slug);
    if (!conf) {
      const file = noteCacheFileOf(this.ws, slug);
      this.folderOk ??= realFolders(path.join(this.ws.root, MARKER_DIR), path.dirname(file));
      const loaded = this.folderOk ? openPacked(file) : null;
      conf = new ConferenceCache(file, loaded?.packed ?? EMPTY, loaded?.own);
      this.conferences.set(slug, conf);
    }
    this.last = { slug, conf };
    return conf;
  }

  /** The cached entry of `rel`, only if it was read from exactly this version of the file. */
  entry(rel: string, stamp: FileStamp): CachedEntry | null {
    const conf = this.conference(rel);
    const i = conf?.rowOf(rel);
    if (conf === null || i === undefined || conf.gone.has(rel) || conf.fresh.has(rel)) return null;
    const { stamps, tags } = conf.packed;
    const at = i * 4;
    if (
      stamps[at] !== stamp.size ||
      stamps[at + 1] !== stamp.mtimeMs ||
      stamps[at + 2] !== stamp.ctimeMs ||
      stamps[at + 3] !== stamp.ino
    )
      return null;
    const own = tags[i];
    return isTextList(own) ? new Hit(own, conf.packed, i) : null;
  }

  /** The cached fields of `rel`, only if they were read from exactly this version of the file. */
  lookup(rel: string, stamp: FileStamp): NoteMeta | null {
    const hit = this.entry(rel, stamp);
    const meta = hit ? metaOfRow(hit.row) : null;
    return meta && sameTags(meta.tags, hit!.tags) ? meta : null;
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
    const conf = this.conference(rel);
    if (!conf) return;
    conf.fresh.set(rel, { stamp, tags: meta.tags, row: rowOf(meta) });
    conf.changed = true;
  }

  forget(rel: string): void {
    const conf = this.conference(rel);
    if (!conf) return;
    if (conf.fresh.delete(rel)) conf.changed = true;
    if (conf.rowOf(rel) !== undefined && !conf.gone.has(rel)) {
      conf.gone.add(rel);
      conf.changed = true;
    }
  }

  /**
   * The scan has asked for every file of `slug`: its rows never asked for
   * (deleted, renamed) are dropped now, and when nothing of it changed (so
   * there is nothing to write) its rows are let go. Asked again, it has none.
   */
  release(slug: string): void {
    const conf = this.conferences.get(slug);
    if (!conf || conf.released) return;
    const { paths } = conf.packed;
    for (let i = 0; i < paths.length; i++) if (conf.asked[i] === 0) this.forget(paths[i]!);
    if (!conf.changed) conf.letGo(EMPTY);
    else conf.closeFile();
  }

  /** Closes every cache file still open (save, and a scan that stopped half-way). */
  close(): void {
    for (const conf of this.conferences.values()) conf.closeFile();
  }

  /**
   * Drops the entries of the scanned conferences' files that were not seen
   * (deleted, renamed): those not in `seen`, or without it, those whose entry
   * this scan never asked for (a scan asks for every file it found).
   */
  prune(scannedSlugs: Iterable<string>, seen?: Set<string>): void {
    for (const slug of scannedSlugs) {
      const conf = this.conference(`${slug}/`);
      if (!conf || conf.released) continue;
      const { paths } = conf.packed;
      for (let i = 0; i < paths.length; i++) {
        if (seen ? !seen.has(paths[i]!) : conf.asked[i] === 0) this.forget(paths[i]!);
      }
    }
  }

  /** Writes each conference's cache whose entries changed; returns how many it wrote. A failure to write is not an error. */
  save(): number {
    let written = 0;
    // A cache folder that is a link (out of the workspace) is neither read nor written.
    if (this.folderOk === false) return 0;
    this.close();
    this.emptyGone();
    const changed = [...this.conferences.values()].filter((conf) => conf.changed);
    if (changed.length === 0) return 0;
    inOneBatch(() => {
      for (const conf of changed) {
        try {
          replaceOwnFile(conf.file, encodeCache(NOTE_CACHE_FORMAT, conf.pack()), { fsync: false });
          written++;
        } catch {
          // A read-only workspace, a full disk: the notes were read all the same.
        }
        conf.changed = false;
      }
    });
    return written;
  }

  /**
   * Empties the cache of every conference whose folder has gone (only safe-write
   * may remove a file; an empty cache is a few bytes): a readdir of the cache
   * folder per scan, and of the workspace (not a stat per conference) when a
   * cache is not of this scan's.
   */
  private emptyGone(): void {
    const dir = path.join(this.ws.root, MARKER_DIR, NOTE_CACHE_DIR);
    let names: string[];
    try {
      // Not in git: the cache is this machine's (stamps hold inodes).
      const changed = [...this.conferences.values()].some((conf) => conf.changed);
      if (changed && !fs.existsSync(path.join(dir, '.gitignore')))
        replaceOwnFile(path.join(dir, '.gitignore'), '*\n');
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    let folders: ReadonlySet<string> | null | undefined;
    for (const name of names) {
      if (!name.endsWith('.bin')) continue;
      let slug: string;
      try {
        slug = decodeURIComponent(name.slice(0, -4));
      } catch {
        continue;
      }
      if (this.conferences.has(slug)) continue;
      folders ??= workspaceNames(this.ws.root);
      if (!folders || folders.has(slug)) continue;
      if (fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.size === EMPTY_BYTES) continue;
      const conf = new ConferenceCache(path.join(dir, name), EMPTY);
      conf.changed = true;
      this.conferences.set(slug, conf);
    }
  }
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** The names in the workspace's top folder, or null when it cannot be listed (then nothing is taken for gone). */
function workspaceNames(root: string): ReadonlySet<string> | null {
  try {
    return new Set(fs.readdirSync(root));
  } catch {
    return null;
  }
}

/** How much of a cache file is read at first: the header line, and most conferences' sections up to the rows. */
const HEAD_BYTES = 16 * 1024;
/** Where a cache file's header and its sections up to the rows are read: one buffer for every conference. */
let scratch = Buffer.allocUnsafe(4 * HEAD_BYTES);

/**
 * A conference's cache file, open, decoded up to its rows; its rows are read
 * (through the same descriptor, so from the same file) only when one is asked
 * for. The caller closes `own` when the scan is done with the conference.
 */
function openPacked(file: string): { packed: PackedCache; own: OwnFile } | null {
  const own = openOwnFile(file);
  if (!own) return null;
  // One read holds the header and, for most conferences, every section up to the rows.
  const head = own.read(0, Math.min(own.size, HEAD_BYTES), scratch);
  const layout = head && cacheLayout(NOTE_CACHE_FORMAT, head, own.size);
  if (layout && scratch.length < layout.rowsStart) scratch = Buffer.allocUnsafe(layout.rowsStart * 2);
  const upToRows =
    layout && (layout.rowsStart <= head.length ? head : own.read(0, layout.rowsStart, scratch));
  const packed =
    layout && upToRows && decodeSections(upToRows, layout, () => own.read(layout.rowsStart, own.size));
  if (packed) return { packed, own };
  own.close();
  return null;
}
