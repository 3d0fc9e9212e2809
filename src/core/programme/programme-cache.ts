/**
 * A cache of parsed programmes, so that `agenda`, `new --from` and `jot` do
 * not parse a 300-talk programme.yml's YAML on every call (JSON.parse of the
 * same data is about a thousand times faster). One file per conference,
 * `.confnotes/programme-cache/cache-<slug>.json`, never trusted over programme.yml:
 * - it is used only while programme.yml's size, mtime, ctime and inode are
 *   exactly those it was parsed with, and only by the build that wrote it
 *   (`format` hashes the reader's code);
 * - a programme.yml changed in the last RECENT_MS is not stored (a second
 *   change within the file system's timestamp granularity could keep the stamp);
 * - a missing, damaged or foreign cache is ignored (and rebuilt); the entries
 *   it holds pass the reader's own check before they are used;
 * - it is written through safe-write, and a failure to write it never fails the command.
 */
import type fs from 'node:fs';
import path from 'node:path';
import { replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import { readInside } from '../workspace/read-inside.js';
import type { Programme } from './programme-model.js';

export const PROGRAMME_CACHE_DIR = 'programme-cache';

/** The note cache's rule (core/note/note-cache.ts): 2 s covers the coarsest common timestamps (FAT). */
const RECENT_MS = 2000;

/** What tells one version of programme.yml from another without reading it. */
export interface ProgrammeStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export const stampOf = (stats: fs.Stats): ProgrammeStamp => ({
  size: stats.size,
  mtimeMs: stats.mtimeMs,
  ctimeMs: stats.ctimeMs,
  ino: stats.ino,
});

interface CacheFile {
  format: string;
  stamp: ProgrammeStamp;
  programme: Programme;
}

/** The cache file of a conference, or null for a slug that is not a plain file name. */
export function programmeCacheFile(ws: Workspace, slug: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(slug)) return null;
  // `cache-*.json`: the workspace's .gitignore (written by init) already keeps such files out of git.
  return path.join(ws.root, MARKER_DIR, PROGRAMME_CACHE_DIR, `cache-${slug}.json`);
}

const sameStamp = (a: ProgrammeStamp, b: ProgrammeStamp) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** A programme larger than this is not cached (programme.yml itself may be up to 256 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The cached programme when the cache was written by `format` for exactly
 * `stamp`; null otherwise (none, damaged, stale, foreign, not a regular file).
 */
export function loadCachedProgramme(
  ws: Workspace,
  file: string,
  stamp: ProgrammeStamp,
  format: string,
): Programme | null {
  let data: unknown;
  try {
    // Only a regular file inside the workspace: a FIFO or a link out is never read (it is rebuilt).
    data = JSON.parse(readInside(ws.root, file, { maxBytes: MAX_CACHE_BYTES }) ?? 'null');
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const cached = data as Partial<CacheFile>;
  if (cached.format !== format || !cached.stamp || !sameStamp(cached.stamp, stamp)) return null;
  const programme = cached.programme;
  if (!programme || typeof programme !== 'object' || !Array.isArray(programme.entries)) return null;
  return programme;
}

/** Stores `programme` as parsed from the version `stamp` of programme.yml; never throws. */
export function saveCachedProgramme(
  file: string,
  stamp: ProgrammeStamp,
  programme: Programme,
  format: string,
  now: number = Date.now(),
): boolean {
  if (Math.max(stamp.mtimeMs, stamp.ctimeMs) > now - RECENT_MS) return false;
  const data: CacheFile = { format, stamp, programme };
  try {
    replaceOwnFile(file, `${JSON.stringify(data)}\n`);
    return true;
  } catch {
    // A read-only workspace, a full disk: the programme was read all the same.
    return false;
  }
}
