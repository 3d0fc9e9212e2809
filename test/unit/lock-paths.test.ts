/**
 * The lock's wait and staleness rules, step by step, in a fake world
 * (lock-world.ts): the back-off and the deadline, each staleness boundary, the
 * lock around the work, no descriptor left open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { staleLock, withLock } from '../../src/core/fs/lock.js';
import { ConfnotesError } from '../../src/errors.js';
import { descriptorsIn } from '../helpers/descriptors.js';
import { failure, fakeWorld, lockFile, lockMessage, removeScratch, scratch, UPTIME_S } from './lock-world.js';

afterAll(removeScratch);
afterEach(() => {
  vi.restoreAllMocks();
});

describe('waiting for a live writer', () => {
  it('retries after 1, 2, 4, 8, 16 ms, then every 20 ms, and gives up exactly at the deadline', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    const clock = fakeWorld(at + 10);
    let ran = false;
    // 1 + 2 + 4 + 8 + 16 + 14 × 20 = 311: the deadline is reached by the last pause, not passed.
    const error = failure(() =>
      withLock(
        file,
        () => {
          ran = true;
        },
        { waitMs: 311 },
      ),
    );
    expect(error).toBeInstanceOf(ConfnotesError);
    expect(error.message).toBe(lockMessage(file, lock, 4242));
    expect(clock.pauses).toEqual([1, 2, 4, 8, 16, ...Array(14).fill(20)]);
    expect(ran).toBe(false);
    expect(fs.readFileSync(lock, 'utf8')).toBe('4242');
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['a.md', 'a.md.lock']);
  });

  it('waits ten seconds when no wait is given', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    const clock = fakeWorld(at + 10);
    expect(failure(() => withLock(file, () => 'in')).message).toBe(lockMessage(file, lock, 4242));
    const waited = clock.pauses.reduce((sum, ms) => sum + ms, 0);
    expect(waited).toBeGreaterThanOrEqual(10_000);
    expect(waited).toBeLessThan(10_020);
  });

  it('gives up at once with no wait, and names the owner only when the lock holds a process id', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, ' 4242\n');
    const clock = fakeWorld(at + 10);
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4242),
    );
    expect(clock.pauses).toEqual([]);
    // Young and not an id (its writer is still writing it): respected, and no owner named.
    for (const text of ['', 'x4242', '4242x', '12345678901']) {
      lockFile(lock, text, at);
      expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(lockMessage(file, lock));
    }
  });

  it('takes the lock as soon as the writer lets it go, without waiting longer', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    const clock = fakeWorld(at + 10);
    const wait = vi.mocked(Atomics.wait);
    wait.mockImplementation((_array, _index, _value, ms) => {
      clock.pauses.push(ms ?? 0);
      clock.now += ms ?? 0;
      if (clock.pauses.length === 3) fs.rmSync(lock);
      return 'timed-out';
    });
    expect(withLock(file, () => fs.readFileSync(lock, 'utf8'), { waitMs: 5000 })).toBe(String(process.pid));
    expect(clock.pauses).toEqual([1, 2, 4]);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('which lock is stale', () => {
  it('an empty lock is respected up to one second old, taken over after', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 1000);
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(lockMessage(file, lock));
    expect(fs.existsSync(lock)).toBe(true);
    vi.restoreAllMocks();
    fakeWorld(at + 1001);
    expect(withLock(file, () => fs.readFileSync(lock, 'utf8'), { waitMs: 0 })).toBe(String(process.pid));
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a lock that holds no process id is judged by its age alone, like an empty one', () => {
    const { file, lock } = scratch();
    for (const text of ['0', 'x4242', '4242x', '12345678901', 'abc']) {
      const at = lockFile(lock, text);
      const clock = fakeWorld(at + 5000);
      expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
      expect(clock.probed).toEqual([]);
      vi.restoreAllMocks();
    }
  });

  it('a lock naming a running process is respected however old, up to the machine’s start', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    // Older than the uptime but within the minute of slack: still respected.
    const clock = fakeWorld(at + UPTIME_S * 1000 + 60_000);
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4242),
    );
    expect(clock.probed).toEqual([4242]);
    vi.restoreAllMocks();
    // From before the machine started: taken over without asking whether 4242 runs.
    const later = fakeWorld(at + UPTIME_S * 1000 + 60_001);
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(later.probed).toEqual([]);
  });

  it('a lock naming a process that is gone is taken over at once', () => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '4242');
    const clock = fakeWorld(at + 10, (pid) => pid === 4242);
    expect(withLock(file, () => fs.readFileSync(lock, 'utf8'), { waitMs: 0 })).toBe(String(process.pid));
    expect(clock.probed).toEqual([4242]);
    expect(clock.pauses).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a process another user runs (EPERM), or one the probe cannot judge, counts as running', () => {
    const { file, lock } = scratch();
    for (const code of ['EPERM', 'EINVAL']) {
      const at = lockFile(lock, '4242');
      fakeWorld(at + 10);
      vi.mocked(process.kill).mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
        lockMessage(file, lock, 4242),
      );
      vi.restoreAllMocks();
    }
  });

  it('staleLock: a missing lock is gone; one that is not a regular file is respected', () => {
    const { dir, lock } = scratch();
    expect(staleLock(lock)).toBe('gone');
    fs.mkdirSync(lock);
    expect(staleLock(lock)).toBeNull();
    const link = path.join(dir, 'link.lock');
    fs.symlinkSync(lock, link);
    expect(staleLock(link)).toBeNull();
  });

  it('staleLock: a stale lock is named by its inode, mtime and text', () => {
    const { lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 1001);
    const stat = fs.statSync(lock, { bigint: true });
    expect(staleLock(lock)).toEqual({ ino: stat.ino, mtimeNs: stat.mtimeNs, text: '' });
  });

  it('a lock that is a folder is waited for, then reported without an owner', () => {
    const { file, lock } = scratch();
    fs.mkdirSync(lock);
    fakeWorld(Date.now());
    expect(failure(() => withLock(file, () => 'in', { waitMs: 5 })).message).toBe(lockMessage(file, lock));
    expect(fs.statSync(lock).isDirectory()).toBe(true);
  });
});

describe('the lock around the work', () => {
  it('a folder that does not exist fails at once with its error, not a wait', () => {
    const { dir } = scratch();
    const clock = fakeWorld(Date.now());
    expect(() => withLock(path.join(dir, 'no', 'a.md'), () => 'in', { waitMs: 1000 })).toThrow(/ENOENT/);
    expect(clock.pauses).toEqual([]);
  });

  it('the work’s result is returned, its error passed on, and the lock removed either way', () => {
    const { dir, file } = scratch();
    expect(withLock(file, () => 42)).toBe(42);
    const boom = new Error('boom');
    expect(() =>
      withLock(file, () => {
        throw boom;
      }),
    ).toThrow(boom);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a lock removed during the work (by hand) does not fail the write', () => {
    const { file, lock } = scratch();
    expect(withLock(file, () => fs.rmSync(lock))).toBeUndefined();
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('file descriptors', () => {
  it.runIf(fs.existsSync('/proc/self/fd'))(
    'none is left open by taking, waiting for or taking over a lock',
    () => {
      const { file, lock } = scratch();
      const open = () => descriptorsIn(path.dirname(file));
      const before = open();
      withLock(file, () => 'in');
      const at = lockFile(lock, '4242');
      fakeWorld(at + 10);
      expect(() => withLock(file, () => 'in', { waitMs: 5 })).toThrow(/still writing/);
      vi.restoreAllMocks();
      fakeWorld(at + 10, () => true);
      expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
      vi.spyOn(fs, 'linkSync').mockImplementation(() => {
        throw Object.assign(new Error('link EPERM'), { code: 'EPERM' });
      });
      expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
      vi.restoreAllMocks();
      expect(open()).toBe(before);
    },
  );
});

describe('exact boundaries', () => {
  it('a claim exactly two seconds old is still another taker’s', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '');
    const stat = fs.statSync(lock, { bigint: true });
    const claim = `${lock}.stale-${stat.ino}-${stat.mtimeNs}`;
    fs.linkSync(lock, claim);
    const real = fs.lstatSync;
    const linked = 1_800_000_000_000;
    vi.spyOn(fs, 'lstatSync').mockImplementation(((name, options) => {
      const found = real(name, options);
      return String(name) === claim
        ? Object.assign(Object.create(Object.getPrototypeOf(found)), found, { ctimeMs: linked })
        : found;
    }) as typeof fs.lstatSync);
    fakeWorld(linked + 2000);
    expect(at).toBeLessThan(linked);
    expect(() => withLock(file, () => 'in', { waitMs: 0 })).toThrow(/still writing/);
    expect(fs.existsSync(claim)).toBe(true);
  });

  it('a live writer’s id with white space around it still names a running process', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, ' 4242\n');
    const clock = fakeWorld(at + 5000);
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4242),
    );
    expect(clock.probed).toEqual([4242]);
  });
});
