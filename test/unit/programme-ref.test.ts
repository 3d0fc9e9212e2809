/** Short programme refs (issue 16): unique, short, kept across re-imports, given to old programme.yml files. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceItems } from '../../src/commands/completion/sources.js';
import { nowFromEnv } from '../../src/context.js';
import { resolveNote } from '../../src/core/note/note-resolve.js';
import {
  filterEntries,
  findEntry,
  mergeProgramme,
  parseProgrammeText,
  programmeText,
  readProgramme,
  starredFirst,
  updateProgramme,
  type FreshEntry,
  type ProgrammeEntry,
} from '../../src/core/programme/programme.js';
import { importProgramme } from '../../src/core/programme/programme-import.js';
import { noteRefs } from '../../src/core/programme/programme-notes.js';
import { assignRefs, refCandidates } from '../../src/core/programme/programme-ref.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { freshEntry } from '../helpers/conference.js';
import { makeWorkspace } from '../helpers/workspace.js';

const REAL = path.join(import.meta.dirname, '../fixtures/real');
const SHAPE = /^[a-hjkmnp-z][a-hjkmnp-z2-9]{2,5}$/;

const fresh = (uid: string, fields: Partial<FreshEntry> = {}): FreshEntry =>
  freshEntry(uid, {
    start: '2015-09-18T10:00:00+01:00',
    end: '2015-09-18T10:30:00+01:00',
    room: 'Osper Room (CC1.4)',
    ...fields,
  });

/** A uid as PyCon UK 2015's vobject export writes them. */
const realUid = (n: number) =>
  `20150916T124817Z-${10000 + n}@testing-worker-linux-docker-88763661-3190-linux-${n % 7}`;

function checkRefs(entries: { uid: string; ref: string }[]) {
  const refs = entries.map((entry) => entry.ref);
  expect(new Set(refs).size).toBe(refs.length);
  expect(refs.filter((ref) => !SHAPE.test(ref) || ref === 'now' || ref === 'next')).toEqual([]);
  // Never also a uid prefix, so a ref and a prefix cannot name two talks.
  expect(refs.filter((ref) => entries.some((other) => other.uid.startsWith(ref)))).toEqual([]);
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});
function workspace() {
  const made = makeWorkspace();
  temps.push(made.root);
  return made;
}

describe('assigning refs', () => {
  it('gives any set of uids unique refs of 3 to 6 unambiguous characters, the same each time', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 80 }),
            fc.nat(100_000).map(realUid),
            fc.stringMatching(/^[a-z]{1,6}$/),
          ),
          { minLength: 1, maxLength: 400 },
        ),
        (uids) => {
          const once = assignRefs(uids.map((uid) => ({ uid })));
          checkRefs(once);
          expect(assignRefs(uids.map((uid) => ({ uid })))).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays short for a big programme of real long uids: mostly 3 characters, never over 6', () => {
    const entries = assignRefs(Array.from({ length: 3000 }, (_, n) => ({ uid: realUid(n) })));
    checkRefs(entries);
    const short = entries.filter((entry) => entry.ref.length === 3).length;
    expect(short).toBeGreaterThan(2000);
    expect(Math.max(...entries.map((entry) => entry.ref.length))).toBeLessThanOrEqual(5);
  });

  it('never gives a new talk a ref a removed one had', () => {
    const taken = refCandidates('new-talk').next().value as string;
    const before: ProgrammeEntry[] = [{ ...fresh('gone'), ref: taken, status: 'removed' }];
    const merged = mergeProgramme(before, [fresh('new-talk')]);
    const added = merged.entries.find((entry) => entry.uid === 'new-talk')!;
    expect(added.ref).not.toBe(taken);
    expect(added.ref).toMatch(SHAPE);
    expect(merged.entries.find((entry) => entry.uid === 'gone')!.ref).toBe(taken);
  });
});

describe('refs across re-imports', () => {
  it('keeps every ref when the export is imported again with new UIDs (PyCon UK 2015)', async () => {
    const { ws } = workspace();
    const conference = readConference(ws, 'conf');
    const ics = fs.readFileSync(path.join(REAL, 'pyconuk-2015-vobject.ics'), 'utf8');
    await importProgramme(ws, conference, ics, { shown: 'a.ics', source: 'a.ics' });
    const first = readProgramme(ws, conference)!.entries;
    expect(first).toHaveLength(162);
    checkRefs(first);
    // The same talks, each with a UID never seen: matched by the fallback, refs kept.
    const renamed = ics.replace(/^UID:(.*)$/gm, (_, uid: string) => `UID:rebuilt-${uid.split('@')[0]}`);
    const second = await importProgramme(ws, conference, renamed, { shown: 'b.ics', source: 'b.ics' });
    expect(second.followed).toBeGreaterThan(150);
    const after = readProgramme(ws, conference)!.entries;
    const refOf = (entries: ProgrammeEntry[]) =>
      new Map(entries.map((entry) => [`${entry.start} ${entry.title} ${entry.room}`, entry.ref]));
    const before = refOf(first);
    let kept = 0;
    for (const [talk, ref] of refOf(after)) if (before.get(talk) === ref) kept++;
    expect(kept).toBe(second.followed);
    checkRefs(after);
  });

  it('keeps refs on a plain re-import and gives a new talk a fresh one', () => {
    const first = mergeProgramme([], [fresh('a'), fresh('b')]);
    const second = mergeProgramme(first.entries, [fresh('b', { title: 'Renamed' }), fresh('c')]);
    const ref = (result: typeof first, uid: string) => result.entries.find((one) => one.uid === uid)!.ref;
    expect(ref(second, 'a')).toBe(ref(first, 'a')); // removed, kept
    expect(ref(second, 'b')).toBe(ref(first, 'b'));
    expect(second.changed.map((change) => change.fields!.map((field) => field.field))).toEqual([['title']]);
    checkRefs(second.entries);
  });
});

describe('programme.yml without refs (written before them)', () => {
  const legacy = (entries: FreshEntry[]) =>
    programmeText({ timezone: 'Europe/London', source: 'x.ics', entries }).replace(/^ {4}ref: .*\n/gm, '');

  it('gets refs on read, the same on every read, and keeps them on the next write', () => {
    const text = legacy([fresh('one'), fresh('two'), fresh(realUid(1))]);
    expect(text).not.toContain('ref:');
    const read = parseProgrammeText(text, 'programme.yml');
    checkRefs(read.entries);
    expect(parseProgrammeText(text, 'programme.yml').entries).toEqual(read.entries);

    const { ws, confDir } = workspace();
    const conference = readConference(ws, 'conf');
    fs.writeFileSync(path.join(confDir, 'programme.yml'), text);
    expect(readProgramme(ws, conference)!.entries).toEqual(read.entries);
    // A star is the next write: every entry is written with the ref it was read with.
    updateProgramme(ws, conference, (current) => ({
      ...current!,
      entries: current!.entries.map((one) => ({ ...one, starred: true })),
    }));
    const written = fs.readFileSync(path.join(confDir, 'programme.yml'), 'utf8');
    expect(written.match(/^ {4}ref: /gm)).toHaveLength(3);
    expect(written).toMatch(/^ {2}- uid: one\n {4}ref: [a-z2-9]+\n/m);
    expect(readProgramme(ws, conference)!.entries.map((one) => one.ref)).toEqual(
      read.entries.map((one) => one.ref),
    );
  });

  it('refuses a bad or repeated ref, naming the line', () => {
    const text = programmeText({ timezone: null, source: null, entries: [fresh('a'), fresh('b')] });
    const lines = text.split('\n');
    const refLine = (uid: string) => lines.indexOf(`  - uid: ${uid}`) + 1;
    const refOfA = lines[refLine('a')]!;
    const bad = [...lines];
    bad[refLine('b')] = '    ref: NOT-OK';
    expect(() => parseProgrammeText(bad.join('\n'), 'p.yml')).toThrow(
      new RegExp(`^p\\.yml:${refLine('b')}: entry b: ref "NOT-OK" is not 1 to 6 lower-case`),
    );
    const twice = [...lines];
    twice[refLine('b')] = refOfA;
    expect(() => parseProgrammeText(twice.join('\n'), 'p.yml')).toThrow(
      new RegExp(`^p\\.yml:${refLine('b')}: entry b: ref "[a-z2-9]+" is also entry a's$`),
    );
  });
});

describe('choosing by ref, room and star', () => {
  const entries: ProgrammeEntry[] = [
    { ...fresh('k7m-talk'), ref: 'abc' },
    { ...fresh('abc-prefixed'), ref: 'kqz', room: 'Salle Épée', starred: true },
    { ...fresh('abd'), ref: 'xyz', room: 'LaterPay Learning Space (Bistro)' },
  ];

  it('takes an exact uid first, then a ref, then a uid prefix', () => {
    expect(findEntry(entries, 'abd')!.uid).toBe('abd');
    expect(findEntry(entries, 'abc')!.uid).toBe('k7m-talk');
    expect(findEntry(entries, 'xyz')!.uid).toBe('abd');
    expect(findEntry(entries, 'abc-p')!.uid).toBe('abc-prefixed');
    expect(findEntry(entries, 'zzz')).toBeNull();
  });

  it('--room: the name, a prefix of it or whole words of it, any case, accents folded', () => {
    const rooms = (room: string) => filterEntries(entries, { room }, null).map((one) => one.uid);
    expect(rooms('osper')).toEqual(['k7m-talk']);
    expect(rooms('OSPER ROOM (CC1.4)')).toEqual(['k7m-talk']);
    expect(rooms('cc1.4')).toEqual(['k7m-talk']);
    expect(rooms('epee')).toEqual(['abc-prefixed']);
    expect(rooms('salle e')).toEqual(['abc-prefixed']);
    expect(rooms('learning space')).toEqual(['abd']);
    expect(rooms('bistro')).toEqual(['abd']);
    expect(rooms('sper')).toEqual([]);
    expect(rooms('learn')).toEqual([]);
    expect(rooms('(')).toEqual([]);
  });

  it('lists starred talks first for the picker', () => {
    expect(starredFirst(entries).map((one) => one.uid)).toEqual(['abc-prefixed', 'k7m-talk', 'abd']);
  });
});

describe('a note answers to its talk ref', () => {
  it('after an exact id, before an id prefix; list --json and completion find the ref', async () => {
    const { ws, root, confDir } = workspace();
    const conference = readConference(ws, 'conf');
    updateProgramme(ws, conference, () => ({
      timezone: null,
      source: 'test',
      entries: [
        { ...fresh(realUid(1)), ref: 'kqz' },
        { ...fresh(realUid(2)), ref: 'talk' },
      ],
    }));
    const write = (name: string, uid?: string) => {
      const file = path.join(confDir, `${name}.md`);
      fs.writeFileSync(
        file,
        `---\ntitle: ${name}\ndate: 2013-04-16\n${uid ? `programme: "${uid}"\n` : ''}---\n## Notes\n`,
      );
      return file;
    };
    const linked = write('2013-04-16-1000-pandas', realUid(1));
    const other = write('kqz-notes');
    const named = write('talk', realUid(2));
    expect(resolveNote(ws, 'kqz', root)).toBe(linked);
    expect(resolveNote(ws, 'kqz-', root)).toBe(other);
    // An exact id wins over a ref.
    const exact = write('kqz');
    expect(resolveNote(ws, 'kqz', root)).toBe(exact);
    expect(resolveNote(ws, 'talk', root)).toBe(named);
    expect(resolveNote(ws, '2013-04-16-1000-p', root)).toBe(linked);
    // TAB after --from or --star offers each ref, then each uid, with the title.
    const values = (await sourceItems(ws, 'from', undefined)).map((item) => item.value);
    expect(values).toEqual(['now', 'next', 'kqz', realUid(1), 'talk', realUid(2)]);
    expect((await sourceItems(ws, 'entries', undefined))[0]).toEqual({
      value: 'kqz',
      description: `Talk ${realUid(1)}`,
    });
    const refOf = noteRefs(ws);
    expect(refOf({ folder: 'conf', programme: realUid(1) })).toBe('kqz');
    expect(refOf({ folder: 'conf', programme: null })).toBeNull();
    expect(refOf({ folder: 'conf', programme: 'not-in-the-programme' })).toBeNull();
  });
});

describe('CONFNOTES_NOW', () => {
  it('without an offset is a wall time in the zone the caller names; with one, an instant', () => {
    const wall = nowFromEnv({ CONFNOTES_NOW: '2015-09-18 10:35' });
    expect(wall('Europe/London').toISOString()).toBe('2015-09-18T09:35:00.000Z');
    expect(wall('America/Los_Angeles').toISOString()).toBe('2015-09-18T17:35:00.000Z');
    expect(nowFromEnv({ CONFNOTES_NOW: '2015-09-18T10:35:20' })('Asia/Kolkata').toISOString()).toBe(
      '2015-09-18T05:05:20.000Z',
    );
    const instant = nowFromEnv({ CONFNOTES_NOW: '2015-09-18T10:35:00Z' });
    expect(instant('Europe/London').toISOString()).toBe('2015-09-18T10:35:00.000Z');
    expect(nowFromEnv({ CONFNOTES_NOW: '2015-09-18T10:35+02:00' })('UTC').toISOString()).toBe(
      '2015-09-18T08:35:00.000Z',
    );
    for (const bad of ['2015-02-30 10:35', '2015-09-18 24:00', '2015-09-18 10:60', 'soon'])
      expect(() => nowFromEnv({ CONFNOTES_NOW: bad }), bad).toThrow(/^CONFNOTES_NOW is not an ISO 8601/);
  });
});
