/**
 * Real exports (test/fixtures/real, see PROVENANCE.md) imported with the built
 * CLI, every entry checked against a reading of the file done here, without
 * the product's parsers: fast-xml-parser for schedule.xml, JSON.parse for the
 * JSON formats, and a minimal unfold-and-split for iCalendar.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeXML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

const REAL = path.resolve(__dirname, '../fixtures/real');
const real = (name: string) => path.join(REAL, name);

/** What the file says about one talk: the start as an instant (ms), or a bare day for all-day ones. */
interface Talk {
  title: string;
  start: number | string;
  room: string | null;
  speakers: string[];
}

const squash = (text: unknown) =>
  String(text ?? '')
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const orNull = (text: string) => text || null;
/** The product's documented title rule: at most 200 characters, "(untitled)" when empty. */
const title = (text: unknown) => [...squash(text)].slice(0, 200).join('').trim() || '(untitled)';

/** Wall time in an IANA zone → instant, by asking Intl what the wall time of a guess is. */
function zoned(day: string, time: string, zone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wanted = Date.UTC(y!, m! - 1, d!, h!, mi!);
  let guess = wanted;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (let i = 0; i < 3; i++) {
    const parts = Object.fromEntries(format.formatToParts(guess).map((part) => [part.type, part.value]));
    const shown = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
    guess += wanted - shown;
  }
  return guess;
}

interface XmlEvent {
  title?: unknown;
  date?: string;
  start: string;
  room?: unknown;
  persons?: { person?: unknown[] };
}
interface XmlDay {
  '@_date': string;
  event?: XmlEvent[];
  room?: { event?: XmlEvent[] }[];
}
interface FrabTalk {
  title: string;
  date: string;
  room: string;
  persons: { public_name?: string; name?: string }[];
}
interface V2Event {
  title: string;
  start: string;
  room: { name: string };
  participants: { name: string; role: string }[];
}
interface AgendaEntry {
  uid: string;
  title: string;
  start: string;
  all_day: boolean;
  room: string | null;
  speakers: string[];
  abstract: string | null;
}

function readXml(file: string, zone: string): Talk[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: false,
    isArray: (name, jpath) =>
      ['schedule.day', 'schedule.day.room'].includes(String(jpath)) || name === 'event' || name === 'person',
  });
  const doc = parser.parse(fs.readFileSync(file, 'utf8')) as { schedule: { day: XmlDay[] } };
  const text = (value: unknown) =>
    decodeXML(
      String(
        typeof value === 'object' && value
          ? ((value as { '#text'?: unknown })['#text'] ?? '')
          : (value ?? ''),
      ),
    );
  const talks: Talk[] = [];
  for (const day of doc.schedule.day) {
    const events = [...(day.event ?? []), ...(day.room ?? []).flatMap((room) => room.event ?? [])];
    for (const event of events) {
      const persons = event.persons?.person ?? [];
      talks.push({
        title: title(text(event.title)),
        start: event.date ? Date.parse(event.date) : zoned(day['@_date'], event.start, zone),
        room: orNull(squash(text(event.room))),
        speakers: persons.map((person) => squash(text(person))),
      });
    }
  }
  return talks;
}

function readFrabJson(file: string): Talk[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    schedule: { conference: { days: { rooms: Record<string, FrabTalk[]> }[] } };
  };
  return data.schedule.conference.days.flatMap((day) =>
    Object.values(day.rooms).flatMap((talks) =>
      talks.map((talk) => ({
        title: title(talk.title),
        start: Date.parse(talk.date),
        room: orNull(squash(talk.room)),
        speakers: talk.persons.map((person) => squash(person.public_name ?? person.name)),
      })),
    ),
  );
}

function readScheduleV2(file: string): Talk[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { schedule: { events: V2Event[] } };
  return data.schedule.events.map((event) => ({
    title: title(event.title),
    start: Date.parse(event.start),
    room: orNull(squash(event.room.name)),
    speakers: event.participants
      .filter((person) => person.role === 'SPEAKER')
      .map((person) => squash(person.name)),
  }));
}

/** iCalendar, read plainly: unfold the bytes, decode, split VEVENTs, take the few properties compared. */
function readIcs(file: string, zone: string): Talk[] {
  const unfolded = Buffer.from(
    fs
      .readFileSync(file)
      .toString('latin1')
      .replace(/\r?\n[ \t]/g, ''),
    'latin1',
  ).toString('utf8');
  const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c) => (/n/i.test(c) ? '\n' : c));
  return unfolded
    .split(/\r?\nBEGIN:VEVENT\r?\n/)
    .slice(1)
    .map((block) => {
      const lines = block.split(/\r?\nEND:VEVENT/)[0]!.split(/\r?\n/);
      const prop = (name: string) => lines.find((line) => new RegExp(`^${name}[;:]`, 'i').test(line));
      const value = (line: string | undefined) => (line ? line.slice(line.indexOf(':') + 1) : '');
      const dtstart = prop('DTSTART')!;
      const raw = value(dtstart).trim();
      const stamp = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}(Z?))?$/.exec(raw)!;
      const day = `${stamp[1]}-${stamp[2]}-${stamp[3]}`;
      const tzid = /TZID=([^;:]+)/.exec(dtstart)?.[1];
      const start = !stamp[4]
        ? day
        : stamp[6]
          ? Date.parse(`${day}T${stamp[4]}:${stamp[5]}:00Z`)
          : zoned(day, `${stamp[4]}:${stamp[5]}`, tzid ?? zone);
      const cn = (line: string) => /CN=("[^"]*"|[^;:]*)/.exec(line)?.[1]?.replace(/^"|"$/g, '') ?? '';
      const attendees = lines.filter((line) => /^ATTENDEE[;:]/i.test(line)).map(cn);
      const organizer = prop('ORGANIZER');
      return {
        title: title(unescapeText(value(prop('SUMMARY')))),
        start,
        room: orNull(squash(unescapeText(value(prop('LOCATION'))))),
        // Generators escape names as text (`\\n`), and so the names are read.
        speakers: (attendees.length ? attendees : organizer ? [cn(organizer)] : [])
          .map((name) => squash(unescapeText(name)))
          .filter(Boolean),
      };
    });
}

const CASES: {
  file: string;
  zone: string;
  start: string;
  end: string;
  read: (file: string, zone: string) => Talk[];
  count: number;
}[] = [
  {
    file: 'pretalx-rc3.json',
    zone: 'Europe/Berlin',
    start: '2020-12-27',
    end: '2020-12-30',
    read: readFrabJson,
    count: 48,
  },
  {
    file: 'frab-camp2019.json',
    zone: 'Europe/Berlin',
    start: '2019-08-21',
    end: '2019-08-25',
    read: readFrabJson,
    count: 79,
  },
  {
    file: 'hub-schedule2.json',
    zone: 'Europe/Berlin',
    start: '2024-12-27',
    end: '2024-12-30',
    read: readScheduleV2,
    count: 2,
  },
  {
    file: 'fosdem-2026-schedule.xml',
    zone: 'Europe/Brussels',
    start: '2026-01-31',
    end: '2026-02-01',
    read: readXml,
    count: 47,
  },
  {
    file: 'fosdem-2007-schedule.xml',
    zone: 'Europe/Brussels',
    start: '2007-02-25',
    end: '2007-02-26',
    read: readXml,
    count: 215,
  },
  {
    file: 'pretalx-democon.ics',
    zone: 'Europe/Berlin',
    start: '2022-09-06',
    end: '2022-09-24',
    read: readIcs,
    count: 36,
  },
  {
    file: 'pyconuk-2015-vobject.ics',
    zone: 'Europe/London',
    start: '2015-09-18',
    end: '2015-09-21',
    read: readIcs,
    count: 162,
  },
  {
    file: 'moca-2024-duplicate-uids.ics',
    zone: 'Europe/Rome',
    start: '2024-09-13',
    end: '2024-09-15',
    read: readIcs,
    count: 88,
  },
  {
    file: 'icalendar-rb-bad-wrapping.ics',
    zone: 'UTC',
    start: '2020-09-02',
    end: '2020-09-02',
    read: readIcs,
    count: 1,
  },
];

let home: string;
let ws: string;
const run = (args: string[], input?: string) =>
  confnotes(args, { cwd: ws, env: { TZ: 'Pacific/Auckland', CONFNOTES_NOW: '2030-01-01T00:00:00Z' }, input });

// One `init` per file, a copy of it per test.
const fresh = sharedSetup((template) => {
  expect(confnotes(['init', path.join(template, 'ws')], { cwd: template }).code).toBe(0);
});

beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

function conference(c: (typeof CASES)[number]) {
  const made = run(['conf', 'new', 'Real Conf', '--start', c.start, '--end', c.end, '--timezone', c.zone]);
  expect(made.code, made.stderr).toBe(0);
}

const key = (talk: Talk) => JSON.stringify([talk.start, talk.title, talk.room, talk.speakers]);

describe('real programmes, every entry against the file', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.count} talks with their titles, start instants, rooms and speakers`, () => {
      conference(c);
      const imported = run(['import', real(c.file)]);
      expect(imported.code, imported.stderr).toBe(0);
      const expected = c.read(real(c.file), c.zone);
      expect(expected).toHaveLength(c.count);
      const agenda = run(['agenda', '--json']);
      expect(agenda.code, agenda.stderr).toBe(0);
      const entries = JSON.parse(agenda.stdout) as AgendaEntry[];
      expect(entries).toHaveLength(c.count);
      const got = entries.map((entry) => ({
        title: entry.title,
        start: entry.all_day ? entry.start : Date.parse(entry.start),
        room: entry.room,
        speakers: entry.speakers,
      }));
      expect(got.map(key).sort()).toEqual(expected.map(key).sort());
      expect(new Set(entries.map((entry) => entry.uid)).size).toBe(c.count);
      // An unchanged export imported again changes nothing.
      const again = run(['import', real(c.file)]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('already up to date');
    });
  }
});

describe('what the real files need', () => {
  it('reads an .ics folded inside a UTF-8 character (no-break space cut between C2 and A0)', () => {
    const bytes = fs.readFileSync(real('icalendar-rb-bad-wrapping.ics'));
    expect(bytes.includes(Buffer.from([0xc2, 0x0d, 0x0a, 0x20, 0xa0]))).toBe(true);
    conference(CASES.find((c) => c.file === 'icalendar-rb-bad-wrapping.ics')!);
    const imported = run(['import', real('icalendar-rb-bad-wrapping.ics')]);
    expect(imported.code, imported.stderr).toBe(0);
    const [entry] = JSON.parse(run(['agenda', '--json']).stdout);
    expect(entry.abstract).toBe('Event description that puts a UTF-8 multi-octet sequence right\u00a0here.');
    expect(entry.all_day).toBe(true);
  });

  it('keeps the 67 MOCA talks that share UID 46939 apart, with one warning', () => {
    conference(CASES.find((c) => c.file === 'moca-2024-duplicate-uids.ics')!);
    const imported = run(['import', real('moca-2024-duplicate-uids.ics')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr.match(/share/g)).toHaveLength(1);
    const entries = JSON.parse(run(['agenda', '--json']).stdout) as { uid: string }[];
    expect(entries.filter((entry) => entry.uid.startsWith('46939#'))).toHaveLength(67);
  });

  it('keeps schedule v2 fields: subtitle, track name from its slug, speakers by role, links', () => {
    conference(CASES.find((c) => c.file === 'hub-schedule2.json')!);
    expect(run(['import', real('hub-schedule2.json')]).code).toBe(0);
    const yml = fs.readFileSync(path.join(ws, 'real-conf', 'programme.yml'), 'utf8');
    expect(yml).toContain('subtitle: Most Wanted Using Deep Reinforcement Learning');
    expect(yml).toContain('track: Hardware & Making');
    expect(yml).toContain('- hardware-making');
    expect(yml).not.toContain('Senficon'); // a CONTRIBUTOR, not a speaker
    expect(yml).toContain('url: https://example.net/foo/bar/1235.pdf');
    const byTag = JSON.parse(run(['agenda', '--json', '--tag', 'hardware-making']).stdout);
    expect(byTag.map((entry: { title: string }) => entry.title)).toEqual([
      'A Competitive Time-Trial AI for Need for Speed:',
    ]);
  });

  it('makes a workshop note from a FOSDEM workshop', () => {
    conference(CASES.find((c) => c.file === 'fosdem-2026-schedule.xml')!);
    expect(run(['import', real('fosdem-2026-schedule.xml')]).code).toBe(0);
    const entries = JSON.parse(run(['agenda', '--json', '--room', 'UA4.218']).stdout) as { uid: string }[];
    expect(entries).toHaveLength(1);
    const made = run(['new', '--from', entries[0]!.uid]);
    expect(made.code, made.stderr).toBe(0);
    const file = made.stdout.trim().split('\n').pop()!;
    const text = fs.readFileSync(path.resolve(ws, file), 'utf8');
    expect(text).toMatch(/^type: workshop$/m);
  });
});

describe('notes from real programmes', () => {
  it('a pretalx "Workshop 110min" makes a workshop note', () => {
    conference(CASES.find((c) => c.file === 'pretalx-rc3.json')!);
    expect(run(['import', real('pretalx-rc3.json')]).code).toBe(0);
    const data = JSON.parse(fs.readFileSync(real('pretalx-rc3.json'), 'utf8'));
    const talks = data.schedule.conference.days.flatMap((day: { rooms: Record<string, unknown[]> }) =>
      Object.values(day.rooms).flat(),
    ) as { guid: string; type: string }[];
    const workshop = talks.find((talk) => talk.type === 'Workshop 110min')!;
    const made = run(['new', '--from', workshop.guid]);
    expect(made.code, made.stderr).toBe(0);
    const text = fs.readFileSync(path.resolve(ws, made.stdout.trim().split('\n').pop()!), 'utf8');
    expect(text).toMatch(/^type: workshop$/m);
  });

  it('a frab lecture: a session note quoting the abstract, then the description', () => {
    conference(CASES.find((c) => c.file === 'frab-camp2019.json')!);
    expect(run(['import', real('frab-camp2019.json')]).code).toBe(0);
    const made = run(['new', '--from', 'c9edea6f-1da1-4772-a0a9-6dd4e33f11bb']);
    expect(made.code, made.stderr).toBe(0);
    const text = fs.readFileSync(path.resolve(ws, made.stdout.trim().split('\n').pop()!), 'utf8');
    expect(text).toMatch(/^type: session$/m);
    const abstract = text.indexOf('> Introducing you to card10');
    const description = text.indexOf("> This year's 0b10nd edition of the camp badge is card10.");
    expect(abstract).toBeGreaterThan(0);
    expect(description).toBeGreaterThan(abstract);
  });
});

describe('golden agenda', () => {
  it('FOSDEM 2026 (schedule.xml) as `agenda` prints it, byte for byte', () => {
    conference(CASES.find((c) => c.file === 'fosdem-2026-schedule.xml')!);
    expect(run(['import', real('fosdem-2026-schedule.xml')]).code).toBe(0);
    const agenda = run(['agenda']);
    expect(agenda.code, agenda.stderr).toBe(0);
    const file = path.resolve(__dirname, '../golden/fosdem-2026-agenda.txt');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, agenda.stdout);
    if (!fs.existsSync(file))
      throw new Error(`${file} is missing; create it with UPDATE_GOLDEN=1 npx vitest run ${__filename}`);
    expect(agenda.stdout).toBe(fs.readFileSync(file, 'utf8'));
  });
});

describe('broken exports of the new formats', () => {
  it('a truncated schedule.xml or schedule v2 file: one line with file and line, exit 1, nothing written', () => {
    conference(CASES.find((c) => c.file === 'fosdem-2026-schedule.xml')!);
    expect(run(['import', real('fosdem-2026-schedule.xml')]).code).toBe(0);
    const programme = path.join(ws, 'real-conf', 'programme.yml');
    const before = fs.readFileSync(programme);
    const text = fs.readFileSync(real('fosdem-2026-schedule.xml'), 'utf8');
    const cut = path.join(home, 'cut.xml');
    fs.writeFileSync(cut, text.slice(0, text.indexOf('</event>', 20_000)));
    const bad = run(['import', cut]);
    expect(bad.code).toBe(1);
    // Named at its last line, with the elements left open: a download cut short, not a riddle.
    const lastLine = text.slice(0, text.indexOf('</event>', 20_000)).replace(/\s+$/, '').split('\n').length;
    expect(bad.stderr).toMatch(
      new RegExp(
        `^confnotes: .*cut\\.xml:${lastLine}: the file ends inside <event> \\(of <room> of <day> of <schedule>\\): cut short\\? export it again\\n$`,
      ),
    );
    // A file broken elsewhere keeps the parser's words, at its line.
    const broken = path.join(home, 'broken.xml');
    fs.writeFileSync(broken, text.replace('</title>', '</titel>'));
    expect(run(['import', broken]).stderr).toMatch(
      /^confnotes: .*broken\.xml:\d+: not well-formed XML: .+\n$/,
    );
    const v2 = path.join(home, 'bad-v2.json');
    const hub = JSON.parse(fs.readFileSync(real('hub-schedule2.json'), 'utf8'));
    hub.schedule.events[1].start = 'soon';
    fs.writeFileSync(v2, JSON.stringify(hub, null, 2));
    const badV2 = run(['import', v2, '--replace']);
    expect(badV2.code).toBe(1);
    expect(badV2.stderr).toMatch(
      /^confnotes: .*bad-v2\.json:\d+: event b1740c2f-.* is not an ISO 8601 date-time\n$/,
    );
    expect(fs.readFileSync(programme)).toEqual(before);
  });
});
