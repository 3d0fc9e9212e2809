/**
 * The lock's wait, staleness and takeover paths, step by step: the clock
 * (Date.now), the pause between tries (Atomics.wait), the machine's uptime
 * and the "does this process run" probe (process.kill) are replaced by fakes,
 * so each rule is checked at its exact boundary and without real waiting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { staleLock, withLock } from '../../src/core/fs/lock.js';
import { ConfnotesError } from '../../src/errors.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function scratch(): { dir: string; file: string; lock: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-lockpath-'));
  made.push(dir);
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, 'note\n');
  return { dir, file, lock: `${file}.lock` };
}

const UPTIME_S = 100_000;

/** A lock with `text`, last changed at a whole second (so its mtime in ms is exact). */
function lockFile(lock: string, text: string, mtimeMs = 1_700_000_000_000): number {
  fs.writeFileSync(lock, text);
  fs.utimesSync(lock, mtimeMs / 1000, mtimeMs / 1000);
  return mtimeMs;
}

/** Fake clock at `start`; each pause advances it and is recorded. Every process "runs" unless `gone`. */
function fakeWorld(start: number, gone: (pid: number) => boolean = () => false) {
  const clock = { now: start, pauses: [] as number[], probed: [] as number[] };
  vi.spyOn(Date, 'now').mockImplementation(() => clock.now);
  vi.spyOn(Atomics, 'wait').mockImplementation((_array, _index, _value, ms) => {
    clock.pauses.push(ms ?? 0);
    clock.now += ms ?? 0;
    return 'timed-out';
  });
  vi.spyOn(os, 'uptime').mockReturnValue(UPTIME_S);
  vi.spyOn(process, 'kill').mockImplementation((pid) => {
    clock.probed.push(Number(pid));
    if (gone(Number(pid))) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    return true;
  });
  return clock;
}

function failure(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the lock to refuse');
}

function lockMessage(file: string, lock: string, owner?: number): string {
  return `${file}: another confnotes${owner === undefined ? '' : ` (process ${owner})`} is still writing it (lock ${lock}); try again, or delete the lock if no confnotes is running`;
}

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

describe('taking the lock over', () => {
  it('retries at once when the lock vanished between the try and the look', () => {
    const { file, lock } = scratch();
    const clock = fakeWorld(Date.now());
    const realLink = fs.linkSync;
    let first = true;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (first && String(to) === lock) {
        // Another writer held it at our try and let it go before our look.
        first = false;
        throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      }
      return realLink(from, to);
    });
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(first).toBe(false);
    expect(clock.pauses).toEqual([]);
  });

  it('retries at once when another taker removed the stale lock before our claim', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '');
    const clock = fakeWorld(at + 5000);
    const realLink = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).includes('.stale-') && fs.existsSync(lock)) fs.rmSync(lock);
      return realLink(from, to);
    });
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(clock.pauses).toEqual([]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.md']);
  });

  it('judges a lock again when it changed in place between the look and the claim', () => {
    // Same inode and mtime, other text: a live writer's lock now, left alone.
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    fakeWorld(at + 10, (pid) => pid === 4242);
    const realLink = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).includes('.stale-') && fs.readFileSync(lock, 'utf8') === '4242')
        lockFile(lock, '4343', at);
      return realLink(from, to);
    });
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4343),
    );
    expect(fs.readFileSync(lock, 'utf8')).toBe('4343');
  });

  it('judges a lock again when only its mtime changed (a live writer renewed it)', () => {
    // Same inode and text; stale by age before, recent after.
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    fakeWorld(at + UPTIME_S * 1000 + 70_000);
    const realLink = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).includes('.stale-') && fs.statSync(lock).mtimeMs === at)
        lockFile(lock, '4242', Date.now());
      return realLink(from, to);
    });
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4242),
    );
    expect(fs.existsSync(lock)).toBe(true);
  });

  it('judges a lock again when it was replaced by another file with the same mtime and text', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '');
    const clock = fakeWorld(at + 5000);
    const realLink = fs.linkSync;
    const claims: string[] = [];
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).includes('.stale-')) {
        claims.push(String(to));
        if (claims.length === 1) {
          // A new inode for the same name, same (empty) text and mtime.
          const keep = `${lock}.old`;
          fs.renameSync(lock, keep);
          lockFile(lock, '', at);
          fs.rmSync(keep);
        }
      }
      return realLink(from, to);
    });
    expect(withLock(file, () => 'in', { waitMs: 100 })).toBe('in');
    expect(claims).toHaveLength(2);
    expect(claims[0]).not.toBe(claims[1]);
    expect(clock.pauses).toEqual([1]);
  });

  it('a claim younger than two seconds is another taker at work; an older one is cleared', () => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '');
    const stat = fs.statSync(lock, { bigint: true });
    const claim = `${lock}.stale-${stat.ino}-${stat.mtimeNs}`;
    fs.linkSync(lock, claim);
    const linked = fs.lstatSync(claim).ctimeMs;
    fakeWorld(Math.max(at + 5000, Math.floor(linked) + 2000));
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(lockMessage(file, lock));
    expect(fs.existsSync(claim)).toBe(true);
    vi.restoreAllMocks();
    fakeWorld(Math.max(at + 5000, Math.ceil(linked) + 2001));
    // Cleared on the first try; the lock is taken over on the next.
    expect(withLock(file, () => 'in', { waitMs: 10 })).toBe('in');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('an error other than "exists" from the claim is passed on, and the lock left alone', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 5000);
    const realLink = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (String(to).includes('.stale-')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return realLink(from, to);
    });
    expect(() => withLock(file, () => 'in', { waitMs: 0 })).toThrow(/EIO/);
    expect(fs.existsSync(lock)).toBe(true);
  });
});

describe('file systems without hard links', () => {
  const noLinks = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'];

  function withoutLinks(code: string): void {
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error(`link ${code}`), { code });
    });
  }

  it.each(noLinks)(
    '%s: the lock is created with O_EXCL, holds the id, and keeps a second writer out',
    (code) => {
      const { dir, file, lock } = scratch();
      fakeWorld(Date.now());
      withoutLinks(code);
      const inside = withLock(file, () => {
        const second = failure(() => withLock(file, () => 'in', { waitMs: 0 }));
        return { text: fs.readFileSync(lock, 'utf8'), second: second.message };
      });
      expect(inside).toEqual({ text: String(process.pid), second: lockMessage(file, lock, process.pid) });
      expect(fs.readdirSync(dir)).toEqual(['a.md']);
    },
  );

  it.each(noLinks)('%s: a dead writer’s lock is checked once more and taken over', (code) => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '4242');
    fakeWorld(at + 10, (pid) => pid === 4242);
    withoutLinks(code);
    expect(withLock(file, () => fs.readFileSync(lock, 'utf8'), { waitMs: 0 })).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a lock replaced between the look and the removal is left alone', () => {
    const { file, lock } = scratch();
    const at = lockFile(lock, '4242');
    fakeWorld(at + 10, (pid) => pid === 4242);
    let replaced = false;
    vi.spyOn(fs, 'linkSync').mockImplementation((_from, to) => {
      if (!replaced && String(to).includes('.stale-')) {
        replaced = true;
        lockFile(lock, '4343', at);
      }
      throw Object.assign(new Error('link EPERM'), { code: 'EPERM' });
    });
    expect(failure(() => withLock(file, () => 'in', { waitMs: 0 })).message).toBe(
      lockMessage(file, lock, 4343),
    );
    expect(fs.readFileSync(lock, 'utf8')).toBe('4343');
  });

  it('another error from the link, or one without a code, is passed on and leaves no temporary file', () => {
    const { dir, file } = scratch();
    for (const error of [Object.assign(new Error('link EIO'), { code: 'EIO' }), new Error('no code')]) {
      vi.spyOn(fs, 'linkSync').mockImplementation(() => {
        throw error;
      });
      expect(() => withLock(file, () => 'in', { waitMs: 0 })).toThrow(error);
      expect(fs.readdirSync(dir)).toEqual(['a.md']);
      vi.restoreAllMocks();
    }
  });

  it('an error creating the lock itself is passed on', () => {
    const { file } = scratch();
    withoutLinks('EPERM');
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((name, flags, mode) => {
      if (String(name) === `${file}.lock`) throw Object.assign(new Error('open EACCES'), { code: 'EACCES' });
      return realOpen(name, flags, mode);
    });
    expect(() => withLock(file, () => 'in', { waitMs: 0 })).toThrow(/EACCES/);
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
      const open = () => fs.readdirSync('/proc/self/fd').length;
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

describe('removing what another process may have removed first', () => {
  /** `rmSync` of the first path `hit` picks finds that path already gone (another process was quicker). */
  function removedFirst(hit: (name: string) => boolean): { raced: () => boolean } {
    const real = fs.rmSync;
    let raced = false;
    vi.spyOn(fs, 'rmSync').mockImplementation((name, options) => {
      if (!raced && hit(String(name))) {
        raced = true;
        real(name, { force: true });
      }
      return real(name, options);
    });
    return { raced: () => raced };
  }

  it('a taker whose stale lock was removed just before its own removal goes on', () => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 5000);
    const race = removedFirst((name) => name === lock);
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(race.raced()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a claim already cleared when the taker cleans it up', () => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 5000);
    const race = removedFirst((name) => name.includes('.stale-'));
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(race.raced()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('an abandoned claim that another taker clears at the same time', () => {
    const { dir, file, lock } = scratch();
    lockFile(lock, '');
    const stat = fs.statSync(lock, { bigint: true });
    fs.linkSync(lock, `${lock}.stale-${stat.ino}-${stat.mtimeNs}`);
    fakeWorld(Date.now() + 60_000);
    const race = removedFirst((name) => name.includes('.stale-'));
    expect(withLock(file, () => 'in', { waitMs: 10 })).toBe('in');
    expect(race.raced()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('without hard links: a stale lock removed by another taker just before ours', () => {
    const { dir, file, lock } = scratch();
    const at = lockFile(lock, '');
    fakeWorld(at + 5000);
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('link EPERM'), { code: 'EPERM' });
    });
    const race = removedFirst((name) => name === lock);
    expect(withLock(file, () => 'in', { waitMs: 0 })).toBe('in');
    expect(race.raced()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('an error creating the temporary file is passed on as it is', () => {
    const { dir, file } = scratch();
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((name, flags, mode) => {
      if (String(name).includes('.lock.tmp-'))
        throw Object.assign(new Error('open EACCES'), { code: 'EACCES' });
      return real(name, flags, mode);
    }) as typeof fs.openSync);
    expect(() => withLock(file, () => 'in', { waitMs: 0 })).toThrow(/EACCES/);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });
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
