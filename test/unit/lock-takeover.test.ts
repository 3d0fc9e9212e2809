/**
 * Taking a stale lock over, in a fake world (lock-world.ts): every race with
 * another taker, file systems without hard links, and removing what another
 * process removed first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from '../../src/core/fs/lock.js';
import { fakeWorld, failure, lockFile, lockMessage, removeScratch, scratch, UPTIME_S } from './lock-world.js';

afterAll(removeScratch);
afterEach(() => {
  vi.restoreAllMocks();
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
