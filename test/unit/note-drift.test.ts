import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProgrammes, checkWorkspace, fixText } from '../../src/core/check/check.js';
import { readFrontMatter } from '../../src/core/front-matter/splice.js';
import { followEntry, noteDrift } from '../../src/core/programme/note-drift.js';
import { followProgramme } from '../../src/core/programme/notes-follow.js';
import type { ProgrammeEntry } from '../../src/core/programme/programme-model.js';
import { storedEntry } from '../helpers/conference.js';
import { makeWorkspace, note, snapshot } from '../helpers/workspace.js';

const ZONE = 'America/Los_Angeles';

function entry(fields: Partial<ProgrammeEntry> = {}): ProgrammeEntry {
  return storedEntry('talk-1', 'tk1', {
    title: 'A talk',
    // 10:00 in Portland, stored in UTC: the note's times are read in the conference's zone.
    start: '2013-04-16T17:00:00+00:00',
    end: '2013-04-16T17:40:00+00:00',
    room: 'B110',
    ...fields,
  });
}

const linked = (fields: Record<string, string> = {}, body?: string) =>
  note({ room: 'B110', programme: 'talk-1', ...fields }, body);
const data = (text: string) => readFrontMatter(text).yaml.data;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});
function workspace() {
  const made = makeWorkspace();
  roots.push(made.root);
  return made;
}

describe('noteDrift', () => {
  it('finds nothing when the note says what the programme says, times read in the conference zone', () => {
    expect(
      noteDrift(
        { title: 'A talk', date: '2013-04-16', start: '10:00', end: '10:40', room: 'B110' },
        entry(),
        ZONE,
      ),
    ).toEqual({ fields: [], status: null });
    // 9:05 and 09:05 are one time.
    const early = entry({ start: '2013-04-16T16:05:00Z', end: '2013-04-16T16:45:00Z' });
    expect(
      noteDrift(
        { title: 'A talk', date: '2013-04-16', start: '9:05', end: '09:45', room: 'B110' },
        early,
        ZONE,
      ).fields,
    ).toEqual([]);
  });

  it('reports each field that moved, with the programme value in the zone (and the next day past midnight)', () => {
    const moved = entry({
      title: 'A talk, renamed',
      start: '2013-04-17T07:30:00Z', // 00:30 on the 17th in Portland
      end: '2013-04-17T08:15:00Z',
      room: 'Hall A',
    });
    expect(
      noteDrift(
        { title: 'A talk', date: '2013-04-16', start: '10:00', end: '10:40', room: 'B110' },
        moved,
        ZONE,
      ).fields,
    ).toEqual([
      { field: 'title', from: 'A talk', to: 'A talk, renamed' },
      { field: 'date', from: '2013-04-16', to: '2013-04-17' },
      { field: 'start', from: '10:00', to: '00:30' },
      { field: 'end', from: '10:40', to: '01:15' },
      { field: 'room', from: 'B110', to: 'Hall A' },
    ]);
    // Another zone, another wall time.
    expect(
      noteDrift(
        { title: 'A talk', date: '2013-04-16', start: '10:00', end: '10:40', room: 'B110' },
        entry(),
        'Europe/Berlin',
      ).fields.map((d) => `${d.field}=${d.to}`),
    ).toEqual(['start=19:00', 'end=19:40']);
  });

  it("a missing room is added; a programme without a room leaves the note's alone", () => {
    expect(
      noteDrift({ title: 'A talk', date: '2013-04-16', start: '10:00', end: '10:40' }, entry(), ZONE).fields,
    ).toEqual([{ field: 'room', from: null, to: 'B110' }]);
    expect(
      noteDrift(
        { title: 'A talk', date: '2013-04-16', start: '10:00', end: '10:40', room: 'Mine' },
        entry({ room: null }),
        ZONE,
      ).fields,
    ).toEqual([]);
  });

  it('all-day entries: no times; a date outside its days goes to its first day', () => {
    const day = entry({ all_day: true, start: '2013-04-16', end: '2013-04-17' });
    const inside = { title: 'A talk', date: '2013-04-17', start: '15:00', end: '16:00', room: 'B110' };
    expect(noteDrift(inside, day, ZONE).fields).toEqual([]);
    expect(noteDrift({ ...inside, date: '2013-04-18' }, day, ZONE).fields).toEqual([
      { field: 'date', from: '2013-04-18', to: '2013-04-16' },
    ]);
  });

  it('a cancelled or removed entry gives its status only, nothing to set', () => {
    const stale = { title: 'Old', date: '2013-04-10', start: '08:00', end: '08:10', room: 'X' };
    expect(noteDrift(stale, entry({ status: 'cancelled' }), ZONE)).toEqual({
      fields: [],
      status: 'cancelled',
    });
    expect(noteDrift(stale, entry({ status: 'removed' }), ZONE)).toEqual({ fields: [], status: 'removed' });
  });
});

describe('followEntry', () => {
  it('changes only the drifted lines, byte for byte (CRLF, comments, quoting kept)', () => {
    const text =
      '---\r\ntitle: A talk # mine\r\ntype: session\r\ndate: 2013-04-16\r\nstart: "10:00"\r\nend: \'10:40\'\r\nroom: B110\r\nprogramme: talk-1\r\n---\r\n## Notes\r\n\r\n- start: 10:00\r\n';
    const moved = entry({ start: '2013-04-16T18:30:00Z', end: '2013-04-16T19:10:00Z', room: 'Hall A: east' });
    const result = followEntry(text, moved, ZONE);
    expect(result.fields.map((d) => d.field)).toEqual(['start', 'end', 'room']);
    expect(result.text).toBe(
      text
        .replace('start: "10:00"', 'start: "11:30"')
        .replace("end: '10:40'", 'end: "12:10"')
        .replace('room: B110', 'room: "Hall A: east"'),
    );
    expect(data(result.text)).toMatchObject({
      start: '11:30',
      end: '12:10',
      room: 'Hall A: east',
      title: 'A talk',
    });
  });

  it('leaves a note without a programme link (or linked to another entry) untouched', () => {
    const plain = note({ room: 'B110' });
    expect(followEntry(plain, entry({ room: 'Hall A' }), ZONE)).toEqual({
      text: plain,
      fields: [],
      status: null,
    });
    const other = note({ room: 'B110', programme: 'talk-2' });
    expect(followEntry(other, entry({ room: 'Hall A' }), ZONE).text).toBe(other);
  });
});

const programmeYml = (entries: ProgrammeEntry[]) =>
  `timezone: ${ZONE}\nsource: x.ics\nentries:\n${entries
    .map(
      (e) =>
        `  - uid: ${e.uid}\n    title: ${JSON.stringify(e.title)}\n    start: ${e.start}\n    end: ${e.end}\n    all_day: ${e.all_day}\n    room: ${e.room ?? '~'}\n    track: ~\n    tags: []\n    speakers: []\n    url: ~\n    abstract: ~\n    status: ${e.status}\n    starred: false\n`,
    )
    .join('')}`;

describe('check: programme-changed and programme-cancelled', () => {
  it('reports each difference at its line with the programme value; --fix sets them, nothing else', async () => {
    const { ws, confDir } = workspace();
    fs.writeFileSync(path.join(confDir, 'a.md'), linked());
    fs.writeFileSync(path.join(confDir, 'b.md'), note({ programme: 'talk-2' }));
    fs.writeFileSync(path.join(confDir, 'plain.md'), note({ room: 'B110' }));
    fs.writeFileSync(
      path.join(confDir, 'programme.yml'),
      programmeYml([
        entry({ start: '2013-04-16T18:30:00-07:00', end: '2013-04-16T19:10:00-07:00', room: 'Hall A' }),
        entry({ uid: 'talk-2', status: 'cancelled' }),
      ]),
    );
    const found = checkWorkspace(ws);
    const problems = await checkProgrammes(ws, ['conf'], found.programmeRefs, found.linkedNotes);
    expect(problems.map((p) => `${p.path}:${p.line}:${p.rule}:${p.fixable}`)).toEqual([
      'conf/a.md:6:programme-changed:true',
      'conf/a.md:7:programme-changed:true',
      'conf/a.md:8:programme-changed:true',
      'conf/b.md:8:programme-cancelled:false',
    ]);
    expect(problems[0]!.message).toBe(
      `start "10:00", but conf/programme.yml says "18:30" for "talk-1"; take the programme's with: confnotes check --fix, or keep yours with: confnotes set conf/a.md keep=start`,
    );
    expect(problems[3]!.message).toContain('"talk-2" is cancelled in conf/programme.yml');

    const { followLookup } = await import('../../src/core/check/check.js');
    const follow = await followLookup(ws, ['conf']);
    const before = fs.readFileSync(path.join(confDir, 'a.md'), 'utf8');
    const fixed = fixText(before, 'note', follow('conf/a.md'));
    expect(fixed.changes).toEqual([
      "line 6: start 10:00 → 18:30 (the programme's)",
      "line 7: end 10:40 → 19:10 (the programme's)",
      "line 8: room B110 → Hall A (the programme's)",
    ]);
    expect(fixed.text).toBe(
      before
        .replace('start: "10:00"', 'start: "18:30"')
        .replace('end: "10:40"', 'end: "19:10"')
        .replace('room: B110', 'room: Hall A'),
    );
    // Cancelled: reported, never changed.
    const cancelled = fs.readFileSync(path.join(confDir, 'b.md'), 'utf8');
    expect(fixText(cancelled, 'note', follow('conf/b.md'))).toEqual({ text: cancelled, changes: [] });
    // Without a lookup the rule's repairs are not made.
    expect(fixText(before, 'note').text).toBe(before);
  });
});

describe('followProgramme (import --update-notes)', () => {
  it('counts without writing; writes only the linked, confirmed notes, only their drifted lines', () => {
    const { ws, confDir, root } = workspace();
    const a = linked({}, '## Notes\n\n- 10:02 hello\n');
    fs.writeFileSync(path.join(confDir, 'a.md'), a);
    fs.writeFileSync(path.join(confDir, 'b.md'), note({ programme: 'talk-2' }));
    fs.writeFileSync(path.join(confDir, 'plain.md'), note({ room: 'B110' }));
    const entries = [
      entry({ title: 'A better talk', room: 'Hall A' }),
      entry({ uid: 'talk-2', status: 'removed' }),
    ];
    const untouched = snapshot(root);
    const dry = followProgramme(ws, 'conf', entries, ZONE, { write: false });
    expect(dry.notes.map((n) => `${n.path}:${n.fields.map((f) => f.field).join(',')}`)).toEqual([
      'conf/a.md:title,room',
    ]);
    expect(dry.stale).toEqual([{ path: 'conf/b.md', uid: 'talk-2', status: 'removed' }]);
    expect(snapshot(root)).toEqual(untouched);

    const done = followProgramme(ws, 'conf', entries, ZONE, { write: true });
    expect(done.notes).toEqual(dry.notes);
    expect(fs.readFileSync(path.join(confDir, 'a.md'), 'utf8')).toBe(
      a.replace('title: A talk', 'title: A better talk').replace('room: B110', 'room: Hall A'),
    );
    const after = snapshot(root);
    for (const file of ['conf/b.md', 'conf/plain.md']) expect(after.get(file)).toBe(untouched.get(file));
    // A second run has nothing left to do.
    expect(followProgramme(ws, 'conf', entries, ZONE, { write: true }).notes).toEqual([]);
  });
});

describe('a note the splicer cannot edit', () => {
  it('is named and skipped by --update-notes; check --fix still makes the other repairs', async () => {
    const { ws, confDir } = workspace();
    const flow =
      '---\n{title: A talk, type: session, date: 2013-04-16, start: "10:00", end: "10:40", room: B110, programme: talk-1}\n---\n## Notes\n';
    fs.writeFileSync(path.join(confDir, 'flow.md'), flow);
    const entries = [entry({ room: 'Hall A' })];
    expect(followProgramme(ws, 'conf', entries, ZONE, { write: false }).notes).toHaveLength(1);
    const done = followProgramme(ws, 'conf', entries, ZONE, { write: true });
    expect(done.notes).toEqual([]);
    expect(done.skipped).toEqual([expect.stringMatching(/^conf\/flow\.md: .*\{…\}.*; not updated$/)]);
    expect(fs.readFileSync(path.join(confDir, 'flow.md'), 'utf8')).toBe(flow);
    // A tag to normalise beside a talk that moved: the tag is repaired even though the move cannot be.
    const both = linked({ tags: '[Storage]' });
    const lookup = () => ({ entry: entry({ room: 'Hall A' }), zone: ZONE });
    const fixed = fixText(both, 'note', lookup);
    expect(fixed.text).toBe(both.replace('[Storage]', '[storage]').replace('room: B110', 'room: Hall A'));
    expect(fixText(flow, 'note', lookup)).toEqual({ text: flow, changes: [] });
  });
});
