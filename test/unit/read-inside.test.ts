/** read-inside.ts: the one reader of templates, conference.md, state and config. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInside, UnsafeFileError } from '../../src/core/workspace/read-inside.js';
import { tempDir } from '../helpers/workspace.js';

let top: string;
let root: string;
let outside: string;

beforeEach(() => {
  top = tempDir('confnotes-read-inside-');
  root = path.join(top, 'ws');
  outside = path.join(top, 'outside');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'sub', 'file.md'), 'inside\n');
  fs.writeFileSync(path.join(outside, 'secret.md'), 'secret\n');
});

afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeFileError);
    expect((error as UnsafeFileError).exitCode).toBe(1);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('readInside', () => {
  it('reads a regular file inside, and a link to one inside; null when there is no file', () => {
    expect(readInside(root, path.join(root, 'sub', 'file.md'))).toBe('inside\n');
    fs.symlinkSync(path.join(root, 'sub', 'file.md'), path.join(root, 'link.md'));
    expect(readInside(root, path.join(root, 'link.md'))).toBe('inside\n');
    expect(readInside(root, path.join(root, 'missing.md'))).toBeNull();
  });

  it('refuses a link out of the workspace, naming the file and the target', () => {
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'sub', 'leak.md'));
    const message = refusal(() =>
      readInside(root, path.join(root, 'sub', 'leak.md'), { shown: 'sub/leak.md' }),
    );
    expect(message).toMatch(
      /^sub\/leak\.md: leads to .*outside[/\\]secret\.md, outside the workspace; not read$/,
    );
  });

  it('refuses a file reached through a folder link out of the workspace', () => {
    fs.symlinkSync(outside, path.join(root, 'out'));
    expect(refusal(() => readInside(root, path.join(root, 'out', 'secret.md')))).toMatch(
      /outside the workspace/,
    );
  });

  it('refuses a FIFO without blocking, a device, a folder, a dangling link and a loop', () => {
    const fifo = path.join(root, 'pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(refusal(() => readInside(root, fifo))).toMatch(
      /pipe\.md: a FIFO \(named pipe\), not a regular file; not read/,
    );
    expect(refusal(() => readInside(null, '/dev/zero'))).toMatch(
      /^\/dev\/zero: a device, not a regular file/,
    );
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
    expect(refusal(() => readInside(root, path.join(root, 'zero.md')))).toMatch(/outside the workspace/);
    expect(refusal(() => readInside(root, path.join(root, 'sub')))).toMatch(/a folder, not a file/);
    fs.symlinkSync(path.join(root, 'nothing.md'), path.join(root, 'dangling.md'));
    expect(refusal(() => readInside(root, path.join(root, 'dangling.md')))).toMatch(
      /symbolic link to nothing/,
    );
    fs.symlinkSync(path.join(root, 'loop.md'), path.join(root, 'loop.md'));
    expect(refusal(() => readInside(root, path.join(root, 'loop.md')))).toMatch(/symbolic link loop/);
  });

  it('refuses a file over the size limit before reading it', () => {
    fs.writeFileSync(path.join(root, 'big.md'), 'x'.repeat(2048));
    expect(refusal(() => readInside(root, path.join(root, 'big.md'), { maxBytes: 1024 }))).toMatch(
      /big\.md: 2 KB is too large \(limit 1 KB\); not read/,
    );
    expect(readInside(root, path.join(root, 'big.md'), { maxBytes: 2048 })).toHaveLength(2048);
  });

  it('without a root (a path the user typed), reads a regular file anywhere but still no FIFO', () => {
    expect(readInside(null, path.join(outside, 'secret.md'))).toBe('secret\n');
    const fifo = path.join(outside, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(refusal(() => readInside(null, fifo))).toMatch(/FIFO/);
  });
});
