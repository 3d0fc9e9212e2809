/** Reading confnotes' own cache files: only real folders, only regular files, never through a link. */
import fs from 'node:fs';

/** A cache file larger than this is not believed (a conference of 10,000 notes takes about 3 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Whether each folder is a real folder or not there yet: not a link (out of the workspace) nor anything else. */
export function realFolders(...dirs: string[]): boolean {
  try {
    return dirs.every((dir) => fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? true);
  } catch {
    return false;
  }
}

/** One of confnotes' own files, open: its size, reads of a range of its bytes, and close (the caller's to call). */
export interface OwnFile {
  size: number;
  /** Bytes `start` to `end`, into `into` when it is large enough (a scratch buffer), or null when they cannot be read. */
  read(start: number, end: number, into?: Buffer): Buffer | null;
  close(): void;
}

/**
 * One of confnotes' own files, opened, or null: only a regular file, opened
 * without following a link and without blocking (a FIFO); its folders were
 * checked by realFolders.
 */
export function openOwnFile(file: string): OwnFile | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  let size: number;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) throw new Error('not a cache file');
    size = stat.size;
  } catch {
    fs.closeSync(fd);
    return null;
  }
  let open = true;
  return {
    size,
    read(start, end, into) {
      if (!open || start < 0 || end > size || start > end) return null;
      const bytes =
        into && into.length >= end - start ? into.subarray(0, end - start) : Buffer.allocUnsafe(end - start);
      try {
        let length = 0;
        while (length < bytes.length) {
          const n = fs.readSync(fd, bytes, length, bytes.length - length, start + length);
          if (n === 0) break;
          length += n;
        }
        return length === bytes.length ? bytes : null;
      } catch {
        return null;
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        fs.closeSync(fd);
      } catch {
        // Closed already: nothing to do.
      }
    },
  };
}

/** The bytes of one of confnotes' own files (see openOwnFile), or null. */
export function readOwnFile(file: string): Buffer | null {
  const own = openOwnFile(file);
  if (!own) return null;
  try {
    return own.read(0, own.size);
  } finally {
    own.close();
  }
}
