/**
 * inOneBatch: replaceOwnFile calls inside it share one set of signal handlers
 * (write-file-atomic's signal-exit would otherwise set up and drop ~15 for
 * each file), the files are written exactly as without it, and the handlers
 * are gone afterwards, also when the batch throws.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inOneBatch, replaceOwnFile } from '../../src/core/safe-write.js';
import { tempDir } from '../helpers/workspace.js';

/** How many times process.on was asked to listen to SIGTERM while `fn` ran. */
function sigtermListensDuring(fn: () => void): number {
  const on = vi.spyOn(process, 'on');
  try {
    fn();
    return on.mock.calls.filter(([event]) => event === 'SIGTERM').length;
  } finally {
    on.mockRestore();
  }
}

describe('inOneBatch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sets the signal handlers up once for a batch of writes, not once per file', () => {
    const dir = tempDir();
    const write = (i: number) => replaceOwnFile(path.join(dir, `f${i}`), `text ${i}\n`, { fsync: false });
    const unbatched = sigtermListensDuring(() => {
      for (let i = 0; i < 5; i++) write(i);
    });
    const batched = sigtermListensDuring(() =>
      inOneBatch(() => {
        for (let i = 5; i < 10; i++) write(i);
      }),
    );
    expect(unbatched).toBe(5);
    expect(batched).toBe(1);
    for (let i = 0; i < 10; i++) expect(fs.readFileSync(path.join(dir, `f${i}`), 'utf8')).toBe(`text ${i}\n`);
    expect(fs.readdirSync(dir).sort()).toEqual([...Array(10).keys()].map((i) => `f${i}`).sort());
  });

  it('drops its handlers afterwards, also when the batch throws', () => {
    const before = process.listenerCount('SIGTERM');
    expect(inOneBatch(() => 42)).toBe(42);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(() =>
      inOneBatch(() => {
        expect(process.listenerCount('SIGTERM')).toBe(before + 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
