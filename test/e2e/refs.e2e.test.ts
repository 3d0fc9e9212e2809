/**
 * Short refs on a real programme (issue 16: PyCon UK 2015, whose uids are
 * `20150919T102825Z-31048@testing-worker-linux-docker-…`): agenda and its
 * JSON, new --from and --star by ref, a note answering to its talk's ref,
 * --room by prefix or word, and CONFNOTES_NOW read in the conference's zone
 * on a machine in another one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/note/note.js';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

const PYCON = path.join(import.meta.dirname, '../fixtures/real/pyconuk-2015-vobject.ics');
const SLUG = 'pycon-uk-2015';

interface AgendaEntry {
  uid: string;
  ref: string;
  title: string;
  start: string;
  room: string | null;
  starred: boolean;
  note: string | null;
  now: boolean;
}

let home: string;
let ws: string;
// Auckland is 11 to 13 hours from Coventry: a wall time read in the wrong zone lands on another day.
const run = (args: string[], env: Record<string, string> = {}) =>
  confnotes(args, {
    cwd: ws,
    env: { TZ: 'Pacific/Auckland', CONFNOTES_NOW: '2015-09-18T09:00:00Z', ...env },
  });
const agenda = (args: string[] = [], env: Record<string, string> = {}) => {
  const result = run(['agenda', '--json', ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AgendaEntry[];
};

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const made = run([
    'conf',
    'new',
    'PyCon UK 2015',
    '--start',
    '2015-09-18',
    '--end',
    '2015-09-21',
    '--timezone',
    'Europe/London',
  ]);
  expect(made.code, made.stderr).toBe(0);
  const imported = run(['import', PYCON]);
  expect(imported.code, imported.stderr).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
}, 60_000);
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const byTitle = (entries: AgendaEntry[], title: string) => entries.find((entry) => entry.title === title)!;

describe('refs on a real programme', () => {
  it('agenda shows a short ref instead of the long uid; --json has ref and every old key', () => {
    const entries = agenda();
    expect(entries).toHaveLength(162);
    const refs = entries.map((entry) => entry.ref);
    expect(new Set(refs).size).toBe(162);
    for (const ref of refs) expect(ref).toMatch(/^[a-z][a-z2-9]{2,5}$/);
    for (const key of ['uid', 'title', 'start', 'end', 'room', 'status', 'note', 'starred', 'now'])
      expect(entries[0]).toHaveProperty(key);

    const table = run(['agenda', '--day', '2015-09-18']);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/\bref$/);
    expect(table.stdout).not.toContain('@testing-worker');
    const keynote = byTitle(entries, 'Keynote: Van Lindberg, PSF Chair');
    expect(lines.find((line) => line.includes('Van Lindberg'))).toMatch(new RegExp(`\\b${keynote.ref}$`));

    // The refs are stored: a second import of the same export keeps every one.
    expect(run(['import', PYCON]).stderr).toContain('already up to date');
    expect(agenda().map((entry) => entry.ref)).toEqual(refs);
  });

  it('new --from <ref>, --star <ref>, and the note answers to its talk ref', () => {
    const entries = agenda();
    const talk = byTitle(entries, "Python's Infamous GIL (talk by Larry Hastings)");
    const made = run(['new', '--from', talk.ref]);
    expect(made.code, made.stderr).toBe(0);
    const file = path.join(ws, made.stdout.trim());
    expect(parseNote(fs.readFileSync(file, 'utf8')).meta).toMatchObject({
      programme: talk.uid,
      room: 'PythonAnywhere Room (CC1.3)',
      start: '11:30',
    });

    const star = run(['agenda', '--star', talk.ref]);
    expect(star.code, star.stderr).toBe(0);
    expect(star.stderr).toContain(`★ starred: ${talk.title} (${talk.ref}, 2015-09-18 11:30–12:00)`);
    expect(agenda(['--starred']).map((entry) => entry.uid)).toEqual([talk.uid]);
    expect(run(['agenda', '--unstar', talk.ref]).code).toBe(0);
    expect(agenda(['--starred'])).toEqual([]);

    // The note, by the ref of its talk: show, jot --note, and list --json's ref.
    const shown = run(['show', talk.ref, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).path).toBe(path.relative(ws, file));
    const other = run(['new', 'Hallway track', '--at', '2015-09-18 15:00']);
    expect(other.code, other.stderr).toBe(0);
    const jot = run(['jot', '--note', talk.ref, 'the GIL stays']);
    expect(jot.code, jot.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/- \d\d:\d\d the GIL stays\n/);
    const listed = JSON.parse(run(['list', '--json']).stdout) as { path: string; ref: string | null }[];
    expect(listed.map((row) => [row.path, row.ref]).sort()).toEqual(
      [
        [path.relative(ws, file), talk.ref],
        [other.stdout.trim(), null],
      ].sort(),
    );
    // An unknown ref is still an unknown note.
    expect(run(['show', 'zzzz']).code).toBe(1);
    // A programme that cannot be read is named, with its line, rather than the note said to be missing.
    const programme = path.join(path.dirname(file), 'programme.yml');
    const lines = fs.readFileSync(programme, 'utf8').split('\n');
    lines[29] = '  title: [unclosed';
    fs.writeFileSync(programme, lines.join('\n'));
    const broken = run(['show', talk.ref]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      new RegExp(
        `^confnotes: no note matches "${talk.ref}" \\(talk refs are not looked up in [^:]+/programme\\.yml:\\d+: broken YAML: [^\\n]*[^:]\\); see: confnotes list\\n$`,
      ),
    );
  });

  it('--room takes a prefix or a word of the room, any case; the full name still works', () => {
    const osper = agenda(['--room', 'osper']);
    expect(osper).toHaveLength(28);
    expect(new Set(osper.map((entry) => entry.room))).toEqual(new Set(['Osper Room (CC1.4)']));
    expect(agenda(['--room', 'Osper Room (CC1.4)'])).toEqual(osper);
    expect(agenda(['--room', 'CC1.4'])).toEqual(osper);
    expect(agenda(['--room', 'bistro']).map((entry) => entry.room)).toContain('Bistro');
    expect(new Set(agenda(['--room', 'bistro']).map((entry) => entry.room))).toEqual(
      new Set(['Bistro', 'LaterPay Learning Space (Bistro)']),
    );
    expect(agenda(['--room', 'sper'])).toEqual([]);
  });
});

describe('CONFNOTES_NOW without an offset, on a machine in another zone (Pacific/Auckland)', () => {
  const LONDON_0945 = { CONFNOTES_NOW: '2015-09-18 09:45' };

  it('is a wall time in the conference zone for agenda and new --from now', () => {
    const today = agenda(['--today'], { CONFNOTES_NOW: '2015-09-18T10:35' });
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((entry) => entry.start.startsWith('2015-09-18'))).toBe(true);
    expect(
      today
        .filter((entry) => entry.now)
        .map((entry) => entry.title)
        .sort(),
    ).toContain('Keynote: Van Lindberg, PSF Chair');
    // The same wall time with an offset is an instant, as before: 10:35 in Auckland is the evening before in London.
    expect(agenda(['--today'], { CONFNOTES_NOW: '2015-09-18T10:35+12:00' })).toEqual([]);

    const made = run(['new', '--from', 'now'], LONDON_0945);
    expect(made.code, made.stderr).toBe(0);
    expect(parseNote(fs.readFileSync(path.join(ws, made.stdout.trim()), 'utf8')).meta).toMatchObject({
      title: 'Opening Plenary',
      date: '2015-09-18',
      start: '09:30',
    });
  });

  it('stamps a jot with the wall time it names, in both lanes', () => {
    const made = run(['new', 'Hallway track', '--at', '2015-09-18 09:30'], LONDON_0945);
    expect(made.code, made.stderr).toBe(0);
    const file = path.join(ws, made.stdout.trim());
    // The quick lane (a plain jot) and the full CLI (jot --note) read it the same way.
    const quick = run(['jot', 'quick lane'], LONDON_0945);
    expect(quick.code, quick.stderr).toBe(0);
    const full = run(['jot', '--note', path.basename(file, '.md'), 'full lane'], LONDON_0945);
    expect(full.code, full.stderr).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('- 09:45 quick lane\n');
    expect(text).toContain('- 09:45 full lane\n');
    // Inside the note's slot, so neither lane warns that the jot is outside it.
    expect(quick.stderr + full.stderr).not.toContain('outside');
    expect(path.dirname(made.stdout.trim())).toBe(SLUG);
  });
});
