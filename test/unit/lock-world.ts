/**
 * A fake world for the lock's unit tests (lock-paths, lock-takeover): the
 * clock (Date.now), the pause between tries (Atomics.wait), the machine's
 * uptime and the "does this process run" probe (process.kill) replaced by
 * spies, so each rule is checked at its exact boundary and without waiting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

const made: string[] = [];

/** Removes every folder `scratch` made (each test file calls it in afterAll). */
export function removeScratch(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function scratch(): { dir: string; file: string; lock: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-lockpath-'));
  made.push(dir);
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, 'note\n');
  return { dir, file, lock: `${file}.lock` };
}

export const UPTIME_S = 100_000;

/** A lock with `text`, last changed at a whole second (so its mtime in ms is exact). */
export function lockFile(lock: string, text: string, mtimeMs = 1_700_000_000_000): number {
  fs.writeFileSync(lock, text);
  fs.utimesSync(lock, mtimeMs / 1000, mtimeMs / 1000);
  return mtimeMs;
}

/** Fake clock at `start`; each pause advances it and is recorded. Every process "runs" unless `gone`. */
export function fakeWorld(start: number, gone: (pid: number) => boolean = () => false) {
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

export function failure(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the lock to refuse');
}

export function lockMessage(file: string, lock: string, owner?: number): string {
  return `${file}: another confnotes${owner === undefined ? '' : ` (process ${owner})`} is still writing it (lock ${lock}); try again, or delete the lock if no confnotes is running`;
}
