/**
 * The one way confnotes reads its own files (templates, conference.md, state,
 * config): only a regular file, only inside the workspace, only up to a size.
 * A link out of the workspace (to a secret), a FIFO (blocks for ever) or a
 * device (/dev/zero never ends) is refused by name, never opened for reading
 * data. Plain fs and path only: the quick lane (`jot`) reads the state with it.
 * The checks are the store's for notes (lstat, realpath containment, isFile,
 * size), done once more on the open descriptor so a swap in between is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { MAX_NOTE_BYTES } from '../note/note-size.js';

export interface ReadInsideOptions {
  /** How the file is named in messages (default: the path as given). */
  shown?: string;
  /** Larger files are refused (default: the note limit, 5 MB). */
  maxBytes?: number;
}

/** A file confnotes will not read: the message names it and says why. */
export class UnsafeFileError extends ConfnotesError {
  constructor(shown: string, reason: string) {
    super(`${shown}: ${reason}; not read`, 1);
    this.name = 'UnsafeFileError';
  }
}

const isInside = (root: string, target: string) => target === root || target.startsWith(root + path.sep);

const realRoots = new Map<string, string>();

/**
 * The workspace root's real path, resolved once per process (a jot reads
 * three files under it). Should the root be swapped for a link meanwhile,
 * files then resolve elsewhere and are refused: the stale answer fails closed.
 */
export function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = fs.realpathSync.native(root);
    } catch {
      return path.resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

/** What a file is, in words, when it is not a regular file. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  return 'not a regular file';
}

/**
 * The text of `file` when it is a regular file inside `root` (a symbolic link
 * is followed only to a regular file inside `root`); `null` when there is no
 * such file. With `root` null (a path the user typed), the file may be
 * anywhere, but it must still be a regular file.
 */
export function readInside(
  root: string | null,
  file: string,
  options: ReadInsideOptions = {},
): string | null {
  const shown = options.shown ?? file;
  const maxBytes = options.maxBytes ?? MAX_NOTE_BYTES;
  let target: string;
  try {
    fs.lstatSync(file);
    target = fs.realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A link to nothing is not "no file": say so rather than act as if it were absent.
      if (isLink(file)) throw new UnsafeFileError(shown, 'symbolic link to nothing');
      return null;
    }
    if (code === 'ELOOP') throw new UnsafeFileError(shown, 'symbolic link loop');
    throw new UnsafeFileError(
      shown,
      `cannot read: ${code === 'EACCES' ? 'permission denied' : (code ?? error)}`,
    );
  }
  if (root !== null && !isInside(realRoot(root), target))
    throw new UnsafeFileError(shown, `leads to ${target}, outside the workspace`);
  const before = fs.statSync(target);
  if (!before.isFile()) throw new UnsafeFileError(shown, kindOf(before));
  if (before.size > maxBytes) throw new UnsafeFileError(shown, tooLarge(before.size, maxBytes));
  // O_NONBLOCK: should a FIFO take the file's place after the check, opening it does not hang.
  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnsafeFileError(
      shown,
      `cannot read: ${code === 'EACCES' ? 'permission denied' : (code ?? error)}`,
    );
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new UnsafeFileError(shown, kindOf(stat));
    if (stat.ino !== before.ino || stat.dev !== before.dev)
      throw new UnsafeFileError(shown, 'replaced while being read');
    // Read at most one byte past the cap, so a file that grows is still bounded.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new UnsafeFileError(shown, 'grew past the size limit while being read');
    if (length > stat.size) throw new UnsafeFileError(shown, 'changed while being read');
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function tooLarge(size: number, maxBytes: number): string {
  const mb = (bytes: number) =>
    bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return `${mb(size)} is too large (limit ${mb(maxBytes)})`;
}
