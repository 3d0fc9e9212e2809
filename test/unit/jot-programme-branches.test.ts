/** What the programme says while jotting (jot-programme.ts): the talk on now, and where `/next` goes. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryText, nextTalk, talkNow } from '../../src/core/jot/jot-programme.js';
import { importProgramme } from '../../src/core/programme/programme-import.js';
import { readProgramme } from '../../src/core/programme/programme.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { makeWorkspace } from '../helpers/workspace.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const calendar = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flat(), 'END:VCALENDAR', ''].join(
    '\r\n',
  );
const event = (uid: string, summary: string, start: string, room?: string) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20130401T000000Z',
  start.length === 8 ? `DTSTART;VALUE=DATE:${start}` : `DTSTART:${start}`,
  start.length === 8 ? 'DURATION:P1D' : 'DURATION:PT40M',
  `SUMMARY:${summary}`,
  ...(room ? [`LOCATION:${room}`] : []),
  'END:VEVENT',
];

/** A workspace whose conference has a programme: One at 17:00Z, Two and Three both at 18:00Z, an all-day entry on the 17th. */
async function withProgramme(events = true) {
  const { ws, root } = makeWorkspace();
  folders.push(path.dirname(root));
  const conference = readConference(ws, 'conf');
  if (events) {
    const ics = calendar([
      event('e1', 'One', '20130416T170000Z', 'Main Hall'),
      event('e2', 'Two', '20130416T180000Z', 'Hall A'),
      event('e3', 'Three', '20130416T180000Z'),
      event('e4', 'Hackathon', '20130417'),
    ]);
    await importProgramme(ws, conference, ics, { shown: 'p.ics', source: 'p.ics' });
  }
  const entries = readProgramme(ws, conference)?.entries ?? [];
  const ref = (uid: string) => entries.find((entry) => entry.uid === uid)!.ref;
  const elsewhere = path.join(root, 'conf', 'elsewhere.md');
  return { ws, root, ref, elsewhere };
}

const at = (iso: string) => new Date(iso);

describe('talkNow', () => {
  it('names the talk on, with its room, and nothing between talks or without a programme', async () => {
    const { ws, ref, elsewhere } = await withProgramme();
    expect(talkNow(ws, elsewhere, at('2013-04-16T17:10:00Z'))).toBe(`${ref('e1')} "One" (Main Hall)`);
    expect(talkNow(ws, elsewhere, at('2013-04-16T18:10:00Z'))).toBe(
      `${ref('e2')} "Two" (Hall A), ${ref('e3')} "Three"`,
    );
    expect(talkNow(ws, elsewhere, at('2013-04-16T16:00:00Z'))).toBeUndefined();
    const bare = await withProgramme(false);
    expect(talkNow(bare.ws, bare.elsewhere, at('2013-04-16T17:10:00Z'))).toBeUndefined();
  });

  it("does not offer the note's own talk as another: it says the note's slot is out of date", async () => {
    const { ws, root, ref } = await withProgramme();
    const own = path.join(root, 'conf', 'two.md');
    fs.writeFileSync(
      own,
      '---\ntitle: Two\ndate: 2013-04-16\nstart: "09:00"\nend: "09:30"\nprogramme: e2\n---\n',
    );
    expect(talkNow(ws, own, at('2013-04-16T18:10:00Z'))).toMatch(
      new RegExp(
        `^${ref('e3')} "Three", ${ref('e2')} "Two" \\(Hall A\\), this note's own talk, which the programme has at 11:00–\\d\\d:\\d\\d$`,
      ),
    );
    expect(talkNow(ws, own, at('2013-04-16T17:10:00Z'))).toBe(`${ref('e1')} "One" (Main Hall)`);
  });

  it("gives the own talk's end as agenda does when it runs past midnight", async () => {
    const { ws, root } = makeWorkspace();
    folders.push(path.dirname(root));
    const ics = calendar([event('late', 'Late', '20130417T064000Z', 'Bar')]);
    await importProgramme(ws, readConference(ws, 'conf'), ics, { shown: 'p.ics', source: 'p.ics' });
    const own = path.join(root, 'conf', 'late.md');
    fs.writeFileSync(
      own,
      '---\ntitle: Late\ndate: 2013-04-16\nstart: "23:40"\nend: "23:59"\nprogramme: late\n---\n',
    );
    expect(talkNow(ws, own, at('2013-04-17T07:10:00Z'))).toMatch(
      /this note's own talk, which the programme has at 23:40–00:20\+1$/,
    );
  });

  it('shows an entry without a room as its ref and title only', async () => {
    const { ws, ref } = await withProgramme();
    const three = readProgramme(ws, readConference(ws, 'conf'))!.entries.find((entry) => entry.uid === 'e3')!;
    expect(entryText(three)).toBe(`${ref('e3')} "Three"`);
  });
});

describe('nextTalk', () => {
  it('says so without a programme', async () => {
    const { ws, root, elsewhere } = await withProgramme(false);
    expect(await nextTalk(ws, elsewhere, at('2013-04-16T17:10:00Z'), root)).toEqual({
      none: 'this conference has no programme; import one with: confnotes import <file>',
    });
  });

  it('creates the note of the talk on now, then finds it again rather than making a second', async () => {
    const { ws, root, elsewhere } = await withProgramme();
    const now = at('2013-04-16T17:10:00Z');
    const first = await nextTalk(ws, elsewhere, now, root);
    expect(first).toMatchObject({ created: true, entry: { uid: 'e1' } });
    const file = (first as { file: string }).file;
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^programme: "e1"$/m);
    const again = await nextTalk(ws, elsewhere, now, root);
    expect(again).toEqual({ file, entry: expect.objectContaining({ uid: 'e1' }), created: false });
    expect(
      fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.md') && name !== 'conference.md'),
    ).toHaveLength(1);
  });

  it('from the note of the talk on now, offers the next ones; two at once are choices', async () => {
    const { ws, root, ref, elsewhere } = await withProgramme();
    const now = at('2013-04-16T17:10:00Z');
    const { file } = (await nextTalk(ws, elsewhere, now, root)) as { file: string };
    expect(await nextTalk(ws, file, now, root)).toEqual({
      choices: [`${ref('e2')} "Two" (Hall A)`, `${ref('e3')} "Three"`],
    });
  });

  it('takes the entry a ref names; an unknown ref, an all-day entry and the end of the programme say why not', async () => {
    const { ws, root, ref, elsewhere } = await withProgramme();
    const now = at('2013-04-16T17:10:00Z');
    expect(await nextTalk(ws, elsewhere, now, root, ref('e3'))).toMatchObject({
      created: true,
      entry: { uid: 'e3' },
    });
    expect(await nextTalk(ws, elsewhere, now, root, 'zzzzzz')).toEqual({
      none: 'no entry "zzzzzz" in the programme of Test Conf 2013',
    });
    expect(await nextTalk(ws, elsewhere, now, root, ref('e4'))).toEqual({
      none: '"Hackathon" is an all-day entry, not a talk',
    });
    expect(await nextTalk(ws, elsewhere, at('2013-04-19T12:00:00Z'), root)).toEqual({
      none: 'no talk is on now and none comes next',
    });
  });
});
