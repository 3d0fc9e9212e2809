/** `agenda --star-from`: a favourites export matched to the programme; and where `agenda -o` may write. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planCalendar } from '../../src/core/programme/plan-ics.js';
import { existingPlanTarget, isPlanExport, writePlan } from '../../src/core/programme/plan-output.js';
import { importProgramme } from '../../src/core/programme/programme-import.js';
import { readProgramme, type ProgrammeEntry } from '../../src/core/programme/programme.js';
import { matchFaved, starFrom } from '../../src/core/programme/star-from.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { storedEntry } from '../helpers/conference.js';
import { makeWorkspace, tempDir } from '../helpers/workspace.js';

/** A talk at 10:00 on 2013-04-16 in Portland (-07:00), the day the workspace's conference runs. */
const entry = (uid: string, fields: Partial<ProgrammeEntry> = {}): ProgrammeEntry =>
  storedEntry(uid, uid.slice(0, 6), {
    start: '2013-04-16T10:00:00-07:00',
    end: '2013-04-16T10:40:00-07:00',
    ...fields,
  });

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('matchFaved', () => {
  const stored = [
    entry('a'),
    entry('b', { url: 'https://pretalx.example.org/c/talk/BBB/' }),
    entry('c', { title: 'Keynote', start: '2013-04-16T09:00:00-07:00' }),
    entry('d', { title: 'Lunch', start: '2013-04-16T12:00:00-07:00' }),
    entry('e', { title: 'Lunch', start: '2013-04-17T12:00:00-07:00' }),
  ];

  it('by UID, then by the talk page, then by title, start and room; the rest are missing', () => {
    const faved = [
      entry('a'),
      entry('pretalx-c-BBB@host', { title: 'Talk b - Ada', url: 'https://pretalx.example.org/c/talk/BBB/' }),
      entry('x1', { title: 'keynote', start: '2013-04-16T16:00:00Z' }), // the same instant, in UTC
      entry('x2', { title: 'Not in the programme' }),
    ];
    const { found, missing } = matchFaved(stored, faved);
    expect([...found].sort()).toEqual(['a', 'b', 'c']);
    expect(missing.map((one) => one.title)).toEqual(['Not in the programme']);
  });

  it('a title two stored talks share is matched only with its start', () => {
    const { found, missing } = matchFaved(stored, [
      entry('y', { title: 'Lunch', start: '2013-04-17T12:00:00-07:00' }),
      entry('z', { title: 'Lunch', start: '2013-04-18T12:00:00-07:00' }),
    ]);
    expect([...found]).toEqual(['e']);
    expect(missing.map((one) => one.uid)).toEqual(['z']);
  });
});

describe('starFrom', () => {
  const calendar = (events: string[][]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flat(), 'END:VCALENDAR', ''].join(
      '\r\n',
    );
  const event = (uid: string, summary: string, start: string) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20130401T000000Z',
    `DTSTART:${start}`,
    'DURATION:PT40M',
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ];

  async function programme() {
    const { ws, root } = makeWorkspace();
    folders.push(path.dirname(root));
    const conference = readConference(ws, 'conf');
    const ics = calendar([event('e1', 'One', '20130416T170000Z'), event('e2', 'Two', '20130416T180000Z')]);
    await importProgramme(ws, conference, ics, { shown: 'p.ics', source: 'p.ics' });
    return { ws, conference, programmeFile: path.join(root, 'conf', 'programme.yml') };
  }

  it('stars what it finds, lists what it does not, and a second run writes nothing', async () => {
    const { ws, conference, programmeFile } = await programme();
    const faved = calendar([
      event('e1', 'One', '20130416T170000Z'),
      event('other-uid', 'Two', '20130416T180000Z'),
      event('e9', 'Elsewhere', '20130416T190000Z'),
    ]);
    const first = await starFrom(ws, conference, faved, 'faved.ics');
    expect(first.matched.map((one) => one.uid)).toEqual(['e1', 'e2']);
    expect(first.already).toBe(0);
    expect(first.missing.map((one) => one.title)).toEqual(['Elsewhere']);
    expect(first.written).toBe(true);
    expect(readProgramme(ws, conference)!.entries.map((one) => one.starred)).toEqual([true, true]);
    const bytes = fs.readFileSync(programmeFile);
    const second = await starFrom(ws, conference, faved, 'faved.ics');
    expect(second.already).toBe(2);
    expect(second.written).toBe(false);
    expect(fs.readFileSync(programmeFile)).toEqual(bytes);
  });

  it('refuses a file that is not iCalendar, or a broken one, naming it; nothing is written', async () => {
    const { ws, conference, programmeFile } = await programme();
    const bytes = fs.readFileSync(programmeFile);
    await expect(starFrom(ws, conference, '{"schedule": {}}', 'faved.json')).rejects.toThrow(
      /^faved\.json: not an iCalendar file/,
    );
    const cut = calendar([event('e1', 'One', '20130416T170000Z')]).replace(/END:VCALENDAR\r\n$/, '');
    await expect(starFrom(ws, conference, cut, 'cut.ics')).rejects.toThrow(/^cut\.ics:\d+: /);
    await expect(starFrom(ws, conference, calendar([]), 'empty.ics')).rejects.toThrow(
      /^empty\.ics: holds no talks/,
    );
    expect(fs.readFileSync(programmeFile)).toEqual(bytes);
  });
});

describe('agenda -o: which file may be replaced', () => {
  it('a new file is created, an earlier plan replaced; anything else is "other"', async () => {
    const dir = tempDir();
    folders.push(dir);
    const file = path.join(dir, 'plan.ics');
    const plan = await planCalendar([entry('a')], { slug: 's', name: 'S', now: new Date(), remind: 10 });
    expect(isPlanExport(plan)).toBe(true);
    expect(existingPlanTarget(file)).toBe('none');
    expect(writePlan(file, plan, 'none')).toBe(false);
    expect(existingPlanTarget(file)).toBe('plan');
    expect(writePlan(file, plan, 'plan')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(plan);
    const calendar = path.join(dir, 'work.ics');
    fs.writeFileSync(calendar, plan.replace('PRODID:-//confnotes//plan//EN', 'PRODID:-//Work//EN'));
    expect(existingPlanTarget(calendar)).toBe('other');
    fs.writeFileSync(calendar, `DESCRIPTION:\r\n${plan}`);
    expect(existingPlanTarget(calendar)).toBe('other');
    expect(existingPlanTarget(dir)).toBe('folder');
  });
});
