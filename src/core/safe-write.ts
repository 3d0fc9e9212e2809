/**
 * The only module that writes into a workspace. Three ways to write, each
 * chosen so that a crash or a second writer can never lose a note:
 * - createExclusive: a new file, never replacing one that exists;
 * - rewrite: the whole file through a temporary file in the same folder,
 *   fsync, then rename, under the note's lock (fs/lock.ts), refused when the
 *   note changed since it was read (an editor's save);
 * - append: one write with O_APPEND, under the same lock, so it cannot land
 *   in a file that a rewrite is about to replace.
 * Notes are written only inside their workspace, through no link (fs/contained.ts),
 * and a full disk or a forbidden folder is one line naming the file (errors.ts fromErrno).
 */
import fs from 'node:fs';
import path from 'node:path';
import type writeFileAtomicModule from 'write-file-atomic';
import { ConfnotesError, fromErrno } from '../errors.js';
import { writablePath } from './fs/contained.js';
import { type LockOptions, withLock } from './fs/lock.js';

export { withLock } from './fs/lock.js';
export type { LockOptions } from './fs/lock.js';

// write-file-atomic is loaded on first use, not at start-up: `jot` only appends
// and must not pay for it (see ARCHITECTURE.md, start-up budget). A require() of
// the name itself, so that the build bundles it (with the V8 code cache of the
// file it lands in) and runs it only here; see scripts/build.mjs for its hash.
let atomicWriter: typeof writeFileAtomicModule | undefined;
function writeFileAtomic(): typeof writeFileAtomicModule {
  atomicWriter ??= require('write-file-atomic') as typeof writeFileAtomicModule;
  return atomicWriter;
}

/**
 * Runs `fn`, whose replaceOwnFile calls then share one exit handler.
 * write-file-atomic registers signal-exit's handlers for each file and drops
 * them after it (signal-exit then stops listening to ~15 signals, and starts
 * again for the next file): for the 236 cache files of a cold listing that
 * was ~50 ms of signal set-up. One listener held for the batch, on the
 * process-wide emitter that every copy of signal-exit shares, keeps them set.
 */
export function inOneBatch<T>(fn: () => T): T {
  let release = () => {};
  try {
    release = (require('signal-exit') as typeof import('signal-exit')).onExit(() => {});
  } catch {
    // Only a saving: each write then sets its own handlers up, as without the batch.
  }
  try {
    return fn();
  } finally {
    release();
  }
}

export class FileExistsError extends ConfnotesError {
  constructor(readonly file: string) {
    super(`${file}: already exists; confnotes never replaces a file`);
  }
}

/** Creates the folder and its parents; an existing folder is fine. */
export function ensureDir(dir: string): void {
  userErrors(dir, () => fs.mkdirSync(dir, { recursive: true }));
}

/**
 * Writes a new file; throws FileExistsError when the name is taken. The text
 * goes to a hidden temporary file first, which is then hard-linked to the
 * name (link, like open with O_EXCL, fails when the name exists): a process
 * killed half-way leaves no empty or partial note, at most a hidden
 * `.name.tmp-…` file that no listing reads.
 */
export function createExclusive(file: string, text: string): void {
  userErrors(file, () => createUnchecked(file, text));
}

function createUnchecked(file: string, text: string): void {
  const temp = tempName(file);
  try {
    writeNew(temp, text);
  } catch {
    // The folder refuses hidden files or the like: the plain exclusive create still never replaces.
    writeNew(file, text);
    return;
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(file);
    if (
      code !== 'EPERM' &&
      code !== 'ENOTSUP' &&
      code !== 'EOPNOTSUPP' &&
      code !== 'ENOSYS' &&
      code !== 'EMLINK'
    )
      throw error;
    // A file system without hard links: the plain exclusive create.
    writeNew(file, text);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** open with O_EXCL, one write, fsync; our own half-written file is removed on failure. */
function writeNew(file: string, text: string, mode = 0o644): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
    throw error;
  }
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    // Only our own half-written file is removed, never someone else's.
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed above
    }
  }
}

/**
 * Replaces a file's content with `change(old)`, atomically, under the file's
 * lock. `change` returns null to leave the file alone. Returns the new text.
 */
export function rewrite(
  file: string,
  change: (old: string) => string | null,
  options?: LockOptions,
): string | null {
  return userErrors(file, () => {
    const target = writablePath(file);
    return withLock(
      target,
      () => {
        const { text: old, stat } = readNote(file, target);
        const next = change(old);
        if (next === null || next === old) return null;
        replaceChecked(file, target, next, stat);
        return next;
      },
      options,
    );
  });
}

/**
 * Replaces a file that is the tool's own (state, cache, a trip report), atomically.
 * `fsync: false` for a cache checked on every read (losing it costs a rebuild,
 * and a scan writes one per conference: an fsync each was most of a cold listing).
 */
export function replaceOwnFile(file: string, text: string | Buffer, options: { fsync?: boolean } = {}): void {
  userErrors(file, () => {
    ensureDir(path.dirname(file));
    // Inside a workspace, never through a link out of it (write-file-atomic itself follows links).
    writeFileAtomic().sync(writablePath(file), text, { fsync: options.fsync ?? true });
  });
}

/** What to do to a file, decided from its current text: add at the end, or replace it whole. */
export type Extension = { append: string } | { replace: string } | null;

/**
 * Reads the file and applies `change`'s decision under one lock: an append is
 * one O_APPEND write that leaves every existing byte alone; a replacement goes
 * through the atomic rewrite. Returns the decision taken.
 */
export function extend(file: string, change: (old: string) => Extension, options?: LockOptions): Extension {
  return userErrors(file, () => {
    const target = writablePath(file);
    return withLock(
      target,
      () => {
        // Read and append through one descriptor, so the line lands in the very file read.
        const fd = openNote(file, target, fs.constants.O_RDWR | fs.constants.O_APPEND);
        try {
          const stat = fs.fstatSync(fd, { bigint: true });
          const old = fs.readFileSync(fd, 'utf8');
          const decision = change(old);
          if (decision && 'append' in decision) appendAll(fd, decision.append, stat.size);
          else if (decision && decision.replace !== old) replaceChecked(file, target, decision.replace, stat);
          return decision;
        } finally {
          fs.closeSync(fd);
        }
      },
      options,
    );
  });
}

/** Appends text in one write, under the file's lock. */
export function append(file: string, text: string, options?: LockOptions): void {
  extend(file, () => ({ append: text }), options);
}

/** A file-system error the user can fix becomes one line naming the file (errors.ts maps the codes). */
function userErrors<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw fromErrno(error, file);
  }
}

/** Opens the note itself, never a link (O_NOFOLLOW) nor a FIFO or device (O_NONBLOCK, then fstat). */
function openNote(file: string, target: string, flags: number): number {
  let fd: number;
  try {
    fd = fs.openSync(target, flags | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new ConfnotesError(
        `${file}: became a symbolic link while confnotes was writing it; nothing was changed`,
      );
    throw error;
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw new ConfnotesError(`${file}: not a regular file; nothing was changed`);
  }
  return fd;
}

function readNote(file: string, target: string): { text: string; stat: fs.BigIntStats } {
  const fd = openNote(file, target, fs.constants.O_RDONLY);
  try {
    return { stat: fs.fstatSync(fd, { bigint: true }), text: fs.readFileSync(fd, 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes all of `text` at the end; on failure (a full disk) cuts the file back to its old length. */
function appendAll(fd: number, text: string, oldSize: bigint): void {
  const bytes = Buffer.from(text);
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
    fs.fsyncSync(fd);
  } catch (error) {
    try {
      fs.ftruncateSync(fd, Number(oldSize));
    } catch {
      // the error below says what happened
    }
    throw error;
  }
}

/**
 * Temporary file beside the note, fsync, rename: the note is the old or the
 * new version, never half. Just before the rename, the note must still be the
 * file that was read (same inode, size and mtime): an editor that saved it
 * meanwhile wins, and the command fails instead of silently undoing the save.
 */
function replaceChecked(file: string, target: string, text: string, seen: fs.BigIntStats): void {
  const temp = tempName(target);
  try {
    writeNew(temp, text, Number(seen.mode & 0o777n));
    let now: fs.BigIntStats | undefined;
    try {
      now = fs.lstatSync(target, { bigint: true });
    } catch {
      now = undefined;
    }
    if (
      !now?.isFile() ||
      now.ino !== seen.ino ||
      now.dev !== seen.dev ||
      now.size !== seen.size ||
      now.mtimeNs !== seen.mtimeNs
    )
      throw new ConfnotesError(
        `${file}: changed while confnotes was writing it (saved in an editor?); that version is kept and nothing was changed; run the command again`,
      );
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function tempName(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
  );
}
