/** The note cache is the workspace's own file: a FIFO or a link out in its place is never read (issue 13). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, note, tempDir } from '../helpers/workspace.js';

describe('a cache file that is not a plain file of the workspace', () => {
  it.each(['fifo', 'link out'])('is passed over when it is a %s: list answers from the notes', (kind) => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'a.md'), note({ title: 'From the note itself' }));
    const cache = path.join(root, '.confnotes', 'notes-cache', 'conf.bin');
    fs.mkdirSync(path.dirname(cache));
    const secret = path.join(tempDir(), 'secret.json');
    fs.writeFileSync(secret, JSON.stringify({ format: 'x', rows: [['conf/a.md', 'Stolen title']] }));
    if (kind === 'fifo') execFileSync('mkfifo', [cache]);
    else fs.symlinkSync(secret, cache);
    const result = confnotes(['list', '--json'], { cwd: root, timeout: 10_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).map((row: { title: string }) => row.title)).toEqual([
      'From the note itself',
    ]);
    expect(fs.readFileSync(secret, 'utf8')).toContain('Stolen title');
  });

  it('is passed over when its folder is a link out of the workspace', () => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'a.md'), note({ title: 'From the note itself' }));
    const outside = tempDir();
    fs.symlinkSync(outside, path.join(root, '.confnotes', 'notes-cache'));
    const result = confnotes(['list', '--json'], { cwd: root, timeout: 10_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).map((row: { title: string }) => row.title)).toEqual([
      'From the note itself',
    ]);
  });
});
