/** schedule.xml, schedule v2 JSON, byte-level iCalendar folds, UIDs reused, session types, track tags. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noteTypeOf } from '../../src/core/programme/entry-type.js';
import { mendFoldedCharacters, looksLikeIcs } from '../../src/core/programme/ics-unfold.js';
import { toStored, type ImportedEntry } from '../../src/core/programme/programme.js';
import { ScheduleError } from '../../src/core/programme/schedule-common.js';
import { distinctUids, trackTag } from '../../src/core/programme/schedule-fields.js';
import { decodeSchedule, detectFormat, parseSchedule } from '../../src/core/programme/schedule.js';

const BERLIN = { zone: 'Europe/Berlin' };

async function errorOf(text: string, options: { zone: string | null } = BERLIN): Promise<ScheduleError> {
  try {
    await parseSchedule(text, options);
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

const xml = (events: string, day = `<day index="1" date="2026-02-01" start="2026-02-01T09:00:00+01:00">`) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>T</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
  ${day}
    <room name="K.1.105">
${events}
    </room>
  </day>
</schedule>
`;

describe('schedule.xml', () => {
  it('is detected from the content and keeps every field a note-taker wants', async () => {
    const text = xml(`      <event guid="g-1" id="7">
        <date>2026-02-01T10:00:00+01:00</date>
        <start>10:00</start>
        <duration>00:50</duration>
        <room>K.1.105</room>
        <url>https://fosdem.org/e/1/</url>
        <title>Rust &amp; the &lt;kernel&gt;</title>
        <subtitle>A tour</subtitle>
        <track slug="hardware-making">Hardware &amp; Making</track>
        <type>workshop</type>
        <language>en</language>
        <abstract>&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</abstract>
        <description>Longer.</description>
        <feedback_url>https://pretalx.example.org/t/1/feedback/</feedback_url>
        <persons><person id="1">Ada Lovelace</person><person id="2">Grace Hopper</person></persons>
        <attachments><attachment type="slides" href="https://fosdem.org/s.pdf">Slides</attachment></attachments>
        <links><link href="https://video.fosdem.org/1.mp4">Video recording (mp4)</link><link href="javascript:alert(1)">x</link></links>
      </event>`);
    expect(detectFormat(text)).toBe('pentabarf');
    const parsed = await parseSchedule(text, { zone: null });
    expect(parsed.timezone).toBe('Europe/Brussels');
    expect(toStored(parsed.entries[0]!, 'Europe/Brussels')).toMatchObject({
      uid: 'g-1',
      title: 'Rust & the <kernel>',
      start: '2026-02-01T10:00:00+01:00',
      end: '2026-02-01T10:50:00+01:00',
      room: 'K.1.105',
      track: 'Hardware & Making',
      tags: ['hardware-making'],
      speakers: ['Ada Lovelace', 'Grace Hopper'],
      url: 'https://fosdem.org/e/1/',
      abstract: '<p>Short &amp; sweet</p>', // entities decoded once: the abstract's own HTML stays as written
      subtitle: 'A tour',
      type: 'workshop',
      language: 'en',
      description: 'Longer.',
      links: [
        { title: 'Slides', url: 'https://fosdem.org/s.pdf' },
        { title: 'Video recording (mp4)', url: 'https://video.fosdem.org/1.mp4' },
        { title: 'Feedback', url: 'https://pretalx.example.org/t/1/feedback/' },
      ],
    });
  });

  it('without <date>, reads the day and start in the zone; a night session is on the next date', async () => {
    const parsed = await parseSchedule(
      xml(`      <event id="1"><start>23:30</start><duration>01:00</duration><title>Late</title></event>
      <event id="2"><start>01:15</start><duration>00:30:00</duration><title>Night</title></event>`),
      BERLIN,
    );
    const [late, night] = parsed.entries.map((entry) => toStored(entry, 'Europe/Berlin'));
    expect(late).toMatchObject({ start: '2026-02-01T23:30:00+01:00', end: '2026-02-02T00:30:00+01:00' });
    expect(night).toMatchObject({ start: '2026-02-02T01:15:00+01:00', end: '2026-02-02T01:45:00+01:00' });
    expect(night!.room).toBe('K.1.105'); // the room element's name when the event has none
  });

  it('reads Pentabarf events placed directly in the day', async () => {
    const text = `<schedule><day date="2007-02-25"><event id="0"><start>15:00</start><duration>00:45</duration><room>Chavanne</room><title>AIGLX</title><persons><person id="1">Kristian Høgsberg</person></persons></event></day></schedule>`;
    const [entry] = (await parseSchedule(text, { zone: 'Europe/Brussels' })).entries;
    expect(toStored(entry!, 'Europe/Brussels')).toMatchObject({
      uid: '0',
      start: '2007-02-25T15:00:00+01:00',
      room: 'Chavanne',
      speakers: ['Kristian Høgsberg'],
    });
  });

  it('names the line of malformed XML and of a bad event', async () => {
    expect(
      await errorOf('<schedule>\n<day date="2026-02-01">\n<event id="1">\n</day></schedule>'),
    ).toMatchObject({
      line: 4,
    });
    const bad = await errorOf(
      xml(`      <event guid="ok"><start>10:00</start><duration>00:30</duration><title>A</title></event>
      <event guid="broken"><start>25:99</start><duration>00:30</duration><title>B</title></event>`),
    );
    expect(bad.line).toBe(7);
    expect(bad.reason).toContain('event broken');
    expect((await errorOf('<schedule><day date="soon"></day></schedule>')).reason).toContain('YYYY-MM-DD');
    expect((await errorOf('<html><body/></html>')).reason).toContain('no <schedule>');
  });

  it('never expands a DOCTYPE entity', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY boom "BOOM">]>\n${xml(
      '      <event guid="e"><start>10:00</start><duration>00:30</duration><title>&boom;</title></event>',
    ).replace(/^<\?xml[^>]*>\n/, '')}`;
    const [entry] = (await parseSchedule(text, BERLIN)).entries;
    expect(entry!.title).toBe('&boom;');
  });
});

const v2 = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      schedule: {
        version: '1',
        conference: {
          acronym: 'x',
          time_zone_name: 'Europe/Berlin',
          tracks: [{ name: 'Hardware & Making', slug: 'hardware-making' }],
          rooms: [{ name: 'Saal 1' }],
          ...extra,
        },
        events,
      },
    },
    null,
    2,
  );

describe('schedule v2 JSON', () => {
  const event = {
    guid: 'e-1',
    type: 'LIGHTNING_TALK',
    start: '2024-12-27T10:30:00+01:00',
    end: '2024-12-27T10:45:00+01:00',
    room: { name: 'Saal 1', guid: 'r' },
    title: 'Opening',
    track: { slug: 'hardware-making' },
    abstract: 'A',
    description: 'B',
    participants: [{ name: 'Ada', role: 'SPEAKER' }, { name: 'Moderator', role: 'HOST' }, { name: 'Grace' }],
    links: [{ type: 'FEEDBACK', url: 'https://e.example/f' }],
    attachments: [{ type: 'SLIDES', url: 'https://e.example/s.pdf' }],
  };

  it('is detected from its "events" list and read with its fields', async () => {
    const text = v2([event]);
    expect(detectFormat(text)).toBe('c3voc');
    const parsed = await parseSchedule(text, { zone: null });
    expect(parsed.format).toBe('c3voc');
    expect(toStored(parsed.entries[0]!, 'Europe/Berlin')).toMatchObject({
      start: '2024-12-27T10:30:00+01:00',
      end: '2024-12-27T10:45:00+01:00',
      room: 'Saal 1',
      track: 'Hardware & Making',
      tags: ['hardware-making'],
      speakers: ['Ada', 'Grace'],
      type: 'lightning talk',
      abstract: 'A',
      description: 'B',
      links: [
        { title: 'slides', url: 'https://e.example/s.pdf' },
        { title: 'feedback', url: 'https://e.example/f' },
      ],
      status: 'confirmed',
    });
  });

  it('marks CANCELED and WITHDRAWN talks cancelled; DELAYED ones stay', async () => {
    const states = ['CANCELED', 'WITHDRAWN', 'DELAYED'].map((state, i) => ({
      ...event,
      guid: `s${i}`,
      state,
    }));
    const entries = (await parseSchedule(v2(states), BERLIN)).entries;
    expect(entries.map((entry) => entry.cancelled)).toEqual([true, true, false]);
  });

  it('takes a duration when there is no end, and an events list at the top', async () => {
    const { end: _end, ...noEnd } = event;
    const text = JSON.stringify({ events: [{ ...noEnd, duration: '00:40' }] });
    expect(detectFormat(text)).toBe('c3voc');
    const [entry] = (await parseSchedule(text, BERLIN)).entries;
    expect(entry!.endAt!.toISOString()).toBe('2024-12-27T10:10:00.000Z');
  });

  it('names the line of a bad event', async () => {
    const error = await errorOf(v2([event, { ...event, guid: 'bad-start', start: 'tomorrow' }]));
    expect(error.reason).toContain('bad-start');
    expect(error.line).toBeGreaterThan(30);
    expect((await errorOf('{"events": [1]}')).reason).toContain('not an event');
  });

  it('leaves pretalx/frab JSON (rooms maps) to the pretalx reader', () => {
    expect(detectFormat('{"schedule":{"conference":{"days":[{"rooms":{"A":[]}}],"events":[]}}}')).toBe(
      'pretalx',
    );
  });
});

describe('iCalendar folds inside a UTF-8 character', () => {
  const lines = (text: string) => text.split('\n').length;
  it('moves the cut character after the fold: same lines, same unfolded text, valid UTF-8', () => {
    for (const [char, cut] of [
      ['\u00a0', 1],
      ['€', 1],
      ['€', 2],
      ['🎉', 3],
    ] as const) {
      const bytes = Buffer.from(`BEGIN:VCALENDAR\r\nDESCRIPTION:x${char}y\r\nEND:VCALENDAR\r\n`);
      const at = bytes.indexOf(Buffer.from(char)) + cut;
      const folded = Buffer.concat([bytes.subarray(0, at), Buffer.from('\r\n '), bytes.subarray(at)]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(folded)).toThrow();
      const text = decodeSchedule(folded, 'x.ics');
      expect(lines(text)).toBe(lines(folded.toString('latin1')));
      expect(text.replace(/\r\n /g, '')).toBe(bytes.toString('utf8'));
    }
  });

  it('mends LF-only files and leaves valid ones and non-calendars alone', () => {
    const folded = Buffer.from([...Buffer.from('BEGIN:VCALENDAR\nX:a'), 0xc3, 0x0a, 0x20, 0xa9, 0x0a]);
    expect(mendFoldedCharacters(folded).toString('utf8')).toBe('BEGIN:VCALENDAR\nX:a\n é\n');
    const fine = Buffer.from('BEGIN:VCALENDAR\r\nX:é\r\n é\r\n');
    expect(mendFoldedCharacters(fine)).toBe(fine);
    expect(looksLikeIcs(Buffer.from('\uFEFF\r\n begin:vcalendar'))).toBe(true);
    expect(() => decodeSchedule(Buffer.from([0x7b, 0xc3, 0x0a, 0x20, 0xa9]), 'x.json')).toThrow(/not UTF-8/);
  });

  it('unfolds any text cut at any byte to the same text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), (value, seed) => {
        const clean = value.replace(/[\r\n\0]/g, '');
        const content = Buffer.from(`X:${clean}`);
        const at = 2 + (seed % Math.max(1, content.length - 1));
        const folded = Buffer.concat([
          Buffer.from('BEGIN:VCALENDAR\r\n'),
          content.subarray(0, at),
          Buffer.from('\r\n '),
          content.subarray(at),
          Buffer.from('\r\n'),
        ]);
        const text = decodeSchedule(folded, 'p.ics');
        expect(text.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\nX:${clean}\r\n`);
      }),
    );
  });
});

describe('one UID for many talks', () => {
  const talk = (uid: string, start: string, title: string, room = 'A'): ImportedEntry => ({
    uid,
    title,
    startAt: new Date(start),
    endAt: new Date(start),
    room,
    track: null,
    tags: [],
    speakers: [],
    url: null,
    abstract: null,
    cancelled: false,
  });

  it('keeps talks that differ, told apart by start, drops exact repeats, warns once', () => {
    const warnings: string[] = [];
    const out = distinctUids(
      [
        talk('u', '2024-09-15T11:00:00Z', 'One'),
        talk('u', '2024-09-15T11:00:00Z', 'Two'),
        talk('u', '2024-09-15T12:00:00Z', 'Three'),
        talk('u', '2024-09-15T12:00:00Z', 'Three'),
        talk('solo', '2024-09-15T12:00:00Z', 'Solo'),
      ],
      warnings,
    );
    expect(out.map((entry) => entry.uid)).toEqual([
      'u#20240915T110000Z',
      'u#20240915T110000Z-2',
      'u#20240915T120000Z',
      'solo',
    ]);
    expect(warnings).toEqual([
      '3 talks share a UID with others; kept each, told apart by its start (uid#start)',
      '1 exact repeats of a talk (same UID, start, title and room) left out',
    ]);
  });

  it('in iCalendar, a higher SEQUENCE replaces the event instead', async () => {
    const event = (sequence: number, title: string) =>
      `BEGIN:VEVENT\r\nUID:x@y\r\nSEQUENCE:${sequence}\r\nDTSTART:20260616T080000Z\r\nDTEND:20260616T090000Z\r\nSUMMARY:${title}\r\nEND:VEVENT\r\n`;
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event(2, 'New')}${event(1, 'Old')}END:VCALENDAR\r\n`;
    const parsed = await parseSchedule(text, BERLIN);
    expect(parsed.entries.map((entry) => [entry.uid, entry.title])).toEqual([['x@y', 'New']]);
    expect(parsed.warnings).toEqual(['1 older versions of events (a lower SEQUENCE) left out']);
  });
});

describe('types and tags', () => {
  const entry = (type: string | null, track: string | null = null, title = 'A talk') => ({
    type,
    track,
    title,
    tags: [],
  });
  it("maps a programme's own type to the note type", () => {
    expect(noteTypeOf(entry('Workshop 110min'))).toBe('workshop');
    expect(noteTypeOf(entry('Keynote'))).toBe('keynote');
    expect(noteTypeOf(entry('lightning talk'))).toBe('session');
    expect(noteTypeOf(entry('BoF'))).toBe('meetup');
    expect(noteTypeOf(entry('hands-on'))).toBe('workshop');
  });
  it('else a track or title that says Keynote or Workshop', () => {
    expect(noteTypeOf(entry(null, 'Workshops'))).toBe('workshop');
    expect(noteTypeOf(entry('lecture', 'CCC', '31C3 Keynote'))).toBe('keynote');
    expect(noteTypeOf(entry(null, 'Main Track', 'Understanding stands'))).toBe('session');
    expect(noteTypeOf(entry('talk', 'Security'))).toBe('session');
  });
  it('makes track tags from their words', () => {
    expect(trackTag('Hardware & Making')).toBe('hardware-making');
    expect(trackTag('Ethics, Society & Politics')).toBe('ethics-society-politics');
    expect(trackTag('/dev/random')).toBe('dev-random');
    expect(trackTag('Software Defined Radio(SDR)/Digital Signal Processing(DSP)')).toBe(
      'software-defined-radio-sdr-digital-signal-processing-dsp',
    );
    expect(trackTag('Bühne & Café')).toBe('bühne-café');
  });
});

describe('iCalendar details', () => {
  const cal = (body: string, head = '') =>
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${head}${body}END:VCALENDAR\r\n`;
  const event = (lines: string) => `BEGIN:VEVENT\r\nUID:a\r\n${lines}SUMMARY:x\r\nEND:VEVENT\r\n`;
  const read = async (text: string, zone: string | null = null) =>
    (await parseSchedule(text, { zone, firstDay: '2026-06-16', lastDay: '2026-06-18' })).entries.map(
      (entry) => toStored(entry, 'Europe/Berlin'),
    );

  it('reads floating times in X-WR-TIMEZONE, a missing DTEND as the start, VALUE=DATE as a day, CANCELLED', async () => {
    const [floating] = await read(
      cal(event('DTSTART:20260616T100000\r\nDTEND:20260616T110000\r\n'), 'X-WR-TIMEZONE:Europe/Berlin\r\n'),
    );
    expect(floating).toMatchObject({ start: '2026-06-16T10:00:00+02:00', end: '2026-06-16T11:00:00+02:00' });
    const [open] = await read(cal(event('DTSTART:20260616T100000Z\r\n')));
    expect(open).toMatchObject({ start: '2026-06-16T12:00:00+02:00', end: '2026-06-16T12:00:00+02:00' });
    const [day] = await read(cal(event('DTSTART;VALUE=DATE:20260616\r\n')));
    expect(day).toMatchObject({ start: '2026-06-16', end: '2026-06-16', all_day: true });
    const [gone] = await read(cal(event('DTSTART:20260616T100000Z\r\nSTATUS:CANCELLED\r\n')));
    expect(gone!.status).toBe('cancelled');
  });

  it('an RDATE adds to DTSTART (ical.js alone leaves DTSTART out); an EXDATE removes it', async () => {
    const both = await read(
      cal(event('DTSTART:20260616T100000Z\r\nDTEND:20260616T110000Z\r\nRDATE:20260617T100000Z\r\n')),
    );
    expect(both.map((entry) => entry.uid)).toEqual(['a/2026-06-16T10:00:00Z', 'a/2026-06-17T10:00:00Z']);
    const moved = await read(
      cal(
        event(
          'DTSTART:20260616T100000Z\r\nDTEND:20260616T110000Z\r\nRDATE:20260617T100000Z\r\nEXDATE:20260616T100000Z\r\n',
        ),
      ),
    );
    expect(moved.map((entry) => entry.uid)).toEqual(['a/2026-06-17T10:00:00Z']);
  });

  it('names the line of a malformed RDATE or EXDATE', async () => {
    const rdate = await errorOf(cal(event('DTSTART:20260616T100000Z\r\nRDATE:2026-13-45\r\n')));
    expect(rdate).toMatchObject({ line: 6 });
    expect(rdate.reason).toContain('RDATE of event a is not a date');
    const exdate = await errorOf(
      cal(event('DTSTART:20260616T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEXDATE:garbage\r\n')),
    );
    expect(exdate).toMatchObject({ line: 7 });
  });

  it('refuses what the parsers cannot hold with a ScheduleError, not a crash', async () => {
    const deep = `<schedule>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</schedule>`;
    expect((await errorOf(deep)).reason).toContain('not readable');
  });
});
