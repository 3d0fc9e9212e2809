/**
 * The plan in your pocket (issue 14), on a real programme (FOSDEM 2026's
 * schedule.xml, test/fixtures/real): clashes between starred talks, the plan
 * exported as iCalendar and read back with ical.js, stars from a favourites
 * export; and the re-import rules the plan relies on (duplicate UIDs, --replace).
 */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

const REAL = path.resolve(__dirname, '../fixtures/real');
const FOSDEM = path.join(REAL, 'fosdem-2026-schedule.xml');
// Three talks of 31 January: the welcome (09:30–09:50), a keynote (10:00–10:50) and a
// workshop (10:30–18:30) that overlaps the keynote.
const WELCOME = '9c3ebb8c-7716-5130-b9fe-ff8544f5636d';
const KEYNOTE = '8ce3ffa3-2053-5f4d-8fc4-f223e5859a53';
const WORKSHOP = 'abcff329-9d4a-58cc-814b-f9f10c4f761c';

interface AgendaEntry {
  uid: string;
  ref: string;
  title: string;
  start: string;
  end: string;
  room: string | null;
  speakers: string[];
  url: string | null;
  starred: boolean;
  note: string | null;
  clashes: string[];
}

let home: string;
let ws: string;
const NOW = '2026-01-20T10:00:00Z';
const run = (args: string[], env: Record<string, string> = {}) =>
  confnotes(args, { cwd: ws, env: { TZ: 'America/New_York', CONFNOTES_NOW: NOW, ...env } });
const agendaJson = (args: string[] = []) => {
  const result = run(['agenda', '--json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AgendaEntry[];
};
const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const made = run([
    'conf',
    'new',
    'FOSDEM 2026',
    '--start',
    '2026-01-31',
    '--end',
    '2026-02-01',
    '--timezone',
    'Europe/Brussels',
  ]);
  expect(made.code, made.stderr).toBe(0);
  const imported = run(['import', FOSDEM]);
  expect(imported.code, imported.stderr).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

function starThree() {
  const starred = run(['agenda', '--star', WELCOME, '--star', KEYNOTE, '--star', WORKSHOP]);
  expect(starred.code, starred.stderr).toBe(0);
}

describe('clashes between starred talks', () => {
  it('the table names the other talk on both clashing rows, readable without colour', () => {
    starThree();
    const table = run(['agenda', '--starred']);
    expect(table.code, table.stderr).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(4);
    // A row ends with its talk's short ref (the table's last column).
    const refs = new Map(agendaJson().map((entry) => [entry.uid, entry.ref]));
    const row = (uid: string) => rows.find((line) => line.trimEnd().endsWith(`  ${refs.get(uid)}`))!;
    expect(row(KEYNOTE)).toContain(
      'FOSS in times of war, scarcity and (adversarial) AI  ⚠ clashes with RVPC RISC-V retro computer Soldering workshop',
    );
    expect(row(WORKSHOP)).toContain(
      'RVPC RISC-V retro computer Soldering workshop  ⚠ clashes with FOSS in times of war, scarcity and (adversarial) AI',
    );
    expect(row(WELCOME)).toContain('Welcome to FOSDEM 2026');
    expect(row(WELCOME)).not.toContain('⚠');
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stderr).toContain('⚠ clash');
  });

  it('--json keeps every key and adds clashes: the uids of the starred talks it overlaps', () => {
    const before = agendaJson()[0]!;
    expect(before.clashes).toEqual([]);
    starThree();
    const entries = agendaJson(['--starred']);
    // Every key agenda --json had (README), in its order, and clashes.
    const keys = Object.keys(entries[0]!);
    expect(keys.filter((key) => key !== 'clashes')).toEqual(
      Object.keys(before).filter((key) => key !== 'clashes'),
    );
    for (const key of [
      'uid',
      'title',
      'start',
      'end',
      'room',
      'track',
      'speakers',
      'url',
      'abstract',
      'status',
      'note',
      'all_day',
      'tags',
      'starred',
      'now',
      'clashes',
    ])
      expect(keys).toContain(key);
    expect(keys.indexOf('note')).toBe(10);
    expect(Object.fromEntries(entries.map((one) => [one.uid, one.clashes]))).toEqual({
      [WELCOME]: [],
      [KEYNOTE]: [WORKSHOP],
      [WORKSHOP]: [KEYNOTE],
    });
    // A talk that is not starred clashes with nothing, even while a starred one runs.
    const all = agendaJson();
    expect(all.filter((one) => !one.starred).every((one) => one.clashes.length === 0)).toBe(true);
    // Unstarred, the keynote no longer clashes with the workshop.
    expect(run(['agenda', '--unstar', KEYNOTE]).code).toBe(0);
    expect(agendaJson(['--starred']).every((one) => one.clashes.length === 0)).toBe(true);
  });
});

describe('the plan as iCalendar', () => {
  it('-o plan.ics: one event per starred talk with its title, UTC times, room, speakers, url and a reminder', () => {
    starThree();
    const starred = agendaJson(['--starred']);
    const written = run(['agenda', '--starred', '-o', 'plan.ics']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('plan.ics: written, 3 starred talks\n');
    const text = fs.readFileSync(path.join(ws, 'plan.ics'), 'utf8');
    const events = vevents(text);
    expect(events).toHaveLength(3);
    events.forEach((component, index) => {
      const talk = starred[index]!;
      const event = new ICAL.Event(component);
      expect(event.summary).toBe(talk.title);
      expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(talk.start));
      expect(event.endDate.toJSDate().getTime()).toBe(Date.parse(talk.end));
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(event.location).toBe(talk.room);
      expect(event.description).toBe(
        `Speaker${talk.speakers.length > 1 ? 's' : ''}: ${talk.speakers.join(', ')}\n${talk.url}`,
      );
      expect(component.getFirstPropertyValue('url')).toBe(talk.url);
      expect(String(component.getFirstPropertyValue('dtstamp'))).toBe('2026-01-20T10:00:00Z');
      const alarm = component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT10M');
    });
    expect(text).toContain('\r\nDTSTART:20260131T083000Z\r\n');
    // --format ics prints the same calendar on stdout.
    const printed = run(['agenda', '--starred', '--format', 'ics']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(text);
  });

  it('a second export replaces the first (same UIDs, higher SEQUENCE); --remind 0 has no alarm', () => {
    starThree();
    expect(run(['agenda', '-o', 'plan.ics']).code).toBe(0);
    const first = vevents(fs.readFileSync(path.join(ws, 'plan.ics'), 'utf8'));
    const again = run(['agenda', '-o', 'plan.ics', '--remind', '0'], {
      CONFNOTES_NOW: '2026-01-30T18:00:00Z',
    });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('plan.ics: updated, 3 starred talks\n');
    const text = fs.readFileSync(path.join(ws, 'plan.ics'), 'utf8');
    const second = vevents(text);
    expect(second.map((one) => one.getFirstPropertyValue('uid'))).toEqual(
      first.map((one) => one.getFirstPropertyValue('uid')),
    );
    expect(Number(second[0]!.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(first[0]!.getFirstPropertyValue('sequence')),
    );
    expect(text).not.toContain('VALARM');
    const five = run(['agenda', '--format', 'ics', '--remind', '5']);
    expect(five.stdout).toContain('\r\nTRIGGER:-PT5M\r\n');
  });

  it('refuses to replace a file that is not a plan export unless --force; bad --remind is a usage error', () => {
    starThree();
    const calendar = path.join(ws, 'work.ics');
    fs.writeFileSync(calendar, 'BEGIN:VCALENDAR\r\nPRODID:-//Work//EN\r\nEND:VCALENDAR\r\n');
    const refused = run(['agenda', '-o', 'work.ics']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'confnotes: work.ics exists and is not a confnotes plan; pass --force to replace it, or choose another file with -o\n',
    );
    expect(fs.readFileSync(calendar, 'utf8')).toContain('-//Work//EN');
    const forced = run(['agenda', '-o', 'work.ics', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(vevents(fs.readFileSync(calendar, 'utf8'))).toHaveLength(3);
    for (const bad of ['soon', '-3', '2.5']) {
      const result = run(['agenda', '-o', 'plan2.ics', '--remind', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/--remind ".*" is not a number of minutes/);
    }
    expect(fs.existsSync(path.join(ws, 'plan2.ics'))).toBe(false);
    // Never over a note or programme.yml, even with --force: a plan is an .ics file.
    const programme = path.join(ws, 'fosdem-2026', 'programme.yml');
    const bytes = fs.readFileSync(programme);
    const overProgramme = run(['agenda', '-o', programme, '--force']);
    expect(overProgramme.code).toBe(2);
    expect(overProgramme.stderr).toMatch(/the plan is an iCalendar file; give it a name ending in \.ics\n$/);
    expect(fs.readFileSync(programme)).toEqual(bytes);
    expect(run(['agenda', '--remind', '5']).code).toBe(2);
    expect(run(['agenda', '--format', 'ics', '--json']).code).toBe(2);
    expect(run(['agenda', '-o', 'missing-folder/plan.ics']).code).toBe(1);
  });
});

describe('--star-from a favourites export', () => {
  /** A pretalx-like "faved" calendar: two talks of the fixture by their own UIDs, one by another UID, one unknown. */
  function faved(): string {
    const agenda = agendaJson();
    const calendar = new ICAL.Component(['vcalendar', [], []]);
    calendar.updatePropertyWithValue('version', '2.0');
    calendar.updatePropertyWithValue('prodid', '-//pretalx//fosdem.org//faved');
    const add = (uid: string, title: string, start: string, end: string, room: string | null) => {
      const event = new ICAL.Event(new ICAL.Component('vevent'));
      event.uid = uid;
      event.summary = title;
      event.startDate = ICAL.Time.fromJSDate(new Date(start), true);
      event.endDate = ICAL.Time.fromJSDate(new Date(end), true);
      if (room) event.location = room;
      event.component.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(NOW), true));
      calendar.addSubcomponent(event.component);
    };
    for (const uid of [KEYNOTE, WORKSHOP]) {
      const talk = agenda.find((one) => one.uid === uid)!;
      add(talk.uid, talk.title, talk.start, talk.end, talk.room);
    }
    const other = agenda.find((one) => one.title.startsWith('Evolving Git'))!;
    add('pretalx-fosdem-2026-ABC123@pretalx.fosdem.org', other.title, other.start, other.end, other.room);
    add(
      'not-at-fosdem@example.org',
      'A talk at another conference',
      '2026-01-31T09:00:00Z',
      '2026-01-31T09:30:00Z',
      'K.1.105',
    );
    const file = path.join(home, 'faved.ics');
    fs.writeFileSync(file, `${calendar.toString()}\r\n`);
    return file;
  }

  it('stars the talks it finds (by UID, then the fallback), lists the one it does not, exit 0', () => {
    const file = faved();
    const result = run(['agenda', '--star-from', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('★ starred 3 talks; 1 not in the programme of FOSDEM 2026:');
    expect(result.stderr).toContain('  not found: A talk at another conference (2026-01-31 10:00)');
    const starred = agendaJson(['--starred']);
    expect(starred.map((one) => one.title)).toEqual([
      'FOSS in times of war, scarcity and (adversarial) AI',
      'RVPC RISC-V retro computer Soldering workshop',
      'Evolving Git for the next decade',
    ]);
    expect(starred.map((one) => one.uid).slice(0, 2)).toEqual([KEYNOTE, WORKSHOP]);
    // Again: nothing new, programme.yml untouched.
    const programme = path.join(ws, 'fosdem-2026', 'programme.yml');
    const bytes = fs.readFileSync(programme);
    const again = run(['agenda', '--star-from', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing new to star, its 3 talks are starred already');
    expect(fs.readFileSync(programme)).toEqual(bytes);
  });

  it('an unreadable file or one that is not iCalendar: exit 1 naming it, nothing starred', () => {
    const programme = path.join(ws, 'fosdem-2026', 'programme.yml');
    const bytes = fs.readFileSync(programme);
    const missing = run(['agenda', '--star-from', 'nowhere.ics']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('confnotes: nowhere.ics: cannot read: no such file\n');
    const json = path.join(home, 'faved.json');
    fs.writeFileSync(json, '{"talks": []}');
    const notIcs = run(['agenda', '--star-from', json]);
    expect(notIcs.code).toBe(1);
    expect(notIcs.stderr).toMatch(/^confnotes: .*faved\.json: not an iCalendar file/);
    const folder = run(['agenda', '--star-from', home]);
    expect(folder.code).toBe(1);
    const elsewhere = path.join(home, 'elsewhere.ics');
    fs.writeFileSync(
      elsewhere,
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:x@y\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260131T090000Z\r\nSUMMARY:Not here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const none = run(['agenda', '--star-from', elsewhere]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `  not found: Not here (2026-01-31 10:00)\nconfnotes: ${elsewhere}: its one talk is not in the programme of FOSDEM 2026; nothing was starred\n`,
    );
    expect(fs.readFileSync(programme)).toEqual(bytes);
    expect(run(['agenda', '--star-from', elsewhere, '--star', KEYNOTE]).code).toBe(2);
  });
});

describe('re-import rules the plan relies on', () => {
  it('an export reusing UIDs (MOCA 2024) warns once, with the count the file gives', () => {
    const file = path.join(REAL, 'moca-2024-duplicate-uids.ics');
    const uids = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('UID:'));
    const counts = new Map<string, number>();
    for (const uid of uids) counts.set(uid, (counts.get(uid) ?? 0) + 1);
    const reused = [...counts.values()].filter((n) => n > 1);
    const sharing = reused.reduce((sum, n) => sum + n, 0);
    expect(sharing).toBe(87);
    const made = run([
      'conf',
      'new',
      'MOCA 2024',
      '--start',
      '2024-09-13',
      '--end',
      '2024-09-15',
      '--timezone',
      'Europe/Rome',
    ]);
    expect(made.code, made.stderr).toBe(0);
    for (const round of ['first', 'again']) {
      const imported = run(['import', file]);
      expect(imported.code, imported.stderr).toBe(0);
      const warnings = imported.stderr.split('\n').filter((line) => line.startsWith('warning:'));
      expect(warnings, round).toEqual([
        `warning: ${file}: ${sharing} talks share ${reused.length} UIDs with others; kept each, told apart by its start (uid#start)`,
      ]);
    }
    expect(agendaJson()).toHaveLength(uids.length);
  });

  it('--replace replaces the programme: only the new export’s talks, stars and note links kept where the fallback matches', () => {
    starThree();
    const made = run(['new', '--from', WORKSHOP]);
    expect(made.code, made.stderr).toBe(0);
    // Another build of the programme: every guid new, every title but the keynote's and the workshop's changed.
    const kept = [
      'FOSS in times of war, scarcity and (adversarial) AI',
      'RVPC RISC-V retro computer Soldering workshop',
    ];
    const xml = fs
      .readFileSync(FOSDEM, 'utf8')
      .replace(/guid="([0-9a-f-]+)"/g, 'guid="rebuilt-$1"')
      .replace(/<title>([^<]*)<\/title>/g, (whole, title: string) =>
        title === 'FOSDEM 2026' || kept.includes(title) ? whole : `<title>Renamed: ${title}</title>`,
      );
    const rebuilt = path.join(home, 'rebuilt.xml');
    fs.writeFileSync(rebuilt, xml);
    const before = agendaJson();
    const replaced = run(['import', rebuilt, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain('2 talks have a new UID in this export');
    const after = agendaJson();
    expect(after).toHaveLength(before.length);
    expect(after.filter((one) => (one as unknown as { status: string }).status === 'removed')).toEqual([]);
    expect(after.filter((one) => one.title.startsWith('Renamed: '))).toHaveLength(before.length - 2);
    const byUid = new Map(after.map((one) => [one.uid, one]));
    expect(byUid.get(KEYNOTE)?.starred).toBe(true);
    expect(byUid.get(WORKSHOP)?.starred).toBe(true);
    expect(byUid.get(WORKSHOP)?.note).not.toBeNull();
    expect(byUid.has(WELCOME)).toBe(false);
    expect(after.filter((one) => one.starred).map((one) => one.uid)).toEqual([KEYNOTE, WORKSHOP]);
  });
});
