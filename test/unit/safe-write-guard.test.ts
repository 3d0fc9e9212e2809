/**
 * What safe-write checks at write time: no write through a folder link or a
 * note swapped for a link, an editor's save is never silently undone, and a
 * full disk or a forbidden folder is one line naming the file, with nothing
 * left behind (no temporary file, no lock, the note unchanged).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { append, createExclusive, extend, replaceOwnFile, rewrite } from '../../src/core/safe-write.js';
import { reportError } from '../../src/exit.js';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { ConfnotesError } from '../../src/errors.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function workspace(): { root: string; conf: string; outside: string; file: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-guard-'));
  made.push(top);
  const root = path.join(top, 'ws');
  initWorkspace(root);
  const conf = path.join(root, 'conf');
  fs.mkdirSync(conf);
  const outside = path.join(top, 'outside');
  fs.mkdirSync(outside);
  const file = path.join(conf, 'a.md');
  fs.writeFileSync(file, 'note\n');
  return { root, conf, outside, file };
}

const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('writes stay inside the workspace', () => {
  it('refuses to write through a folder that is a link out of the workspace', () => {
    const { conf, outside } = workspace();
    fs.writeFileSync(path.join(outside, 'b.md'), 'secret\n');
    fs.symlinkSync(outside, path.join(conf, 'talks'));
    const through = path.join(conf, 'talks', 'b.md');
    expect(() => rewrite(through, () => 'overwritten\n')).toThrow(/talks is a symbolic link/);
    expect(() => append(through, 'x\n')).toThrow(/talks is a symbolic link/);
    expect(() => createExclusive(path.join(conf, 'talks', 'c.md'), 'x\n')).not.toThrow();
    expect(fs.readFileSync(path.join(outside, 'b.md'), 'utf8')).toBe('secret\n');
    expect(fs.readdirSync(outside).sort()).toEqual(['b.md', 'c.md']);
  });

  it('refuses a note that became a link out of the workspace after it was resolved', () => {
    const { file, outside } = workspace();
    const secret = path.join(outside, 'secret.md');
    fs.writeFileSync(secret, 'secret\n');
    fs.rmSync(file);
    fs.symlinkSync(secret, file);
    expect(() => rewrite(file, () => 'overwritten\n')).toThrow(/symbolic link to .*, outside the workspace/);
    expect(() => append(file, 'x\n')).toThrow(/outside the workspace/);
    expect(fs.readFileSync(secret, 'utf8')).toBe('secret\n');
  });

  it('never writes the outside file when the note is swapped for a link while it is rewritten', () => {
    const { file, outside } = workspace();
    const secret = path.join(outside, 'secret.md');
    fs.writeFileSync(secret, 'secret\n');
    expect(() =>
      rewrite(file, (old) => {
        fs.rmSync(file);
        fs.symlinkSync(secret, file);
        return `${old}changed\n`;
      }),
    ).toThrow(/changed while confnotes was writing it/);
    expect(fs.readFileSync(secret, 'utf8')).toBe('secret\n');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('writes through a link to a note inside the workspace into that note, keeping the link', () => {
    const { conf, file } = workspace();
    const alias = path.join(conf, 'alias.md');
    fs.symlinkSync(file, alias);
    rewrite(alias, (old) => `${old}via alias\n`);
    append(alias, 'appended\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('note\nvia alias\nappended\n');
    expect(fs.lstatSync(alias).isSymbolicLink()).toBe(true);
  });

  it('refuses a FIFO without blocking on it', () => {
    const { conf } = workspace();
    const fifo = path.join(conf, 'fifo.md');
    // node has no API for a FIFO.
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => append(fifo, 'x\n')).toThrow(/not a regular file/);
  });
});

describe('an editor saving the note while confnotes rewrites it', () => {
  it('keeps a save made in place, and the command fails', () => {
    const { file } = workspace();
    expect(() =>
      rewrite(file, () => {
        fs.writeFileSync(file, 'saved by the editor, longer\n');
        return 'tagged\n';
      }),
    ).toThrow(/a\.md: changed while confnotes was writing it \(saved in an editor\?\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe('saved by the editor, longer\n');
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['a.md']);
  });

  it('keeps a save made by rename (a new file under the name), and the command fails', () => {
    const { file } = workspace();
    expect(() =>
      extend(file, () => {
        fs.writeFileSync(`${file}~`, 'new\n');
        fs.renameSync(`${file}~`, file);
        return { replace: 'jotted\n' };
      }),
    ).toThrow(/changed while confnotes was writing it/);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });
});

describe('errors the user can fix are one line, exit 1, and leave nothing behind', () => {
  const cases: [string, RegExp][] = [
    ['ENOSPC', /a\.md: no space left on the device$/],
    ['EROFS', /a\.md: the file system is read-only$/],
    ['EACCES', /a\.md: permission denied$/],
    ['EDQUOT', /a\.md: disk quota exceeded$/],
  ];

  it.each(cases)(
    '%s while writing the new version: note unchanged, no temporary file, no lock',
    (code, message) => {
      const { file } = workspace();
      const real = fs.writeFileSync;
      vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
        if (typeof args[0] === 'number') throw failure(code);
        return real(...args);
      });
      let caught: unknown;
      try {
        rewrite(file, () => 'changed\n');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfnotesError);
      expect((caught as ConfnotesError).exitCode).toBe(1);
      expect((caught as Error).message).toMatch(message);
      expect(fs.readFileSync(file, 'utf8')).toBe('note\n');
      expect(fs.readdirSync(path.dirname(file))).toEqual(['a.md']);
    },
  );

  it.each(cases)('%s while appending: the note cut back to its old bytes, no lock', (code, message) => {
    const { file } = workspace();
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      // The first write is the lock's process id; the second the jotted line: half of it lands, then the disk is full.
      if (++calls === 2) {
        real(args[0], 'half a li');
        throw failure(code);
      }
      return real(...(args as [number, string]));
    }) as typeof fs.writeSync);
    expect(() => append(file, 'a whole line\n')).toThrow(message);
    expect(fs.readFileSync(file, 'utf8')).toBe('note\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.md']);
  });

  it('a full disk while taking the lock leaves no empty lock', () => {
    const { file } = workspace();
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw failure('ENOSPC');
    });
    expect(() => append(file, 'x\n')).toThrow(/a\.md: no space left on the device$/);
    vi.restoreAllMocks();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.md']);
  });

  it('a read-only folder for a new note', () => {
    const { conf } = workspace();
    vi.spyOn(fs, 'openSync').mockImplementation(() => {
      throw failure('EROFS');
    });
    expect(() => createExclusive(path.join(conf, 'b.md'), 'x\n')).toThrow(
      /b\.md: the file system is read-only$/,
    );
  });

  it('anything else stays what it is (a bug is exit 70, not a user error)', () => {
    const { file } = workspace();
    vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw failure('EBADF');
    });
    expect(() => rewrite(file, () => 'changed\n')).toThrow(/EBADF: injected/);
    try {
      rewrite(file, () => 'changed\n');
    } catch (error) {
      expect(error).not.toBeInstanceOf(ConfnotesError);
    }
  });
});

describe('the tool’s own files', () => {
  it('are never written through a link out of the workspace', () => {
    const { root, outside } = workspace();
    const secret = path.join(outside, 'state.json');
    fs.writeFileSync(secret, 'secret\n');
    fs.symlinkSync(secret, path.join(root, '.confnotes', 'state.json'));
    expect(() => replaceOwnFile(path.join(root, '.confnotes', 'state.json'), '{}')).toThrow(
      /outside the workspace/,
    );
    expect(fs.readFileSync(secret, 'utf8')).toBe('secret\n');
  });
});

describe('reportError', () => {
  it('turns a file-system error the user can fix into one line and exit 1; anything else stays exit 70', () => {
    const lines: string[] = [];
    const stderr = { write: (text: string) => lines.push(text) } as unknown as Parameters<
      typeof reportError
    >[1];
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      path: '/ws/conf/a.md',
    });
    expect(reportError(full, stderr, {})).toBe(1);
    expect(lines).toEqual(['confnotes: /ws/conf/a.md: no space left on the device\n']);
    expect(reportError(failure('EBADF'), stderr, {})).toBe(70);
  });
});
