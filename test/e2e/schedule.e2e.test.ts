/** The programme through the built CLI: import → agenda → new --from, re-imports, bad files, stdin. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/note/note.js';
import { confnotes } from '../helpers/cli.js';
import { hostileExports } from '../helpers/hostile-corpus.js';
import { sharedSetup } from '../helpers/template.js';
import { tempDir } from '../helpers/workspace.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/schedule');
const fixture = (name: string) => path.join(FIXTURES, name);
const SLUG = 'spree-cloud-summit-2026';
// 10:15 in Berlin: three talks run in parallel. The machine is on the other side of the world.
const PARALLEL = '2026-06-16T08:15:00Z';
// 14:30 in Berlin: only the workshop is on.
const WORKSHOP = '2026-06-16T12:30:00+00:00';

let home: string;
let ws: string;
const run = (args: string[], env: Record<string, string | undefined> = {}, input?: string) =>
  confnotes(args, { cwd: ws, env: { TZ: 'Pacific/Auckland', CONFNOTES_NOW: PARALLEL, ...env }, input });
const programmeFile = () => path.join(ws, SLUG, 'programme.yml');
const agendaJson = (args: string[] = [], env: Record<string, string> = {}) => {
  const result = run(['agenda', '--json', ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
};

afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

// One workspace with the conference, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const made = run([
    'conf',
    'new',
    'Spree Cloud Summit 2026',
    '--start',
    '2026-06-16',
    '--end',
    '2026-06-18',
    '--timezone',
    'Europe/Berlin',
  ]);
  expect(made.code, made.stderr).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});

describe('import, agenda, new --from now', () => {
  it('imports the iCalendar programme and shows it in Berlin time on a machine in Auckland', () => {
    const imported = run(['import', fixture('programme-v1.ics')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'added     SCS26-T1@spree-cloud.example.org  2026-06-16 10:00  Backups, restores; and other lies\n',
    );
    expect(imported.stderr).toContain(
      `${SLUG}/programme.yml: 21 entries (21 added, 0 changed, 0 removed, 0 newly cancelled); times in Europe/Berlin`,
    );

    const agenda = run(['agenda', '--day', '2026-06-16']);
    expect(agenda.code).toBe(0);
    const lines = agenda.stdout.split('\n');
    // Issue 16: the short ref replaces the long uid in the table.
    expect(lines[0]).toMatch(/^\s+when\s+room\s+title\s+speakers\s+ref$/);
    const row = (title: string) => lines.find((line) => line.includes(title))!;
    expect(row('Opening keynote')).toMatch(
      /^ {3}\s+2026-06-16 09:00–09:45\s+Main Hall\s+Opening keynote: Clouds over the Spree\s+Grace Hopper/,
    );
    expect(row('Backups')).toMatch(/^▶\s+2026-06-16 10:00–10:40\s+Hall A/);
    expect(row('Zero-downtime')).toMatch(/^▶/);
    expect(row('Kubernetes operators')).toMatch(/^ /);
    expect(row('Day 1')).toMatch(/2026-06-16 all day/);
    expect(lines.filter((line) => line.includes('Coffee break'))).toHaveLength(1);
    expect(agenda.stdout).not.toContain('The state of open infrastructure');
    expect(agenda.stderr).toContain('times in Europe/Berlin');

    const entries = agendaJson();
    expect(entries).toHaveLength(21);
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
    ])
      expect(entries[0]).toHaveProperty(key);
    const keynote = entries.find((one) => one.uid === 'SCS26-K1@spree-cloud.example.org')!;
    expect(keynote).toMatchObject({
      start: '2026-06-16T09:00:00+02:00',
      end: '2026-06-16T09:45:00+02:00',
      status: 'confirmed',
      note: null,
      speakers: ['Grace Hopper'],
    });
  });

  it('without a terminal, lists the parallel talks as an error (exit 2); with a uid, scaffolds that one', () => {
    run(['import', fixture('programme-v1.ics')]);
    const now = run(['new', '--from', 'now']);
    expect(now.code).toBe(2);
    expect(now.stderr.trim().split('\n')).toHaveLength(1);
    expect(now.stderr).toContain('3 talks are on now');
    for (const uid of [
      'SCS26-T1@spree-cloud.example.org',
      'SCS26-T2@spree-cloud.example.org',
      'SCS26-T3@spree-cloud.example.org',
    ])
      expect(now.stderr).toContain(uid);
    expect(fs.readdirSync(path.join(ws, SLUG)).sort()).toEqual(['conference.md', 'programme.yml']);

    const chosen = run(['new', '--from', 'SCS26-T3']);
    expect(chosen.code, chosen.stderr).toBe(0);
    // The title's path characters never reach the file name.
    expect(chosen.stdout).toBe(`${SLUG}/2026-06-16-1000-etc-passwd-naming-things-is-hard.md\n`);
    const text = fs.readFileSync(path.join(ws, chosen.stdout.trim()), 'utf8');
    expect(parseNote(text).meta).toMatchObject({
      title: '../../etc/passwd: naming things is hard',
      programme: 'SCS26-T3@spree-cloud.example.org',
      room: 'Room 3',
    });
    expect(text).not.toMatch(/<script|<img|<p>/);
    expect(text).toContain('> We really mean it.');
  });

  it('scaffolds the talk on now, fills it from the programme, makes it current, and agenda marks it', () => {
    run(['import', fixture('programme-v1.ics')]);
    const made = run(['new', '--from', 'now'], { CONFNOTES_NOW: WORKSHOP });
    expect(made.code, made.stderr).toBe(0);
    const rel = `${SLUG}/2026-06-16-1400-hands-on-ebpf-tracing.md`;
    expect(made.stdout).toBe(`${rel}\n`);
    const text = fs.readFileSync(path.join(ws, rel), 'utf8');
    const { meta } = parseNote(text);
    expect(meta).toMatchObject({
      title: 'Hands-on: eBPF tracing',
      type: 'workshop',
      date: '2026-06-16',
      start: '14:00',
      end: '15:30',
      speakers: ['Brendan Gregg-Smith'],
      room: 'Room 3',
      track: 'Workshop',
      tags: ['workshop', 'observability'],
      links: { link: 'https://spree-cloud.example.org/2026/talk/W1/' },
      programme: 'SCS26-W1@spree-cloud.example.org',
    });
    expect(text).toContain(
      '## Abstract\n\n> Bring a laptop with Linux 6.x. We trace a slow service from syscalls to flame graphs.\n\n## Key takeaways',
    );
    expect(run(['current']).stdout).toBe(`${rel}\n`);
    expect(run(['jot', 'bpftrace one-liners first'], { CONFNOTES_NOW: WORKSHOP }).code).toBe(0);
    expect(fs.readFileSync(path.join(ws, rel), 'utf8')).toContain('- 14:30 bpftrace one-liners first\n');

    const entry = agendaJson([], { CONFNOTES_NOW: WORKSHOP }).find(
      (one) => one.uid === 'SCS26-W1@spree-cloud.example.org',
    )!;
    expect(entry.note).toBe('2026-06-16-1400-hands-on-ebpf-tracing');
    expect(run(['agenda', '--today'], { CONFNOTES_NOW: WORKSHOP }).stdout).toMatch(
      /^▶✎ +2026-06-16 14:00–15:30 +Room 3 +Hands-on: eBPF tracing/m,
    );

    // A second time: the same note becomes current again, no duplicate.
    run(['new', 'Something else']);
    const again = run(['new', '--from', 'SCS26-W1@spree-cloud.example.org']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${rel}\n`);
    expect(again.stderr).toContain('already has a note');
    expect(again.stderr).not.toContain('not applied');
    expect(run(['current']).stdout).toBe(`${rel}\n`);
    // Options that would shape a new note are named, not silently dropped; the note is left as it was.
    const before = fs.readFileSync(path.join(ws, rel), 'utf8');
    const shaped = run([
      'new',
      '--from',
      'SCS26-W1@spree-cloud.example.org',
      '--tag',
      'ebpf',
      '--rating',
      '4',
    ]);
    expect(shaped.code).toBe(0);
    expect(shaped.stderr).toContain(
      '--tag, --rating not applied: the note exists; change it with: confnotes set',
    );
    expect(fs.readFileSync(path.join(ws, rel), 'utf8')).toBe(before);
  });

  it('next is the first talk starting after now; unknown uids and empty slots are one-line errors', () => {
    run(['import', fixture('programme-v1.ics')]);
    const next = run(['new', '--from', 'next'], { CONFNOTES_NOW: WORKSHOP });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toBe(`${SLUG}/2026-06-17-0900-the-state-of-open-infrastructure.md\n`);
    expect(parseNote(fs.readFileSync(path.join(ws, next.stdout.trim()), 'utf8')).meta.type).toBe('keynote');

    const unknown = run(['new', '--from', 'no-such-talk']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'confnotes: no entry "no-such-talk" in the programme of Spree Cloud Summit 2026; see: confnotes agenda\n',
    );

    const evening = run(['new', '--from', 'now'], { CONFNOTES_NOW: '2026-06-16T20:00:00Z' });
    expect(evening.code).toBe(1);
    expect(evening.stderr).toMatch(
      /^confnotes: no talk is on at 2026-06-16 22:00 \(Europe\/Berlin\); next: SCS26-K2@spree-cloud\.example\.org .*\n$/,
    );

    const both = run(['new', 'Title', '--from', 'now']);
    expect(both.code).toBe(2);
  });

  it('a uid prefix shared by several talks: the same one-line usage error from agenda --star and new --from', () => {
    run(['import', fixture('programme-v1.ics')]);
    const before = fs.readFileSync(programmeFile());
    const star = run(['agenda', '--star', 'SCS26-T']);
    const from = run(['new', '--from', 'SCS26-T']);
    for (const result of [star, from]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^confnotes: "SCS26-T" matches \d+ entries: SCS26-T1@spree-cloud\.example\.org, .*; give more of the uid\n$/,
      );
    }
    expect(from.stderr).toBe(star.stderr);
    expect(fs.readFileSync(programmeFile())).toEqual(before);
  });

  it('an export with impossible dates or malformed recurrences: one line, exit 1, the programme as it was', () => {
    run(['import', fixture('programme-v1.ics')]);
    const before = fs.readFileSync(programmeFile());
    for (const hostile of hostileExports().filter((one) => one.code === 1)) {
      const file = path.join(home, hostile.name);
      fs.writeFileSync(file, hostile.text);
      const result = run(['import', file]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.startsWith(`confnotes: ${file}:`)).toBe(true);
      expect(fs.readFileSync(programmeFile())).toEqual(before);
    }
    expect(run(['agenda']).code).toBe(0);
  });

  it('says how to import when there is no programme', () => {
    const result = run(['agenda']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no programme yet; import one with: confnotes import/);
    expect(run(['new', '--from', 'now']).code).toBe(1);
  });
});

describe('re-importing', () => {
  it('reports added, changed, removed and cancelled talks, and never touches notes', () => {
    run(['import', fixture('programme-v1.ics')]);
    const note = run(['new', '--from', 'SCS26-T9']); // Multi-region Kafka, dropped in v2
    const noteFile = path.join(ws, note.stdout.trim());
    const edge = run(['new', '--from', 'SCS26-T5']); // Edge caching, moved in v2
    const edgeFile = path.join(ws, edge.stdout.trim());
    const before = [fs.readFileSync(noteFile), fs.readFileSync(edgeFile)];

    const second = run(['import', fixture('programme-v2.ics')]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(
      'added     SCS26-L1@spree-cloud.example.org  2026-06-18 11:00  Lightning talks',
    );
    expect(second.stdout).toContain(
      'changed   SCS26-T5@spree-cloud.example.org  Edge caching for the rest of us: start 2026-06-16 11:00 → 2026-06-16 15:00; end 2026-06-16 11:40 → 2026-06-16 15:40; room Hall B → Hall A',
    );
    expect(second.stdout).toContain(
      'changed   SCS26-T7@spree-cloud.example.org  Rust in the control plane: status confirmed → cancelled',
    );
    expect(second.stdout).toContain(
      'removed   SCS26-T9@spree-cloud.example.org  2026-06-17 14:00  Multi-region Kafka',
    );
    expect(second.stderr).toContain('(1 added, 2 changed, 1 removed, 1 newly cancelled)');
    expect([fs.readFileSync(noteFile), fs.readFileSync(edgeFile)]).toEqual(before);

    const byUid = new Map(agendaJson().map((one) => [one.uid, one]));
    expect(byUid.get('SCS26-T9@spree-cloud.example.org')).toMatchObject({
      status: 'removed',
      note: path.basename(noteFile, '.md'),
    });
    expect(byUid.get('SCS26-T7@spree-cloud.example.org')!.status).toBe('cancelled');
    expect(byUid.get('SCS26-T5@spree-cloud.example.org')).toMatchObject({
      start: '2026-06-16T15:00:00+02:00',
      room: 'Hall A',
    });
    expect(run(['agenda', '--day', '2026-06-17']).stdout).toMatch(/Rust in the control plane \(cancelled\)/);

    // The same export again: nothing to say, nothing written.
    const bytes = fs.readFileSync(programmeFile());
    const third = run(['import', fixture('programme-v2.ics')]);
    expect(third.code).toBe(0);
    expect(third.stdout).toBe('');
    expect(third.stderr).toContain('already up to date');
    expect(fs.readFileSync(programmeFile())).toEqual(bytes);
  });

  it('keeps stars across re-imports; --starred lists them', () => {
    run(['import', fixture('schedule-v1.json')]);
    const star = run(['agenda', '--star', '6f1c2a10-0009']);
    expect(star.code, star.stderr).toBe(0);
    expect(star.stderr).toContain('★ starred: Observability without the bill');
    run(['import', fixture('schedule-v2.json')]);
    expect(agendaJson(['--starred']).map((one) => one.title)).toEqual(['Observability without the bill']);
    expect(run(['agenda', '--unstar', '6f1c2a10-0009-4c1e-9a6e-5c0de0000009']).code).toBe(0);
    expect(agendaJson(['--starred'])).toEqual([]);
  });

  it('stars several talks at once, or none when one uid is unknown', () => {
    run(['import', fixture('schedule-v1.json')]);
    const before = fs.readFileSync(programmeFile());
    expect(run(['agenda', '--star', '6f1c2a10-0009', '--star', 'no-such-talk']).code).toBe(1);
    expect(fs.readFileSync(programmeFile())).toEqual(before);
    const both = run(['agenda', '--star', '6f1c2a10-0009', '--star', '6f1c2a10-0001']);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr.match(/★ starred/g)).toHaveLength(2);
    expect(agendaJson(['--starred'])).toHaveLength(2);
  });
});

describe('an import that would empty the programme', () => {
  it('refuses a file with no talks, and one that shares no talk with the programme, unless --replace', () => {
    run(['import', fixture('schedule-v1.json')]);
    const before = fs.readFileSync(programmeFile());
    const empty = path.join(ws, 'empty.ics');
    fs.writeFileSync(empty, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n');
    const none = run(['import', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/empty\.ics: holds no talks; the programme was left as it was\n$/);
    const other = path.join(ws, 'other.json');
    const json = JSON.parse(fs.readFileSync(fixture('schedule-v1.json'), 'utf8'));
    // Another conference: other UIDs and other titles (a newer export of this one keeps its titles).
    for (const day of json.schedule.conference.days)
      for (const talks of Object.values(day.rooms) as { guid: string; title: string }[][])
        for (const talk of talks) {
          talk.guid = `other-${talk.guid}`;
          talk.title = `Elsewhere: ${talk.title}`;
        }
    fs.writeFileSync(other, JSON.stringify(json));
    const refused = run(['import', other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/shares no talk with the \d+ already imported .*Pass --replace/);
    expect(fs.readFileSync(programmeFile())).toEqual(before);
    const replaced = run(['import', other, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/^removed /m);
  });
});

describe('a newer export whose UIDs changed (issue 14)', () => {
  type Talk = { guid: string; title: string; date: string; start: string };
  /** schedule-v1.json with every guid renamed, and `edit` applied to each talk. */
  const renamed = (edit: (talk: Talk) => void = () => {}) => {
    const json = JSON.parse(fs.readFileSync(fixture('schedule-v1.json'), 'utf8'));
    for (const day of json.schedule.conference.days)
      for (const talks of Object.values(day.rooms) as Talk[][])
        for (const talk of talks) {
          talk.guid = `build2-${talk.guid.slice(-4)}`;
          edit(talk);
        }
    const file = path.join(home, 'build2.json');
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const uids = () => agendaJson().map((one) => `${one.uid} ${one.title}`);

  it('matches every talk to the one already imported: no flag, no talk twice, stars kept', () => {
    run(['import', fixture('schedule-v1.json')]);
    const before = uids();
    expect(run(['agenda', '--star', '6f1c2a10-0009']).code).toBe(0);
    const again = run(['import', renamed()]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(`${before.length} talks have a new UID in this export`);
    expect(again.stderr).toContain('(0 added, 0 changed, 0 removed, 0 newly cancelled)');
    expect(uids()).toEqual(before);
    expect(agendaJson(['--starred']).map((one) => one.title)).toEqual(['Observability without the bill']);
  });

  it('a talk that moved and got a new UID is one changed talk, found by its title', () => {
    run(['import', fixture('schedule-v1.json')]);
    const count = agendaJson().length;
    const moved = renamed((talk) => {
      if (talk.title !== 'Multi-region Kafka') return;
      talk.date = '2026-06-17T16:00:00+02:00';
      talk.start = '16:00';
    });
    const result = run(['import', moved]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/^(added|removed) /m);
    expect(result.stdout).toMatch(
      /^changed +6f1c2a10-0012-4c1e-9a6e-5c0de0000012 +Multi-region Kafka: .*16:00/m,
    );
    const kafka = agendaJson().filter((one) => one.title === 'Multi-region Kafka');
    expect(kafka).toHaveLength(1);
    expect(kafka[0]!.start).toBe('2026-06-17T16:00:00+02:00');
    expect(agendaJson()).toHaveLength(count);
  });

  it('an export that gives many talks one UID still shows each talk once', () => {
    run(['import', fixture('programme-v1.ics')]);
    const before = uids();
    const text = fs
      .readFileSync(fixture('programme-v1.ics'), 'utf8')
      .replace(/^UID:SCS26-[^\r\n]*/gm, 'UID:SCS26-ALL@new.example.org');
    const file = path.join(home, 'one-uid.ics');
    fs.writeFileSync(file, text);
    const result = run(['import', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/talks share a UID with others/);
    expect(result.stderr).toMatch(/\d+ talks have a new UID in this export/);
    expect(uids()).toEqual(before);
  });
});

describe('bad input', () => {
  it('a truncated or malformed file: one line naming file and line, exit 1, the previous programme untouched', () => {
    run(['import', fixture('programme-v1.ics')]);
    const bytes = fs.readFileSync(programmeFile());
    const good = fs.readFileSync(fixture('programme-v2.ics'), 'utf8');
    const truncated = path.join(home, 'truncated.ics');
    const cut = good.slice(0, good.indexOf('SCS26-T8'));
    fs.writeFileSync(truncated, cut);
    const result = run(['import', truncated]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `confnotes: ${truncated}:${cut.split('\r\n').length}: the file ends inside BEGIN:VEVENT of line ${cut.split('\r\n').length - 1} (truncated?)\n`,
    );
    expect(fs.readFileSync(programmeFile())).toEqual(bytes);

    const json = path.join(home, 'bad.json');
    fs.writeFileSync(json, '{\n  "schedule": {\n    "conference": \n  }\n}\n');
    const bad = run(['import', json]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      new RegExp(
        `^confnotes: ${json.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4: not valid JSON: unexpected "}"\n$`,
      ),
    );
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(programmeFile())).toEqual(bytes);

    const other = path.join(home, 'notes.txt');
    fs.writeFileSync(other, 'just some text\n');
    expect(run(['import', other]).stderr).toMatch(/:1: neither iCalendar .* nor pretalx/);
    expect(run(['import', path.join(home, 'missing.ics')]).stderr).toMatch(
      /missing\.ics: cannot read: no such file/,
    );
    expect(run(['import', other, '--format', 'xml']).code).toBe(2);
  });
});

describe('stdin', () => {
  it('imports pretalx JSON from stdin with -', () => {
    const result = run(['import', '-'], {}, fs.readFileSync(fixture('schedule-v1.json'), 'utf8'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('15 entries (15 added');
    const entries = agendaJson(['--room', 'hall a']);
    expect(entries.map((one) => one.title)).toContain('Backups, restores; and other lies');
    expect(entries.every((one) => one.room === 'Hall A')).toBe(true);
    expect(agendaJson(['--tag', 'security']).map((one) => one.title)).toEqual([
      '../../etc/passwd: naming things is hard',
      'Secrets management at scale',
    ]);
    expect(agendaJson(['--search', 'LOVELACE']).map((one) => one.title)).toEqual([
      'Backups, restores; and other lies',
    ]);
  });

  it('reports a malformed stdin as <stdin>', () => {
    const result = run(['import', '-'], {}, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'confnotes: <stdin>:2: the file ends inside BEGIN:VEVENT of line 2 (truncated?)\n',
    );
    expect(fs.existsSync(programmeFile())).toBe(false);
  });
});

describe('help', () => {
  it('shows examples for import and agenda', () => {
    for (const command of ['import', 'agenda']) {
      const result = run([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples:\n\s+\$ confnotes/);
    }
  });

  it('rejects --day with --today', () => {
    expect(run(['agenda', '--day', '2026-06-16', '--today']).code).toBe(2);
  });
});

describe('the sample conference', () => {
  it('ships a programme consistent with its .ics and its notes', () => {
    const sample = path.join(tempDir(), 'notes');
    fs.cpSync(path.resolve(__dirname, '../../notes'), sample, { recursive: true });
    const inSample = (args: string[]) =>
      confnotes(['--dir', sample, ...args], {
        cwd: sample,
        env: { TZ: 'Asia/Tokyo', CONFNOTES_NOW: '2013-04-16T18:15:00Z' },
      });
    const agenda = inSample(['agenda', '--conf', 'openstack-summit-2013', '--json']);
    expect(agenda.code, agenda.stderr).toBe(0);
    const entries = JSON.parse(agenda.stdout) as {
      uid: string;
      title: string;
      start: string;
      note: string | null;
      now: boolean;
    }[];
    const linked = entries.filter((entry) => entry.note !== null);
    expect(linked).toHaveLength(12);
    for (const entry of linked) {
      const { meta } = parseNote(
        fs.readFileSync(path.join(sample, 'openstack-summit-2013', `${entry.note}.md`), 'utf8'),
      );
      expect(meta.title).toBe(entry.title);
      expect(`${meta.date}T${meta.start}:00-07:00`).toBe(entry.start);
    }
    expect(entries.filter((entry) => entry.now).map((entry) => entry.title)).toEqual([
      'Orchestrating Fibre Channel in Cinder',
      'Keystone Federation Deep Dive',
    ]);
    const again = inSample([
      'import',
      fixture('openstack-summit-2013.ics'),
      '--conf',
      'openstack-summit-2013',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already up to date (25 entries');
  });
});
