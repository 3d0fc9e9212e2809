/** The shared-module fixes found by the SIGKILL and hostile-input suites, each pinned by a unit test. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontMatterError } from '../../src/core/front-matter/front-matter-bounds.js';
import { checkJotTarget, checkJotText } from '../../src/core/jot/jot-target.js';
import { createExclusive, FileExistsError, withLock } from '../../src/core/safe-write.js';
import { resolveNote } from '../../src/core/note/note-resolve.js';
import { noteFiles } from '../../src/core/note/store.js';
import { NoteFileError } from '../../src/errors.js';
import { makeWorkspace, note, tempDir } from '../helpers/workspace.js';

describe('createExclusive', () => {
  it('puts the whole file under its name at once and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    createExclusive(file, 'hello\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('hello\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('never replaces a file, and cleans up after itself when the name is taken', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'mine\n');
    expect(() => createExclusive(file, 'theirs\n')).toThrow(FileExistsError);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('a hidden temporary file left by a killed create is not a note', () => {
    const { ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, '.a.md.tmp-123-abc'), 'half a no');
    expect(noteFiles(ws).files).toEqual([]);
  });
});

describe('withLock', () => {
  it('takes over a lock whose writer died before writing its process id', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 2000);
    fs.utimesSync(`${file}.lock`, old, old);
    expect(withLock(file, () => 'done')).toBe('done');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('links out of the workspace are never followed by a command', () => {
  it('resolveNote refuses a path that is a link out of the workspace, or a loop', () => {
    const { root, ws, confDir } = makeWorkspace();
    const outside = path.join(tempDir(), 'secret.md');
    fs.writeFileSync(outside, note({ title: 'Not yours' }));
    fs.symlinkSync(outside, path.join(confDir, 'out.md'));
    fs.symlinkSync(path.join(confDir, 'loop2.md'), path.join(confDir, 'loop1.md'));
    fs.symlinkSync(path.join(confDir, 'loop1.md'), path.join(confDir, 'loop2.md'));
    fs.writeFileSync(path.join(confDir, 'real.md'), note({}));
    fs.symlinkSync(path.join(confDir, 'real.md'), path.join(confDir, 'inside.md'));
    expect(() => resolveNote(ws, 'conf/out.md', root)).toThrow(
      /out\.md: symbolic link to .*, outside the workspace/,
    );
    expect(() => resolveNote(ws, 'conf/loop1.md', root)).toThrow(NoteFileError);
    expect(resolveNote(ws, 'conf/inside.md', root)).toBe(path.join(confDir, 'inside.md'));
    expect(resolveNote(ws, 'conf/real.md', root)).toBe(path.join(confDir, 'real.md'));
  });

  it('jot refuses a link out of the workspace, a note too large, binary or not UTF-8', () => {
    const { root, confDir } = makeWorkspace();
    const outside = path.join(tempDir(), 'secret.md');
    fs.writeFileSync(outside, note({}));
    fs.symlinkSync(outside, path.join(confDir, 'out.md'));
    expect(() => checkJotTarget(root, path.join(confDir, 'out.md'))).toThrow(/outside the workspace/);
    const big = path.join(confDir, 'big.md');
    fs.writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 'x'));
    expect(() => checkJotTarget(root, big)).toThrow(/too large/);
    const latin1 = path.join(confDir, 'latin1.md');
    fs.writeFileSync(latin1, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    expect(() => checkJotText(latin1, fs.readFileSync(latin1, 'utf8'))).toThrow(/not UTF-8/);
    expect(() => checkJotText(latin1, 'a\0b')).toThrow(FrontMatterError);
    // A real replacement character in a UTF-8 note is fine.
    const fine = path.join(confDir, 'fine.md');
    fs.writeFileSync(fine, note({ title: '"\uFFFD"' }));
    expect(() => checkJotText(fine, fs.readFileSync(fine, 'utf8'))).not.toThrow();
  });
});
