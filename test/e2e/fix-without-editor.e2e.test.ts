/** `set`, `conf set`, `rm` and `restore` through the built CLI, checked byte for byte (issue 16). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, snapshot } from '../helpers/workspace.js';

const NOTE = [
  '---',
  'title:    "Fibre Channel in Cinder"   # as announced',
  'type: session',
  'conference: conf',
  'date: 2013-04-16',
  "start: '10:00'",
  'end: "10:40"',
  'speakers: [Jane Roe]',
  'room:',
  '# a comment line of my own',
  'rating: 3',
  'links: {video: https://example.org/v}',
  'mine:   {keep: [1, 2]}',
  '---',
  '## Notes',
  '- 10:01 rating: 5 and room: 101 in the body stay',
  '',
].join('\r\n');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

function setUp() {
  const made = makeWorkspace();
  roots.push(made.root);
  const file = path.join(made.confDir, '2013-04-16-1000-fibre.md');
  fs.writeFileSync(file, NOTE);
  const run = (args: string[]) => confnotes(args, { cwd: made.root });
  return { ...made, file, run };
}

/** [line number, before, after] of every line that differs. */
function diffLines(before: string, after: string): [number, string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: [number, string | undefined, string | undefined][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([i + 1, a[i], b[i]]);
  return out;
}

describe('confnotes set', () => {
  it('changes only the edited line; comments, odd spacing and CRLF elsewhere survive', () => {
    const { file, run } = setUp();
    const result = run(['set', 'fibre', 'rating=4']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('conf/2013-04-16-1000-fibre.md: rating=4\n');
    expect(diffLines(NOTE, fs.readFileSync(file, 'utf8'))).toEqual([[11, 'rating: 3\r', 'rating: 4\r']]);
  });

  it('quotes a room of digits, removes a field with field=, and prints the note with --json', () => {
    const { file, run } = setUp();
    const result = run(['set', 'fibre', 'room=101', 'video=', 'speakers=Jane Roe, John Doe', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(diffLines(NOTE, fs.readFileSync(file, 'utf8'))).toEqual([
      [8, 'speakers: [Jane Roe]\r', 'speakers: [Jane Roe, John Doe]\r'],
      [9, 'room:\r', 'room: "101"\r'],
      [12, 'links: {video: https://example.org/v}\r', 'mine:   {keep: [1, 2]}\r'],
      [13, 'mine:   {keep: [1, 2]}\r', '---\r'],
      [14, '---\r', '## Notes\r'],
      [15, '## Notes\r', '- 10:01 rating: 5 and room: 101 in the body stay\r'],
      [16, '- 10:01 rating: 5 and room: 101 in the body stay\r', ''],
      [17, '', undefined],
    ]);
    const listed = JSON.parse(run(['list', '--json']).stdout)[0];
    expect(JSON.parse(result.stdout)).toEqual(listed);
    expect(listed).toMatchObject({ speakers: ['Jane Roe', 'John Doe'], rating: 3 });
  });

  it.each([
    [['rating=9'], 'rating'],
    [['type=talk'], 'type'],
    [['start=9am'], 'start'],
    [['video=ftp:/'], 'video'],
    [['colour=red'], 'colour'],
    [['room=B1', 'date=2013-02-30'], 'date'],
  ])('refuses %j with one line naming the field, exit 2, every file unchanged', (words, field) => {
    const { root, run } = setUp();
    const before = snapshot(root);
    const result = run(['set', 'fibre', ...words]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^confnotes: cannot set ${field}: [^\\n]+\\n$`));
    expect(result.stdout).toBe('');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('confnotes conf set', () => {
  it('changes only the edited values of conference.md, and refuses a bad zone leaving it unchanged', () => {
    const { confDir, run } = setUp();
    const file = path.join(confDir, 'conference.md');
    const before = fs.readFileSync(file, 'utf8');
    const result = run(['conf', 'set', 'timezone=Europe/Brussels', 'url=https://example.org/2013', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(diffLines(before, fs.readFileSync(file, 'utf8'))).toEqual([
      [6, 'timezone: America/Los_Angeles', 'timezone: Europe/Brussels'],
      [7, '---', 'website: https://example.org/2013'], // issue 19: a new key is written as website
      [8, '## Introduction', '---'],
      [9, '', '## Introduction'],
      [10, 'Hello.', ''],
      [11, '', 'Hello.'],
      [12, undefined, ''],
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ slug: 'conf', timezone: 'Europe/Brussels' });
    const after = fs.readFileSync(file, 'utf8');
    const refused = run(['conf', 'set', 'timezone=Mars/Olympus', '--conf', 'conf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'confnotes: cannot set timezone: "Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin)\n',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(after);
  });
});

describe('a note renamed by set', () => {
  it('is found by words of its new title, as by its file name', () => {
    const { file, run } = setUp();
    expect(run(['set', 'fibre', 'title=Zoning without tears']).code).toBe(0);
    for (const ref of ['zoning', 'zoning-without', 'tears', 'fibre']) {
      const shown = run(['show', ref, '--json']);
      expect(shown.code, `${ref}: ${shown.stderr}`).toBe(0);
      expect(JSON.parse(shown.stdout).abs_path).toBe(file);
    }
    expect(run(['show', 'nothing-like-it']).stderr).toContain('no note matches "nothing-like-it"');
  });
});

describe('confnotes rm and restore', () => {
  it("stamps the trash with a CONFNOTES_NOW without offset read in the note's conference zone", () => {
    const { root } = setUp();
    const removed = confnotes(['rm', 'fibre'], {
      cwd: root,
      env: { CONFNOTES_NOW: '2013-04-16 11:40', TZ: 'UTC' },
    });
    expect(removed.code, removed.stderr).toBe(0);
    // 11:40 in Portland (America/Los_Angeles, daylight time) is 18:40 UTC.
    expect(fs.readdirSync(path.join(root, '.confnotes', 'trash'))).toEqual([
      '20130416T184000Z.conf~2013-04-16-1000-fibre.md',
    ]);
    const listed = JSON.parse(confnotes(['restore', '--json'], { cwd: root }).stdout);
    expect(listed[0].removed_at).toBe('2013-04-16T18:40:00Z');
  });

  it('rm then restore gives back the identical bytes; a name back in place is refused', () => {
    const { root, file, run } = setUp();
    const removed = run(['rm', 'fibre']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    const [name] = fs.readdirSync(path.join(root, '.confnotes', 'trash'));
    expect(name).toMatch(/^\d{8}T\d{6}Z\.conf~2013-04-16-1000-fibre\.md$/);
    expect(removed.stderr).toContain(`moved conf/2013-04-16-1000-fibre.md to the trash as ${name}`);
    const listed = run(['restore', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name, path: 'conf/2013-04-16-1000-fibre.md', removed_at: expect.any(String) },
    ]);
    expect(run(['restore']).stdout).toContain(name);
    expect(run(['list', '--json']).stdout.trim()).toBe('[]');

    const restored = run(['restore', name!]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(NOTE);
    expect(fs.readdirSync(path.join(root, '.confnotes', 'trash'))).toEqual([]);

    expect(run(['rm', 'fibre']).code).toBe(0);
    fs.writeFileSync(file, 'a new note in its place');
    const refused = run(['restore', 'fibre']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a file of that name is back in place/);
    expect(fs.readFileSync(file, 'utf8')).toBe('a new note in its place');
  });

  it('rm of the current note clears it, so jot says there is no current note', () => {
    const { root, run } = setUp();
    const env = { CONFNOTES_NOW: '2013-04-16T17:02:00Z' };
    const made = confnotes(['new', 'Keynote', '--type', 'keynote'], { cwd: root, env });
    expect(made.code, made.stderr).toBe(0);
    expect(confnotes(['jot', 'first line'], { cwd: root, env }).code).toBe(0);
    const removed = run(['rm', 'keynote']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('there is no current note now');
    const jotted = confnotes(['jot', 'second line'], { cwd: root, env });
    expect(jotted.code).toBe(1);
    expect(jotted.stderr).toMatch(/^confnotes: no current note; /);
    expect(run(['current']).code).toBe(1);
  });

  it('refuses to move what is not a note, or to set a file outside the workspace', () => {
    const { root, run } = setUp();
    const before = snapshot(root);
    const result = run(['rm', 'conf/conference.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a note of this workspace/);
    expect(snapshot(root)).toEqual(before);
    const outside = path.join(path.dirname(root), 'outside.md');
    fs.writeFileSync(outside, NOTE);
    expect(run(['rm', outside]).code).toBe(1);
    const set = run(['set', outside, 'rating=4']);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/not inside the workspace/);
    expect(fs.readFileSync(outside, 'utf8')).toBe(NOTE);
  });
});
