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

/**
 * The bytes of one of confnotes' own files, or null: only a regular file,
 * opened without following a link and without blocking (a FIFO); its folders
 * were checked by realFolders.
 */
export function readOwnFile(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return null;
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const n = fs.readSync(fd, bytes, length, bytes.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return length === bytes.length ? bytes : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
