/** The starred plan as iCalendar: read back with ical.js, field by field. */
import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCalendar, planUid } from '../../src/core/programme/plan-ics.js';
import type { ProgrammeEntry } from '../../src/core/programme/programme.js';
import { remindMinutes } from '../../src/commands/agenda/plan.js';
import { storedEntry } from '../helpers/conference.js';

const talk = (uid: string, extra: Partial<ProgrammeEntry> = {}): ProgrammeEntry =>
  storedEntry(uid, uid.slice(0, 6), {
    speakers: ['Ada Lovelace', 'Grace Hopper'],
    url: 'https://example.org/talk/1/',
    starred: true,
    ...extra,
  });
const options = {
  slug: 'scs-2026',
  name: 'Spree Cloud Summit 2026',
  now: new Date('2026-06-01T08:00:00Z'),
  remind: 10,
};

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent');
}

describe('planCalendar', () => {
  it('one VEVENT per talk: title, UTC start and end, room, speakers and url, a reminder before', async () => {
    const text = await planCalendar([talk('t1')], options);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('\r\nDTSTART:20260616T080000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260616T084000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260601T080000Z\r\n');
    const [event] = events(text);
    expect(event!.getFirstPropertyValue('summary')).toBe('Talk t1');
    expect(event!.getFirstPropertyValue('location')).toBe('Hall A');
    expect(event!.getFirstPropertyValue('description')).toBe(
      'Speakers: Ada Lovelace, Grace Hopper\nhttps://example.org/talk/1/',
    );
    expect(event!.getFirstPropertyValue('url')).toBe('https://example.org/talk/1/');
    expect(event!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const alarm = event!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT10M');
    expect(alarm.getFirstPropertyValue('description')).toBe('Talk t1 (Hall A)');
  });

  it('--remind sets the minutes; 0 leaves the alarm out', async () => {
    const five = await planCalendar([talk('t1')], { ...options, remind: 90 });
    expect(five).toContain('\r\nTRIGGER:-PT90M\r\n');
    const none = await planCalendar([talk('t1')], { ...options, remind: 0 });
    expect(none).not.toContain('VALARM');
    expect(events(none)).toHaveLength(1);
  });

  it('a cancelled talk is CANCELLED with no alarm; a day entry is a date event without one', async () => {
    const text = await planCalendar(
      [
        talk('gone', { status: 'cancelled' }),
        talk('day', { all_day: true, start: '2026-06-16', end: '2026-06-17' }),
      ],
      options,
    );
    const [gone, day] = events(text);
    expect(gone!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(gone!.getFirstSubcomponent('valarm')).toBeNull();
    expect(text).toContain('DTSTART;VALUE=DATE:20260616\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20260618\r\n');
    expect(day!.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('the same talk has the same UID in every export; SEQUENCE grows with the export time', async () => {
    const first = events(await planCalendar([talk('t1'), talk('t2')], options));
    const moved = talk('t1', { start: '2026-06-16T15:00:00+02:00', end: '2026-06-16T15:40:00+02:00' });
    const later = { ...options, now: new Date('2026-06-02T09:30:00Z') };
    const second = events(await planCalendar([talk('t2'), moved], later));
    const uids = (list: ICAL.Component[]) => list.map((one) => one.getFirstPropertyValue('uid'));
    expect(uids(second).sort()).toEqual(uids(first).sort());
    expect(uids(first)).toEqual([planUid('scs-2026', 't1'), planUid('scs-2026', 't2')]);
    expect(new Set(uids(first)).size).toBe(2);
    const sequence = (list: ICAL.Component[]) => Number(list[0]!.getFirstPropertyValue('sequence'));
    expect(sequence(second)).toBeGreaterThan(sequence(first));
    // Another conference's plan never reuses the UIDs, nor does a plan reuse the programme's own.
    expect(planUid('other-2026', 't1')).not.toBe(planUid('scs-2026', 't1'));
    // Fixed: a calendar that imported an earlier plan matches its events by these.
    expect(planUid('scs-2026', 't1')).toBe('scs-2026-8a8e665ee570687e59a974f3@plan.confnotes');
    expect(planUid('scs-2026', 't1')).not.toContain('t1');
  });

  it('titles, rooms and speakers with commas, semicolons, newlines, backslashes and any script read back the same', async () => {
    // Any text but control characters (apart from line feeds and tabs; those are the next test's).
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
      .map((value) => value.replace(/[\p{Cc}]/gu, (c) => (c === '\n' || c === '\t' ? c : '')))
      .filter((value) => value.length > 0);
    const tricky = fc.constantFrom(
      'a, b; c',
      'line one\nline two',
      'back\\slash',
      'Ünïcødé — 会议 🎤',
      ';,:"',
      ' lead and trail ',
    );
    const field = fc.oneof(text, tricky);
    await fc.assert(
      fc.asyncProperty(field, field, field, async (title, room, speaker) => {
        const entry = talk('t1', { title, room, speakers: [speaker] });
        const [event] = events(await planCalendar([entry], options));
        expect(event!.getFirstPropertyValue('summary')).toBe(title);
        expect(event!.getFirstPropertyValue('location')).toBe(room);
        expect(event!.getFirstPropertyValue('description')).toBe(
          `Speaker: ${speaker}\nhttps://example.org/talk/1/`,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a CR or CRLF in a hand-edited programme.yml becomes a line break; other control characters are dropped', async () => {
    const entry = talk('t1', { title: 'one\r\ntwo\rthree\u0007\u001b[31m', room: 'Hall\u0000 A' });
    const text = await planCalendar([entry], options);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\u0000\u0007\u001b]/);
    const [event] = events(text);
    expect(event!.getFirstPropertyValue('summary')).toBe('one\ntwo\nthree[31m');
    expect(event!.getFirstPropertyValue('location')).toBe('Hall A');
  });

  it('long lines are folded at 75 octets (not inside a character) and unfold to the title', async () => {
    const title = `${'Très long titre, avec; de la ponctuation é '.repeat(6)}🎤`;
    const text = await planCalendar([talk('t1', { title })], options);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(events(text)[0]!.getFirstPropertyValue('summary')).toBe(title);
  });
});

describe('--remind', () => {
  it('is 10 when left out, a whole number of minutes otherwise', () => {
    expect(remindMinutes(undefined)).toBe(10);
    expect(remindMinutes('0')).toBe(0);
    expect(remindMinutes(' 15 ')).toBe(15);
  });

  it('anything else is a usage error (exit 2)', () => {
    for (const bad of ['x', '', '-5', '1.5', '10m', '99999'])
      expect(() => remindMinutes(bad), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
