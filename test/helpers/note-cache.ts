/** Reading and tampering with the packed note cache in tests (one file per conference). */
import fs from 'node:fs';
import path from 'node:path';
import { NOTE_CACHE_DIR, NOTE_CACHE_FORMAT, noteCacheFileOf } from '../../src/core/note/note-cache.js';
import { decodeCache, encodeCache, type PackedCache } from '../../src/core/note/note-cache-file.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';

/** The cache file of a conference (the test workspace's own is `conf`). */
export const cacheFile = (ws: Workspace, slug = 'conf') => noteCacheFileOf(ws, slug);

export function readCache(ws: Workspace, slug = 'conf'): PackedCache {
  const packed = decodeCache(NOTE_CACHE_FORMAT, fs.readFileSync(cacheFile(ws, slug)));
  if (!packed) throw new Error(`${slug}: not a cache of this build`);
  return packed;
}

export function writeCache(ws: Workspace, packed: PackedCache, slug = 'conf'): void {
  fs.writeFileSync(cacheFile(ws, slug), encodeCache(NOTE_CACHE_FORMAT, packed));
}

/** Every path held by every conference's cache, sorted. */
export function cachedPaths(ws: Workspace): string[] {
  const dir = path.join(ws.root, '.confnotes', NOTE_CACHE_DIR);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.bin'))
    .flatMap((name) => readCache(ws, decodeURIComponent(name.slice(0, -4))).paths)
    .sort();
}

/** Changes one field of a cached row (its stamp untouched): `edit` gets the row's fields in schema order. */
export function editRow(ws: Workspace, rel: string, edit: (fields: unknown[]) => void): void {
  const slug = rel.split('/')[0]!;
  const packed = readCache(ws, slug);
  const i = packed.paths.indexOf(rel);
  if (i < 0) throw new Error(`${rel}: not cached`);
  const fields = JSON.parse(packed.rows[i]!) as unknown[];
  edit(fields);
  packed.rows[i] = JSON.stringify(fields);
  writeCache(ws, packed, slug);
}
