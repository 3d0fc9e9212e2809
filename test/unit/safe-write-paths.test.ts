/**
 * safe-write's three ways to write, path by path: what lands on disk, what is
 * thrown, and that no temporary file or lock is left on any of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  append,
  createExclusive,
  ensureDir,
  extend,
  FileExistsError,
  replaceOwnFile,
  rewrite,
} from '../../src/core/safe-write.js';
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
  const open = () => fs.readdirSync('/proc/self/fd').length;

  it.runIf(fs.existsSync('/proc/self/fd'))('none is left open by a write, a refusal or a failure', () => {
    const { dir, file } = scratch();
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
