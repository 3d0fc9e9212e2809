/**
 * What the workspace's small YAML files gave (each conference.md's front
 * matter, `.confnotes/config.yml`), kept in `.confnotes/notes-cache/files.json`
 * and keyed by each file's size, mtime, ctime and inode as the note cache is:
 * the room commands read their conference and the config on every start, and
 * parsing the YAML and checking the zone cost 4-6 ms of each.
 *
 * Trusted as the note cache is: only a regular file in real folders of the
 * workspace is kept (anything else is read each time, through readInside's
 * checks); one changed in the last RECENT_MS is read but not kept; only what
 * read without a problem is kept, so a broken file is reported every time;
 * each entry names the code that read it, the file the build and the ICU and
 * tz data (which judged the zones). A damaged or foreign file is ignored; a
 * failure to write is not an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildStamp, codeFingerprint } from '../fingerprint.js';
import { RECENT_MS } from '../note/note-cache-format.js';
import { readOwnFile, realFolders } from '../note/own-files.js';
import { replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from './workspace.js';

export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** An entry: the stamp, the fingerprint of the reader's code, and what it gave. */
type Entry = [...FileStamp, string, unknown];

interface CacheFile {
  format: string;
  files: Record<string, Entry>;
}

export const PARSED_FILE_CACHE = path.join('notes-cache', 'files.json');

/**
 * The stamp of `parts` under the workspace when every folder on the way is a
 * real folder and the file a regular file (no link anywhere), else null.
 */
export function regularFileStamp(ws: Workspace, ...parts: string[]): FileStamp | null {
  try {
    let dir = ws.root;
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      if (!fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const stats = fs.lstatSync(path.join(dir, parts.at(-1)!), { throwIfNoEntry: false });
    return stats?.isFile() ? [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino] : null;
  } catch {
    return null;
  }
}

let format: string | undefined;
const fileFormat = () => {
  format ??= `confnotes parsed files 1 ${buildStamp()} icu ${process.versions.icu ?? '-'} tz ${process.versions.tz ?? '-'}`;
  return format;
};

const readerPrints = new Map<unknown, string>();
const readerPrint = (reader: (...args: never[]) => unknown) => {
  let print = readerPrints.get(reader);
  if (print === undefined) {
    print = codeFingerprint(() => [String(reader)]);
    readerPrints.set(reader, print);
  }
  return print;
};

const cachePath = (ws: Workspace) => path.join(ws.root, MARKER_DIR, PARSED_FILE_CACHE);
const foldersOk = (ws: Workspace) => realFolders(path.join(ws.root, MARKER_DIR), path.dirname(cachePath(ws)));

/**
 * The kept entries, read once per Workspace object (one per command): a listing
 * asks for every conference.md it has no zone for, and reading and parsing
 * the whole file for each was quadratic in the conferences (236 in the bench's
 * corpus). Kept entries written by this command update the same object.
 */
const loaded = new WeakMap<Workspace, Record<string, Entry>>();
/** The workspaces with entries kept by this command and not yet written. */
const unwritten = new Set<Workspace>();

function load(ws: Workspace): Record<string, Entry> {
  let files = loaded.get(ws);
  if (!files) {
    files = readCacheFile(ws);
    loaded.set(ws, files);
  }
  return files;
}

function readCacheFile(ws: Workspace): Record<string, Entry> {
  const files = Object.create(null) as Record<string, Entry>;
  const bytes = foldersOk(ws) ? readOwnFile(cachePath(ws)) : null;
  try {
    const parsed = bytes ? (JSON.parse(bytes.toString('utf8')) as CacheFile) : null;
    if (parsed?.format === fileFormat() && typeof parsed.files === 'object' && parsed.files)
      for (const [key, entry] of Object.entries(parsed.files))
        if (Array.isArray(entry) && entry.length === 6 && entry.slice(0, 4).every(Number.isFinite))
          files[key] = entry as Entry;
  } catch {
    // Damaged: every file is read again, and the cache rewritten.
  }
  return files;
}

/**
 * What `reader` gave for `key` (the file's workspace-relative path, `/`
 * between its parts) at exactly this stamp, when `isValue` accepts
 * it (the cache is a file anyone could have edited), else null.
 */
export function keptParse<T>(
  ws: Workspace,
  key: string,
  stamp: FileStamp,
  reader: (...args: never[]) => unknown,
  isValue: (value: unknown) => value is T,
): T | null {
  const files = load(ws);
  const entry = Object.hasOwn(files, key) ? files[key] : undefined;
  if (!entry || !stamp.every((n, i) => n === entry[i]) || entry[4] !== readerPrint(reader)) return null;
  return isValue(entry[5]) ? entry[5] : null;
}

/**
 * Keeps what `reader` gave for `key` (the file's workspace-relative path) at
 * `stamp` (taken before the file was read), unless the file changed too
 * recently. The cache is written once the command's synchronous work is
 * done, without the entries of files gone.
 */
export function keepParse(
  ws: Workspace,
  key: string,
  stamp: FileStamp,
  reader: (...args: never[]) => unknown,
  value: unknown,
  now = Date.now(),
): void {
  if (Math.max(stamp[1], stamp[2]) > now - RECENT_MS) return;
  load(ws)[key] = [...stamp, readerPrint(reader), value];
  if (unwritten.has(ws)) return;
  unwritten.add(ws);
  // Written once the command's synchronous work is done (as conference-zones.ts saves), not once per
  // file kept: a first listing keeps every conference.md, and a write each was quadratic in them.
  queueMicrotask(() => {
    unwritten.delete(ws);
    write(ws);
  });
}

/** Writes the entries kept, without those of files gone. */
function write(ws: Workspace): void {
  if (!foldersOk(ws)) return;
  const files = load(ws);
  for (const key of Object.keys(files)) if (!fs.existsSync(path.join(ws.root, key))) delete files[key];
  const body: CacheFile = { format: fileFormat(), files };
  try {
    replaceOwnFile(cachePath(ws), `${JSON.stringify(body)}\n`, { fsync: false });
  } catch {
    // A read-only workspace: the file was read all the same.
  }
}
