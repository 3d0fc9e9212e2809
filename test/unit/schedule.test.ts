/** Reading programme exports: iCalendar through ical.js, pretalx/frab JSON; every problem with its line. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStored, type FreshEntry } from '../../src/core/programme/programme.js';
import { ScheduleError } from '../../src/core/programme/schedule-common.js';
import { decodeSchedule, detectFormat, parseSchedule } from '../../src/core/programme/schedule.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/schedule');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const CONF = { zone: 'Europe/Berlin', firstDay: '2026-06-16', lastDay: '2026-06-18' };

async function stored(text: string, options = CONF): Promise<Map<string, FreshEntry>> {
  const parsed = await parseSchedule(text, options);
  return new Map(parsed.entries.map((entry) => [entry.uid, toStored(entry, options.zone)]));
}

async function errorOf(text: string, options = CONF): Promise<ScheduleError> {
  try {
    await parseSchedule(text, options);
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

// The machine's zone must never leak into stored times: run these far from Berlin.
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('the iCalendar fixture', () => {
  it('is a real export: CRLF line ends, folded lines, escapes, a BOM variant', () => {
    const text = fixture('programme-v1.ics');
    expect(text.split('\r\n').length).toBeGreaterThan(100);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toMatch(/\r\n [^\r\n]/); // at least one folded line
    expect(text).toContain('SUMMARY:Backups\\, restores\\; and other lies');
    expect(fixture('programme-v1-bom.ics').charCodeAt(0)).toBe(0xfeff);
    expect(new Date().getTimezoneOffset()).not.toBe(-120); // the test zone is not the conference's
  });

  it('reads talks in a VTIMEZONE zone, UTC times, DURATION instead of DTEND, escapes and folds', async () => {
    const entries = await stored(fixture('programme-v1.ics'));
    const keynote = entries.get('SCS26-K1@spree-cloud.example.org')!;
    // DTSTART:20260616T070000Z is 09:00 in Berlin (CEST, +02:00).
    expect(keynote).toMatchObject({
      start: '2026-06-16T09:00:00+02:00',
      end: '2026-06-16T09:45:00+02:00',
      room: 'Main Hall',
      all_day: false,
    });
    const backups = entries.get('SCS26-T1@spree-cloud.example.org')!;
    expect(backups.title).toBe('Backups, restores; and other lies');
    expect(backups.start).toBe('2026-06-16T10:00:00+02:00');
    expect(backups.end).toBe('2026-06-16T10:40:00+02:00'); // DURATION:PT40M
    // The folded DESCRIPTION comes back whole, escapes undone.
    expect(backups.abstract).toBe(
      'Why a backup you have never restored is a rumour. We walk through restore drills, point-in-time recovery, and the three ways our own backups failed us in 2025; with numbers.',
    );
    expect(backups.url).toBe('https://spree-cloud.example.org/2026/talk/T1/');
  });

  it('takes speakers from ATTENDEE, else the description, else ORGANIZER', async () => {
    const entries = await stored(fixture('programme-v1.ics'));
    expect(entries.get('SCS26-K3@spree-cloud.example.org')!.speakers).toEqual(['Grace Hopper', 'Ana Souza']);
    const postgres = entries.get('SCS26-T2@spree-cloud.example.org')!;
    expect(postgres.speakers).toEqual(['Linus Nordberg', 'Mei Chen']);
    expect(postgres.abstract).not.toContain('Speakers:');
    expect(entries.get('SCS26-T3@spree-cloud.example.org')!.speakers).toEqual(['Eve Example']);
  });

  it('makes CATEGORIES the track and tags', async () => {
    const workshop = (await stored(fixture('programme-v1.ics'))).get('SCS26-W1@spree-cloud.example.org')!;
    expect(workshop.track).toBe('Workshop');
    expect(workshop.tags).toEqual(['workshop', 'observability']);
  });

  it('keeps all-day events as day entries, not midnight talks', async () => {
    const day = (await stored(fixture('programme-v1.ics'))).get('day-20260617@spree-cloud.example.org')!;
    expect(day).toMatchObject({
      all_day: true,
      start: '2026-06-17',
      end: '2026-06-17',
      title: 'Day 2: talks',
    });
  });

  it('expands a recurring event within the conference days only', async () => {
    const entries = await stored(fixture('programme-v1.ics'));
    const coffee = [...entries.values()].filter((entry) => entry.title === 'Coffee break');
    // COUNT=5 from the 15th: the 15th and 19th are outside the conference.
    expect(coffee.map((entry) => entry.start)).toEqual([
      '2026-06-16T10:40:00+02:00',
      '2026-06-17T10:40:00+02:00',
      '2026-06-18T10:40:00+02:00',
    ]);
    expect(new Set(coffee.map((entry) => entry.uid)).size).toBe(3);
    expect(coffee[0]!.uid).toBe('coffee@spree-cloud.example.org/2026-06-16T10:40:00');
  });

  it('reads the BOM variant exactly as the plain file', async () => {
    expect([...(await stored(fixture('programme-v1-bom.ics'))).values()]).toEqual([
      ...(await stored(fixture('programme-v1.ics'))).values(),
    ]);
    expect(detectFormat(fixture('programme-v1-bom.ics'))).toBe('ics');
  });

  it('reads the same programme with LF line ends', async () => {
    const lf = fixture('programme-v1.ics').replace(/\r\n/g, '\n');
    expect([...(await stored(lf)).values()]).toEqual([
      ...(await stored(fixture('programme-v1.ics'))).values(),
    ]);
  });

  it('marks STATUS:CANCELLED', async () => {
    const parsed = await parseSchedule(fixture('programme-v2.ics'), CONF);
    expect(parsed.entries.find((entry) => entry.uid === 'SCS26-T7@spree-cloud.example.org')!.cancelled).toBe(
      true,
    );
    expect(parsed.entries.filter((entry) => entry.cancelled)).toHaveLength(1);
  });
});

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => [
  'BEGIN:VEVENT',
  'UID:e1',
  'DTSTAMP:20260601T000000Z',
  ...lines,
  'END:VEVENT',
];

describe('iCalendar edge cases', () => {
  it('reads a TZID with no VTIMEZONE as the IANA zone it names, and floating times in the conference zone', async () => {
    const entries = await stored(
      calendar(
        ...event('DTSTART;TZID=America/New_York:20260616T090000', 'DURATION:PT1H', 'SUMMARY:East coast'),
        ...event('DTSTART:20260616T090000', 'DTEND:20260616T093000', 'SUMMARY:Floating').map((line) =>
          line.replace('UID:e1', 'UID:e2'),
        ),
      ),
    );
    expect(entries.get('e1')!.start).toBe('2026-06-16T15:00:00+02:00');
    expect(entries.get('e2')!.start).toBe('2026-06-16T09:00:00+02:00');
  });

  it('keeps no control characters in uids (they would reach the terminal)', async () => {
    const entries = await stored(
      calendar(
        ...event('DTSTART:20260616T090000Z', 'SUMMARY:x').map((line) =>
          line.replace('UID:e1', 'UID:e\u001b[31m1'),
        ),
      ),
    );
    expect([...entries.keys()]).toEqual(['e[31m1']);
  });

  it('drops links that are not http(s) and keeps titles as text', async () => {
    const entries = await stored(
      calendar(...event('DTSTART:20260616T090000Z', 'SUMMARY:<b>x</b>', 'URL:javascript:alert(1)')),
    );
    expect(entries.get('e1')).toMatchObject({ title: '<b>x</b>', url: null });
  });

  it('names the line of a malformed property', async () => {
    const text = calendar(...event('DTSTART:20260616T090000Z', 'SUMMARY:ok', 'THIS LINE IS BROKEN'));
    const error = await errorOf(text);
    expect(error.line).toBe(9);
    expect(error.message).toMatch(/^line 9: malformed line "THIS LINE IS BROKEN"/);
  });

  it('names the line of a bad date', async () => {
    const error = await errorOf(calendar(...event('SUMMARY:x', 'DTSTART:2026-06-16 09:00')));
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/DTSTART/);
  });

  it('names the line of a bad duration', async () => {
    const error = await errorOf(calendar(...event('DTSTART:20260616T090000Z', 'DURATION:forty minutes')));
    expect(error.line).toBe(8);
  });

  it('reports a truncated file at its last line, naming the component left open', async () => {
    const text = fixture('programme-v1.ics');
    const cut = text.slice(0, text.indexOf('SCS26-T4'));
    const error = await errorOf(cut);
    expect(error.line).toBe(cut.split('\r\n').length);
    expect(error.message).toMatch(/ends inside BEGIN:VEVENT of line \d+ \(truncated\?\)/);
  });

  it('refuses an END that closes the wrong component', async () => {
    const error = await errorOf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x', 'END:VCALENDAR'].join('\n'));
    expect(error.line).toBe(4);
  });
});

describe('pretalx / frab schedule JSON', () => {
  it('reads the same talks, times and people as the iCalendar export', async () => {
    const fromJson = await stored(fixture('schedule-v1.json'));
    const fromIcs = [...(await stored(fixture('programme-v1.ics'))).values()].filter((entry) =>
      entry.uid.startsWith('SCS26-'),
    );
    expect(fromJson.size).toBe(fromIcs.length);
    const byTitle = new Map([...fromJson.values()].map((entry) => [entry.title, entry]));
    for (const talk of fromIcs) {
      const twin = byTitle.get(talk.title)!;
      expect(twin, talk.title).toBeDefined();
      expect({
        start: twin.start,
        end: twin.end,
        room: twin.room,
        track: twin.track,
        speakers: twin.speakers,
        url: twin.url,
      }).toEqual({
        start: talk.start,
        end: talk.end,
        room: talk.room,
        track: talk.track,
        speakers: talk.speakers,
        url: talk.url,
      });
    }
    expect(fromJson.get('6f1c2a10-0007-4c1e-9a6e-5c0de0000007')!.end).toBe('2026-06-16T15:30:00+02:00'); // duration 01:30
  });

  it('is detected from the content, BOM or not', () => {
    expect(detectFormat(fixture('schedule-v1.json'))).toBe('pretalx');
    expect(detectFormat(`\uFEFF  ${fixture('schedule-v1.json')}`)).toBe('pretalx');
    expect(detectFormat('hello')).toBeNull();
  });

  it('names the line of a JSON syntax error', async () => {
    const lines = fixture('schedule-v1.json').split('\n');
    lines[40] = `${lines[40]},,`;
    const error = await errorOf(lines.join('\n'));
    expect(error.line).toBe(41);
  });

  it('names the line of a truncated file, in one line whatever Node says', async () => {
    const text = fixture('schedule-v1.json');
    const cut = text.slice(0, text.indexOf('"Kubernetes operators in anger"'));
    const error = await errorOf(cut);
    expect(error.message).toBe(
      `line ${cut.split('\n').length}: not valid JSON: the file ends too early (truncated?)`,
    );
    expect((await errorOf('{\n  "schedule": {\n    "conference": \n  }\n}\n')).message).toBe(
      'line 4: not valid JSON: unexpected "}"',
    );
    // The character JSON.parse stopped at (Node 20 does not state it for an unexpected token).
    expect((await errorOf('{"a": tru}')).message).toBe('line 1: not valid JSON: unexpected "}"');
    expect((await errorOf('{"a": [1,\n2,\n\n3 4]}')).message).toBe('line 4: not valid JSON: unexpected "4"');
  });

  it('names the line of a talk with a bad duration', async () => {
    const text = fixture('schedule-v1.json').replace('"duration": "00:40"', '"duration": "forty"');
    const error = await errorOf(text);
    const guidLine = text.split('\n').findIndex((line) => line.includes('"guid": "6f1c2a10-0002')) + 1;
    expect(error.line).toBe(guidLine);
    expect(error.message).toMatch(/duration "forty" is not HH:MM/);
  });

  it('refuses JSON that is not a schedule', async () => {
    expect((await errorOf('{"talks": []}')).message).toMatch(/not a pretalx\/frab schedule/);
  });
});

describe('decoding', () => {
  it('refuses binary and non-UTF-8 input, naming the line', () => {
    expect(() => decodeSchedule(Buffer.from('BEGIN:VCALENDAR\n\0'), 'x.ics')).toThrow(/binary/);
    expect(() =>
      decodeSchedule(
        Buffer.concat([Buffer.from('BEGIN:VCALENDAR\nSUMMARY:caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
        'x.ics',
      ),
    ).toThrow(/^x\.ics:2: not UTF-8/);
  });
});
