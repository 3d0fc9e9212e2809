/**
 * safe-write's createExclusive and ensureDir, path by path: what lands on
 * disk, what is thrown, and that no temporary or half-made file is left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createExclusive, ensureDir, FileExistsError } from '../../src/core/safe-write.js';
import { ConfnotesError } from '../../src/errors.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function scratch(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-sw-'));
  made.push(dir);
  const file = path.join(dir, 'a.md');
  return { dir, file };
}

const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'];

/** Names opened for writing with O_EXCL ('wx'), in order. */
function exclusiveOpens(): string[] {
  const names: string[] = [];
  const real = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation(((name, flags, mode) => {
    if (flags === 'wx') names.push(String(name));
    return real(name, flags, mode);
  }) as typeof fs.openSync);
  return names;
}

describe('createExclusive', () => {
  it('writes the text through a hidden temporary file beside it, synced, and leaves only the note', () => {
    const { dir, file } = scratch();
    const opened = exclusiveOpens();
    const synced = vi.spyOn(fs, 'fsyncSync');
    createExclusive(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
    expect(opened).toHaveLength(1);
    expect(path.dirname(opened[0]!)).toBe(dir);
    expect(path.basename(opened[0]!)).toMatch(new RegExp(`^\\.a\\.md\\.tmp-${process.pid}-[a-z0-9]{1,8}$`));
    expect(synced).toHaveBeenCalledTimes(1);
  });

  it('never replaces a file: FileExistsError naming it, the old bytes kept, no temporary file', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    let caught: unknown;
    try {
      createExclusive(file, 'new\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FileExistsError);
    expect(caught).toBeInstanceOf(ConfnotesError);
    expect((caught as FileExistsError).file).toBe(file);
    expect((caught as Error).message).toBe(`${file}: already exists; confnotes never replaces a file`);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('falls back to a plain exclusive create when the folder refuses the temporary file', () => {
    const { dir, file } = scratch();
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((name, flags, mode) => {
      if (path.basename(String(name)).startsWith('.')) throw failure('EACCES');
      return real(name, flags, mode);
    }) as typeof fs.openSync);
    createExclusive(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
    // And still never replaces.
    expect(() => createExclusive(file, 'other\n')).toThrow(FileExistsError);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it.each(NO_LINKS)('%s from link (no hard links): a plain exclusive create, no temporary file', (code) => {
    const { dir, file } = scratch();
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw failure(code);
    });
    createExclusive(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
    expect(() => createExclusive(file, 'other\n')).toThrow(FileExistsError);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('another error from link is passed on (a user error as one line), no note and no temporary file', () => {
    const { dir, file } = scratch();
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw failure('ENOSPC');
    });
    expect(() => createExclusive(file, 'new\n')).toThrow(`${file}: no space left on the device`);
    vi.mocked(fs.linkSync).mockImplementation(() => {
      throw failure('EXDEV');
    });
    expect(() => createExclusive(file, 'new\n')).toThrow(/EXDEV: injected/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a write that fails half-way removes its own file and keeps nothing', () => {
    const { dir, file } = scratch();
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((target, data, options) => {
      if (typeof target === 'number') {
        real(target, String(data).slice(0, 2));
        throw failure('ENOSPC');
      }
      return real(target, data, options);
    }) as typeof fs.writeFileSync);
    expect(() => createExclusive(file, 'new\n')).toThrow(`${file}: no space left on the device`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failed fsync removes the half-made file too', () => {
    const { dir, file } = scratch();
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw failure('EIO');
    });
    expect(() => createExclusive(file, 'new\n')).toThrow(`${file}: input/output error from the device`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('removing a half-made file another process removed first', () => {
  /** The first `rmSync` of a file `hit` picks finds it already gone. */
  function removedFirst(hit: (name: string) => boolean): () => boolean {
    const real = fs.rmSync;
    let raced = false;
    vi.spyOn(fs, 'rmSync').mockImplementation((name, options) => {
      if (!raced && hit(String(name))) {
        raced = true;
        real(name, { force: true });
      }
      return real(name, options);
    });
    return () => raced;
  }

  it('after a new note is linked into place', () => {
    const { dir, file } = scratch();
    const raced = removedFirst((name) => path.basename(name).startsWith('.a.md.tmp-'));
    createExclusive(file, 'new\n');
    expect(raced()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('after a failed write of the note itself: the write’s error is reported, not the removal’s', () => {
    const { dir, file } = scratch();
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((target, data, options) => {
      if (typeof target === 'number') throw failure('ENOSPC');
      return real(target, data, options);
    }) as typeof fs.writeFileSync);
    // The temporary file fails too, so the note is written directly (the fallback), and fails.
    const raced = removedFirst((name) => name === file);
    expect(() => createExclusive(file, 'new\n')).toThrow(`${file}: no space left on the device`);
    expect(raced()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('ensureDir', () => {
  it('creates a folder and its parents; an existing one is fine; a file in the way is an error', () => {
    const { dir } = scratch();
    const deep = path.join(dir, 'x', 'y');
    ensureDir(deep);
    ensureDir(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(dir, 'f'), '');
    expect(() => ensureDir(path.join(dir, 'f', 'g'))).toThrow(/ENOTDIR/);
  });

  it('a forbidden folder is one line naming it', () => {
    const { dir } = scratch();
    vi.spyOn(fs, 'mkdirSync').mockImplementation(() => {
      throw failure('EACCES');
    });
    expect(() => ensureDir(path.join(dir, 'x'))).toThrow(`${path.join(dir, 'x')}: permission denied`);
  });
});
