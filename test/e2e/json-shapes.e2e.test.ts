/** `--json` for scripts (issue 19): paths relative to the workspace, abs_path, ISO instants with the offset. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

describe('--json shapes', () => {
  it('list, show and conf list give a relative path, abs_path, and start_at/end_at in the conference zone', () => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(
      path.join(confDir, 'talk.md'),
      note({ title: 'Talk', date: '2013-04-16', start: '"10:00"', end: '"10:40"' }),
    );
    fs.writeFileSync(
      path.join(confDir, 'late.md'),
      note({ title: 'Late', date: '2013-04-16', start: '"23:30"', end: '"00:15"' }),
    );
    const listed = confnotes(['list', '--json'], { cwd: root });
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    const talk = rows.find((row) => row.id === 'talk')!;
    expect(talk).toMatchObject({
      path: 'conf/talk.md',
      abs_path: path.join(confDir, 'talk.md'),
      date: '2013-04-16',
      start: '10:00',
      start_at: '2013-04-16T10:00:00-07:00',
      end_at: '2013-04-16T10:40:00-07:00',
    });
    expect(rows.find((row) => row.id === 'late')).toMatchObject({
      start_at: '2013-04-16T23:30:00-07:00',
      end_at: '2013-04-17T00:15:00-07:00',
    });
    const shown = JSON.parse(confnotes(['show', 'talk', '--json'], { cwd: root }).stdout);
    expect(shown).toMatchObject({
      path: 'conf/talk.md',
      abs_path: talk.abs_path,
      start_at: talk.start_at,
      end_at: talk.end_at,
    });
    const confs = JSON.parse(confnotes(['conf', 'list', '--json'], { cwd: root }).stdout);
    expect(confs[0]).toMatchObject({ slug: 'conf', path: 'conf', abs_path: confDir });
  });

  it('conf list counts the notes list shows, not every Markdown file in the folder', () => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'talk.md'), note({ title: 'Talk', date: '2013-04-16' }));
    fs.writeFileSync(path.join(confDir, 'ideas.md'), '# Ideas for the trip\n');
    fs.writeFileSync(path.join(confDir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    const listed = JSON.parse(confnotes(['list', '--json'], { cwd: root }).stdout) as unknown[];
    const confs = JSON.parse(confnotes(['conf', 'list', '--json'], { cwd: root }).stdout);
    expect(listed).toHaveLength(1);
    expect(confs[0]).toMatchObject({ slug: 'conf', notes: 1 });
    expect(confnotes(['conf', 'list'], { cwd: root }).stdout).toMatch(/conf\s.*\s1\n?$/m);
  });
});
