/**
 * The only module that writes into a workspace. Three ways to write, each
 * chosen so that a crash or a second writer can never lose a note:
 * - createExclusive: a new file, never replacing one that exists;
 * - rewrite: the whole file through a temporary file in the same folder,
 *   fsync, then rename (write-file-atomic), under the note's lock;
 * - append: one write with O_APPEND, under the same lock, so it cannot land
 *   in a file that a rewrite is about to replace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type writeFileAtomicModule from 'write-file-atomic';
import { ConfnotesError } from '../errors.js';

// write-file-atomic is loaded on first use, not at start-up: `jot` only appends
// and must not pay for it (see ARCHITECTURE.md, start-up budget).
const load = createRequire(import.meta.url);
let atomicWriter: typeof writeFileAtomicModule | undefined;
function writeFileAtomic(): typeof writeFileAtomicModule {
  atomicWriter ??= load('write-file-atomic') as typeof writeFileAtomicModule;
  return atomicWriter;
}

export class FileExistsError extends ConfnotesError {
  constructor(readonly file: string) {
    super(`${file}: already exists; confnotes never replaces a file`);
  }
}

/** Creates the folder and its parents; an existing folder is fine. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}

/**
 * Writes a new file; throws FileExistsError when the name is taken. The text
 * goes to a hidden temporary file first, which is then hard-linked to the
 * name (link, like open with O_EXCL, fails when the name exists): a process
 * killed half-way leaves no empty or partial note, at most a hidden
 * `.name.tmp-…` file that no listing reads.
 */
export function createExclusive(file: string, text: string): void {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
  );
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
function writeNew(file: string, text: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
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
export function rewrite(file: string, change: (old: string) => string | null): string | null {
  return withLock(file, () => {
    const old = fs.readFileSync(file, 'utf8');
    const next = change(old);
    if (next === null || next === old) return null;
    replaceUnlocked(file, next);
    return next;
  });
}

/** Replaces a file that is the tool's own (state, cache, a trip report), atomically. */
export function replaceOwnFile(file: string, text: string | Buffer): void {
  ensureDir(path.dirname(file));
  writeFileAtomic().sync(file, text, { fsync: true });
}

/** What to do to a file, decided from its current text: add at the end, or replace it whole. */
export type Extension = { append: string } | { replace: string } | null;

/**
 * Reads the file and applies `change`'s decision under one lock: an append is
 * one O_APPEND write that leaves every existing byte alone; a replacement goes
 * through the atomic rewrite. Returns the decision taken.
 */
export function extend(file: string, change: (old: string) => Extension): Extension {
  return withLock(file, () => {
    const old = fs.readFileSync(file, 'utf8');
    const decision = change(old);
    if (decision && 'append' in decision) appendUnlocked(file, decision.append);
    else if (decision && decision.replace !== old) replaceUnlocked(file, decision.replace);
    return decision;
  });
}

/** Temporary file in the same folder, fsync, rename: the file is the old or the new version, never half. */
function replaceUnlocked(file: string, text: string): void {
  const mode = fs.statSync(file).mode & 0o777;
  writeFileAtomic().sync(file, text, { fsync: true, mode });
}

function appendUnlocked(file: string, text: string): void {
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends text in one write, under the file's lock. */
export function append(file: string, text: string): void {
  withLock(file, () => appendUnlocked(file, text));
}

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 30_000;
/** A lock without a process id is one whose writer died between creating it and writing its id (a microsecond window). */
const LOCK_EMPTY_STALE_MS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` while holding `<file>.lock`, created exclusively. A lock whose
 * process is gone (killed mid-write) or that is very old is taken over.
 */
export function withLock<T>(file: string, work: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 1;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ConfnotesError(
          `${file}: another confnotes is still writing it (lock ${lock}); try again, or delete the lock if no confnotes is running`,
        );
      }
      Atomics.wait(pause, 0, 0, delay);
      delay = Math.min(delay * 2, 20);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function lockIsStale(lock: string): boolean {
  try {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    if (Number.isInteger(owner) && owner > 0) {
      try {
        process.kill(owner, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      }
      return Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS;
    }
    return Date.now() - fs.statSync(lock).mtimeMs > LOCK_EMPTY_STALE_MS;
  } catch {
    // The lock vanished (its owner finished) or is being written: not stale, retry.
    return false;
  }
}
