/**
 * safe-write's rewrite, extend, append and replaceOwnFile, path by path: what
 * lands on disk, what is thrown, and that no temporary file, lock or open
 * descriptor is left on any of them (createExclusive: safe-write-create.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  append,
  createExclusive,
  extend,
  FileExistsError,
  replaceOwnFile,
  rewrite,
} from '../../src/core/safe-write.js';
import { descriptorsIn } from '../helpers/descriptors.js';

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

describe('rewrite', () => {
  it('replaces the text through a synced temporary file, keeps the mode, and returns the new text', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    const inode = fs.statSync(file).ino;
    const synced = vi.spyOn(fs, 'fsyncSync');
    const seen: string[] = [];
    expect(
      rewrite(file, (old) => {
        seen.push(old);
        return `${old}new\n`;
      }),
    ).toBe('old\nnew\n');
    expect(seen).toEqual(['old\n']);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\nnew\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A new file renamed over the old one, not the old one written in place.
    expect(fs.statSync(file).ino).not.toBe(inode);
    expect(synced).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('leaves the file alone (same inode, same time) when the change is null or the same text', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    const before = fs.statSync(file, { bigint: true });
    expect(rewrite(file, () => null)).toBeNull();
    expect(rewrite(file, (old) => old)).toBeNull();
    const after = fs.statSync(file, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('holds the note’s lock while the change is decided', () => {
    const { file } = scratch();
    fs.writeFileSync(file, 'old\n');
    let locked = '';
    rewrite(file, () => {
      locked = fs.readFileSync(`${file}.lock`, 'utf8');
      return 'x\n';
    });
    expect(locked).toBe(String(process.pid));
  });

  it('a missing note is one error, and nothing is created', () => {
    const { dir, file } = scratch();
    expect(() => rewrite(file, () => 'x\n')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a note that is a folder is not a regular file; nothing changed', () => {
    const { dir, file } = scratch();
    fs.mkdirSync(file);
    expect(() => rewrite(file, () => 'x\n')).toThrow(`${file}: not a regular file; nothing was changed`);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a note that became a link while it was being written: refused, nothing changed', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((name, flags, mode) => {
      if (String(name) === file) throw failure('ELOOP');
      return real(name, flags, mode);
    }) as typeof fs.openSync);
    expect(() => rewrite(file, () => 'x\n')).toThrow(
      `${file}: became a symbolic link while confnotes was writing it; nothing was changed`,
    );
    vi.mocked(fs.openSync).mockImplementation(((name, flags, mode) => {
      if (String(name) === file) throw failure('EMFILE');
      return real(name, flags, mode);
    }) as typeof fs.openSync);
    expect(() => rewrite(file, () => 'x\n')).toThrow(/EMFILE: injected/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  // The note is compared field by field just before the rename: any one that differs means another save.
  it.each([
    ['inode', { ino: 1n }],
    ['device', { dev: 1n }],
    ['size', { size: 1n }],
    ['mtime', { mtimeNs: 1n }],
  ] as const)('refuses when only the %s changed since the note was read', (_name, shift) => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    const real = fs.lstatSync;
    vi.spyOn(fs, 'lstatSync').mockImplementation(((name, options) => {
      const stat = real(name, options);
      if (String(name) !== file || !options?.bigint) return stat;
      const shifted = Object.create(Object.getPrototypeOf(stat));
      Object.assign(shifted, stat);
      for (const [key, by] of Object.entries(shift)) shifted[key] = (stat as never)[key] + by;
      return shifted;
    }) as typeof fs.lstatSync);
    expect(() => rewrite(file, () => 'new\n')).toThrow(
      `${file}: changed while confnotes was writing it (saved in an editor?); that version is kept and nothing was changed; run the command again`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses when the note was deleted, or replaced by a folder, meanwhile', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    expect(() =>
      rewrite(file, () => {
        fs.rmSync(file);
        return 'new\n';
      }),
    ).toThrow(/changed while confnotes was writing it/);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.writeFileSync(file, 'old\n');
    expect(() =>
      rewrite(file, () => {
        fs.rmSync(file);
        fs.mkdirSync(file);
        return 'new\n';
      }),
    ).toThrow(/changed while confnotes was writing it/);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
    expect(fs.statSync(file).isDirectory()).toBe(true);
  });

  it('a failed rename leaves the old note and no temporary file', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'old\n');
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw failure('EIO');
    });
    expect(() => rewrite(file, () => 'new\n')).toThrow(`${file}: input/output error from the device`);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('extend and append', () => {
  it('append adds the text at the end in place (same inode), synced, under the lock', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'note\n');
    const inode = fs.statSync(file).ino;
    const synced = vi.spyOn(fs, 'fsyncSync');
    append(file, 'line\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('note\nline\n');
    expect(fs.statSync(file).ino).toBe(inode);
    expect(synced).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('writes all of a long text even when the system takes it in small pieces', () => {
    const { file } = scratch();
    fs.writeFileSync(file, 'note\n');
    const real = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, offset?: number) => {
      if (!Buffer.isBuffer(data)) return real(fd, data as string);
      return real(fd, data, offset ?? 0, Math.min(3, data.length - (offset ?? 0)));
    }) as typeof fs.writeSync);
    append(file, 'a line of twenty-six bytes\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('note\na line of twenty-six bytes\n');
  });

  it('a failed cut-back after a failed append still reports the write’s error', () => {
    const { file } = scratch();
    fs.writeFileSync(file, 'note\n');
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw failure('ENOSPC');
    });
    vi.spyOn(fs, 'ftruncateSync').mockImplementation(() => {
      throw failure('EBADF');
    });
    expect(() => append(file, 'x\n')).toThrow(`${file}: no space left on the device`);
  });

  it('extend decides from the current text: append, replace, or nothing', () => {
    const { dir, file } = scratch();
    fs.writeFileSync(file, 'note\n');
    const seen: string[] = [];
    expect(
      extend(file, (old) => {
        seen.push(old);
        return { append: 'more\n' };
      }),
    ).toEqual({ append: 'more\n' });
    expect(
      extend(file, (old) => {
        seen.push(old);
        return { replace: `# ${old}` };
      }),
    ).toEqual({ replace: '# note\nmore\n' });
    expect(seen).toEqual(['note\n', 'note\nmore\n']);
    expect(fs.readFileSync(file, 'utf8')).toBe('# note\nmore\n');
    const before = fs.statSync(file, { bigint: true });
    expect(extend(file, () => null)).toBeNull();
    expect(extend(file, (old) => ({ replace: old }))).toEqual({ replace: '# note\nmore\n' });
    const after = fs.statSync(file, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a lock held by a live writer makes append wait and fail, the note unchanged', () => {
    const { file } = scratch();
    fs.writeFileSync(file, 'note\n');
    fs.writeFileSync(`${file}.lock`, String(process.pid));
    expect(() => append(file, 'x\n', { waitMs: 20 })).toThrow(/is still writing it/);
    expect(() => rewrite(file, () => 'x\n', { waitMs: 20 })).toThrow(/is still writing it/);
    expect(fs.readFileSync(file, 'utf8')).toBe('note\n');
  });
});

describe('replaceOwnFile', () => {
  it('creates the folders, writes atomically with fsync unless told not to', () => {
    const { dir } = scratch();
    const file = path.join(dir, 'state', 'deep', 'cache.json');
    const synced = vi.spyOn(fs, 'fsyncSync');
    replaceOwnFile(file, '{"a":1}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(synced).toHaveBeenCalled();
    synced.mockClear();
    replaceOwnFile(file, Buffer.from('{"a":2}'), { fsync: false });
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(synced).not.toHaveBeenCalled();
    replaceOwnFile(file, '{"a":3}', { fsync: true });
    expect(synced).toHaveBeenCalled();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cache.json']);
  });
});

describe('file descriptors', () => {
  it.runIf(fs.existsSync('/proc/self/fd'))('none is left open by a write, a refusal or a failure', () => {
    const { dir, file } = scratch();
    const open = () => descriptorsIn(dir);
    const before = open();
    createExclusive(file, 'new\n');
    expect(() => createExclusive(file, 'again\n')).toThrow(FileExistsError);
    rewrite(file, (old) => `${old}more\n`);
    append(file, 'line\n');
    extend(file, () => null);
    const folder = path.join(dir, 'folder.md');
    fs.mkdirSync(folder);
    expect(() => rewrite(folder, () => 'x\n')).toThrow(/not a regular file/);
    expect(() => append(folder, 'x\n')).toThrow(/EISDIR/);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw failure('EIO');
    });
    expect(() => createExclusive(path.join(dir, 'b.md'), 'x\n')).toThrow(/input\/output error/);
    expect(() => append(file, 'x\n')).toThrow(/input\/output error/);
    vi.restoreAllMocks();
    expect(open()).toBe(before);
  });
});
