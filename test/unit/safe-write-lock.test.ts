/**
 * The write lock: writers exclude each other, a live writer's lock is waited
 * for and then reported, a young empty lock is respected, a dead writer's lock
 * is taken over exactly once.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { append, rewrite, withLock } from '../../src/core/safe-write.js';
import { ConfnotesError } from '../../src/errors.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): { dir: string; file: string; lock: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-lock-'));
  made.push(dir);
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, 'note\n');
  return { dir, file, lock: `${file}.lock` };
}

/** The id of a process that has exited (and, on a quiet machine, not been reused yet). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  const pid = Number(child.stdout);
  expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  return pid;
}

function age(file: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
}

describe('the write lock', () => {
  it('is held, with the writer’s process id, while the work runs, and removed after', () => {
    const { dir, file, lock } = scratch();
    const inside = withLock(file, () => fs.readFileSync(lock, 'utf8'));
    expect(inside).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('keeps a second writer out while the first holds it', () => {
    const { file } = scratch();
    let second: unknown;
    withLock(file, () => {
      try {
        withLock(file, () => 'entered', { waitMs: 100 });
      } catch (error) {
        second = error;
      }
    });
    expect(second).toBeInstanceOf(ConfnotesError);
    expect(withLock(file, () => 'free again')).toBe('free again');
  });

  it('makes a second writer wait for a live writer, then fail with a message naming the file', () => {
    const { file, lock } = scratch();
    fs.writeFileSync(lock, String(process.pid));
    // Old (but from since the machine started), and its writer runs: never taken over.
    age(lock, Math.min(3_600_000, (os.uptime() * 1000) / 2));
    let ran = false;
    const started = Date.now();
    let caught: unknown;
    try {
      withLock(
        file,
        () => {
          ran = true;
        },
        { waitMs: 300 },
      );
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toMatch(/still writing/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(caught).toBeInstanceOf(ConfnotesError);
    expect((caught as ConfnotesError).exitCode).toBe(1);
    expect((caught as Error).message).toBe(
      `${file}: another confnotes (process ${process.pid}) is still writing it (lock ${lock}); try again, or delete the lock if no confnotes is running`,
    );
    expect(ran).toBe(false);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });

  it('gets the lock once the live writer lets it go', async () => {
    const { file, lock } = scratch();
    // Another process holds the lock for 400 ms, then removes it.
    const holder = spawn(process.execPath, [
      '-e',
      `const fs=require('fs');fs.writeFileSync(${JSON.stringify(lock)},String(process.pid));process.stdout.write('held');setTimeout(()=>fs.rmSync(${JSON.stringify(lock)}),400)`,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    expect(rewrite(file, () => 'after\n', { waitMs: 5000 })).toBe('after\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(fs.readFileSync(file, 'utf8')).toBe('after\n');
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('respects a young empty lock (its writer is writing its id) and takes over an old one', () => {
    const { file, lock } = scratch();
    fs.writeFileSync(lock, '');
    expect(() => append(file, 'x\n', { waitMs: 200 })).toThrow(/another confnotes is still writing it/);
    expect(fs.existsSync(lock)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('note\n');
    age(lock, 5000);
    append(file, 'x\n', { waitMs: 200 });
    expect(fs.readFileSync(file, 'utf8')).toBe('note\nx\n');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a dead writer’s lock at once, and leaves no trace of the takeover', () => {
    const { dir, file, lock } = scratch();
    fs.writeFileSync(lock, String(deadPid()));
    const started = Date.now();
    expect(withLock(file, () => fs.readFileSync(lock, 'utf8'), { waitMs: 2000 })).toBe(String(process.pid));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('takes over a lock from before the machine started, whatever process id it names', () => {
    const { file, lock } = scratch();
    fs.writeFileSync(lock, String(process.pid));
    age(lock, os.uptime() * 1000 + 3_600_000);
    expect(withLock(file, () => 'mine', { waitMs: 200 })).toBe('mine');
  });

  it('does not remove a dead writer’s lock that another process is taking over right now', () => {
    const { file, lock } = scratch();
    fs.writeFileSync(lock, String(deadPid()));
    const stat = fs.statSync(lock, { bigint: true });
    const claim = `${lock}.stale-${stat.ino}-${stat.mtimeNs}`;
    // Another taker's claim, just made: it will remove the lock, not us.
    fs.linkSync(lock, claim);
    expect(() => withLock(file, () => 'entered', { waitMs: 300 })).toThrow(/still writing it/);
    expect(fs.existsSync(lock)).toBe(true);
    // A claim left by a taker killed long ago is cleared, and the lock taken over.
    fs.rmSync(claim);
    fs.linkSync(lock, claim);
    const later = Date.now() + 2100;
    while (Date.now() < later) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(withLock(file, () => 'entered', { waitMs: 1000 })).toBe('entered');
    expect(fs.existsSync(claim)).toBe(false);
  });

  it('leaves a newer lock alone when another taker replaced the stale one between our look and our claim', () => {
    const { file, lock } = scratch();
    fs.writeFileSync(lock, String(deadPid()));
    const realLink = fs.linkSync;
    let raced = false;
    vi.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      if (!raced && String(to).includes('.stale-')) {
        // Another process takes the dead lock over and now holds its own, live one.
        raced = true;
        fs.rmSync(lock);
        fs.writeFileSync(lock, String(process.pid));
      }
      return realLink(from, to);
    });
    expect(() => withLock(file, () => 'entered', { waitMs: 200 })).toThrow(/still writing/);
    vi.restoreAllMocks();
    expect(raced).toBe(true);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['a.md', 'a.md.lock']);
  });
});
