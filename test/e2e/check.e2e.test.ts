import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, note, snapshot as snapshotAll, tempDir } from '../helpers/workspace.js';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');

/** The workspace's files but check's own cache of results (`.confnotes/check-cache/`, issue 18). */
const snapshot = (dir: string) =>
  new Map(
    [...snapshotAll(dir)].filter(
      ([rel]) => !rel.startsWith(path.join('.confnotes', 'check-cache') + path.sep),
    ),
  );

describe('confnotes check', () => {
  it('finds no problem in the shipped sample and changes nothing', () => {
    const dir = path.join(tempDir(), 'notes');
    fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
    const before = snapshot(dir);
    const result = confnotes(['--dir', dir, 'check', '--all'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/^checked 16 files: no problems\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports every problem with path, line and rule, exits 1, and prints JSON for scripts', () => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(
      path.join(confDir, 'a.md'),
      note({ start: '"11:00"', end: '"10:00"', tags: '[Storage]' }),
    );
    fs.writeFileSync(path.join(confDir, 'b.md'), '---\ntitle: b\ndate: [2013\n---\n');
    const text = confnotes(['check'], { cwd: root });
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').filter(Boolean)).toEqual([
      'conf/a.md:7: end 10:00 is before start 11:00 [end-before-start]',
      'conf/a.md:8: tag "Storage" is not normalised: "storage" [tag-not-normalised, fixable]',
      expect.stringMatching(/^conf\/b\.md:3: broken YAML: .* \[broken-yaml\]$/),
    ]);
    expect(text.stderr).toBe(
      'confnotes: checked 3 files: 3 problems in 2 files; 1 can be repaired with: confnotes check --fix\n',
    );
    const json = confnotes(['check', '--json'], { cwd: root });
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout);
    expect(data.checked).toBe(3);
    expect(data.fixed).toEqual([]);
    expect(data.problems[1]).toEqual({
      path: 'conf/a.md',
      line: 8,
      rule: 'tag-not-normalised',
      message: 'tag "Storage" is not normalised: "storage"',
      fixable: true,
    });
  });

  it('--fix repairs tags and keys only, prints what it changed, and leaves the rest byte for byte', () => {
    const { root, confDir } = makeWorkspace();
    const original =
      '---\ntitle: "Fibre"   # keep me\ntitle2 : x\ndate: 2013-04-16\ntags: [Storage, "#HA", storage]\nmood: {a: 1}\n---\n## Notes  \n- 10:01 hi\n';
    fs.writeFileSync(path.join(confDir, 'a.md'), original);
    fs.writeFileSync(path.join(confDir, 'b.md'), note({ end: '"09:00"' }));
    const before = snapshot(root);
    const result = confnotes(['check', '--fix'], { cwd: root });
    expect(result.code).toBe(1); // b.md's end before start is not repairable
    expect(result.stderr).toContain('fixed conf/a.md: line 3: key "title2" without white space\n');
    expect(result.stderr).toContain('fixed conf/a.md: line 5: tag "Storage" → "storage"\n');
    expect(result.stdout).toBe('conf/b.md:7: end 09:00 is before start 10:00 [end-before-start]\n');
    expect(fs.readFileSync(path.join(confDir, 'a.md'), 'utf8')).toBe(
      original.replace('title2 :', 'title2:').replace('[Storage, "#HA", storage]', '[storage, ha]'),
    );
    const after = snapshot(root);
    after.delete(path.join('conf', 'a.md'));
    before.delete(path.join('conf', 'a.md'));
    expect(after).toEqual(before);
    expect(confnotes(['check', '--fix', '--conf', 'conf', '--json'], { cwd: root }).code).toBe(1);
    fs.rmSync(path.join(confDir, 'b.md'));
    expect(confnotes(['check'], { cwd: root }).code).toBe(0);
  });

  it('refuses --conf with --all', () => {
    const { root } = makeWorkspace();
    expect(confnotes(['check', '--all', '--conf', 'conf'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: 'confnotes: --conf and --all cannot be used together\n',
    });
  });
});
