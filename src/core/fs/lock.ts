/**
 * The write lock beside a file, `<file>.lock`, holding its writer's process id.
 *
 * - Taken by hard-linking a finished temporary file to the lock's name: link
 *   fails when the name exists, and the lock is never seen empty.
 * - A lock is stale only when its writer cannot be running: its process is
 *   gone, it dates from before the machine started, or it is empty (left by
 *   a writer without hard links) and older than a second. A live writer's
 *   lock is never taken: a second writer waits, then fails with a message.
 * - A stale lock is taken over exactly once: the taker first hard-links it to
 *   a name made of its identity (inode, mtime), which only one process can
 *   create, checks that the name points at the very lock it judged stale, and
 *   only then removes it. Nothing else removes another writer's lock, so the
 *   check cannot be outrun. (proper-lockfile judges staleness by an mtime
 *   refreshed from a timer, which a synchronous writer cannot keep, and its
 *   synchronous API cannot wait; hence this.)
 */
import fs from 'node:fs';
import os from 'node:os';
import { ConfnotesError } from '../../errors.js';

export interface LockOptions {
  /** How long a second writer waits for a live lock before giving up. */
  waitMs?: number;
}

// Long enough for dozens of writers on a busy machine; a writer holds the lock for milliseconds.
const LOCK_WAIT_MS = 10_000;
/** An empty lock comes from a writer between creating it and writing its id (a microsecond window). */
const LOCK_EMPTY_STALE_MS = 1000;
/** A takeover name lives for microseconds; one older than this was left by a killed taker. */
const CLAIM_ABANDONED_MS = 2000;
/** File systems without hard links: fall back to open with O_EXCL. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `work` while holding `<file>.lock`. */
export function withLock<T>(file: string, work: () => T, options: LockOptions = {}): T {
  const lock = `${file}.lock`;
  take(file, lock, options.waitMs ?? LOCK_WAIT_MS);
  try {
    return work();
  } finally {
    // Ours: no one takes over a live writer's lock.
    removeIfThere(lock);
  }
}

/** rmSync's `force` for one file, without loading the recursive remover rmSync brings (~0.3 ms of a jot). */
function removeIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function take(file: string, lock: string, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  let delay = 1;
  for (;;) {
    if (create(lock)) return;
    const seen = staleLock(lock);
    if (seen === 'gone' || (seen && takeOver(lock, seen))) continue;
    if (Date.now() >= deadline) {
      const owner = readOwner(lock);
      throw new ConfnotesError(
        `${file}: another confnotes${owner ? ` (process ${owner})` : ''} is still writing it (lock ${lock}); try again, or delete the lock if no confnotes is running`,
      );
    }
    Atomics.wait(pause, 0, 0, delay);
    delay = Math.min(delay * 2, 20);
  }
}

/** True when the lock is now ours; false when another writer holds it. */
function create(lock: string): boolean {
  const temp = `${lock}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      fs.writeSync(fd, String(process.pid));
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(temp, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!code || !NO_LINKS.has(code)) throw error;
  } finally {
    removeIfThere(temp);
  }
  try {
    const fd = fs.openSync(lock, 'wx', 0o644);
    try {
      fs.writeSync(fd, String(process.pid));
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

interface LockIdentity {
  ino: bigint;
  mtimeNs: bigint;
  text: string;
}

/** What makes this lock file this one, and not a later lock under the same name. */
function identify(file: string): LockIdentity | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return null;
    const buffer = Buffer.alloc(32);
    const size = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return { ino: stat.ino, mtimeNs: stat.mtimeNs, text: buffer.toString('utf8', 0, size) };
  } finally {
    fs.closeSync(fd);
  }
}

function readOwner(lock: string): number | undefined {
  const text = identify(lock)?.text.trim() ?? '';
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

/** The lock's identity when its writer cannot be running; 'gone' when it vanished; null when it must be respected. */
export function staleLock(lock: string): LockIdentity | 'gone' | null {
  const seen = identify(lock);
  if (!seen) return fs.existsSync(lock) ? null : 'gone';
  const age = Date.now() - Number(seen.mtimeNs / 1_000_000n);
  // Older than the machine's uptime: its writer ran before the last start, whatever its id says.
  if (age > os.uptime() * 1000 + 60_000) return seen;
  const text = seen.text.trim();
  if (/^\d{1,10}$/.test(text) && Number(text) > 0) return processIsGone(Number(text)) ? seen : null;
  return age > LOCK_EMPTY_STALE_MS ? seen : null;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the stale lock `seen`, unless another process took it over first.
 * True when the name is free to try again.
 */
function takeOver(lock: string, seen: LockIdentity): boolean {
  const claim = `${lock}.stale-${seen.ino}-${seen.mtimeNs}`;
  try {
    fs.linkSync(lock, claim);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'EEXIST') {
      removeAbandonedClaim(claim);
      return false;
    }
    if (!code || !NO_LINKS.has(code)) throw error;
    // No hard links: check once more and remove; without link there is no atomic test.
    const again = identify(lock);
    if (again && sameLock(again, seen)) fs.rmSync(lock, { force: true });
    return true;
  }
  try {
    const claimed = identify(claim);
    // The name held a newer lock by the time we linked it: that one is alive, leave it.
    if (!claimed || !sameLock(claimed, seen)) return false;
    fs.rmSync(lock, { force: true });
    return true;
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

function sameLock(a: LockIdentity, b: LockIdentity): boolean {
  return a.ino === b.ino && a.mtimeNs === b.mtimeNs && a.text === b.text;
}

/** A claim whose taker was killed between linking and cleaning up would block the takeover for ever. */
function removeAbandonedClaim(claim: string): void {
  try {
    // ctime is the moment the claim was linked.
    if (Date.now() - fs.lstatSync(claim).ctimeMs > CLAIM_ABANDONED_MS) fs.rmSync(claim, { force: true });
  } catch {
    // gone already
  }
}
