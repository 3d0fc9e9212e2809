/** Matching a re-import against the stored programme (programme-match.ts), field by field. */
import { describe, expect, it } from 'vitest';
import { mergeProgramme } from '../../src/core/programme/programme-match.js';
import type { FreshEntry, ProgrammeEntry } from '../../src/core/programme/programme-model.js';
import { refCandidates } from '../../src/core/programme/programme-ref.js';
import { freshEntry, storedEntry } from '../helpers/conference.js';

const fresh = freshEntry;
const stored = storedEntry;
const uids = (changes: { entry: ProgrammeEntry }[]) => changes.map((change) => change.entry.uid);

describe('mergeProgramme: what a re-import reports', () => {
  // Every field a re-import compares, changed alone: [field, old value, new value].
  it.each<[keyof FreshEntry, unknown, unknown]>([
    ['title', 'Old', 'New'],
    ['start', '2026-06-16T10:00:00+02:00', '2026-06-16T11:00:00+02:00'],
    ['end', '2026-06-16T10:40:00+02:00', '2026-06-16T10:50:00+02:00'],
    ['all_day', false, true],
    ['room', 'Hall A', 'Hall B'],
    ['room', 'Hall A', null],
    ['track', null, 'Storage'],
    ['tags', ['a'], ['a', 'b']],
    ['tags', ['a', 'b'], ['b', 'a']],
    ['speakers', ['Ann'], ['Bob']],
    ['url', null, 'https://example.org/t'],
    ['abstract', 'One', 'Two'],
    ['subtitle', undefined, 'Sub'],
    ['type', 'Talk', 'Workshop'],
    ['language', 'en', 'de'],
    ['description', 'Long', undefined],
    ['links', undefined, [{ title: 'Slides', url: 'https://example.org/s' }]],
    ['status', 'confirmed', 'cancelled'],
  ])('a changed %s (%j to %j) is one change of that field', (field, from, to) => {
    const result = mergeProgramme([stored('a', 'kkk', { [field]: from })], [fresh('a', { [field]: to })]);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]!.fields).toEqual([{ field, from, to }]);
    expect(result.unchanged).toBe(0);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('counts an entry unchanged when only absent and null differ, or only the star and ref', () => {
    const result = mergeProgramme(
      [stored('a', 'kkk', { subtitle: undefined, starred: true }), stored('b', 'mmm', { type: null })],
      [fresh('a', { subtitle: null }), fresh('b')],
    );
    expect(result.changed).toEqual([]);
    expect(result.unchanged).toBe(2);
    expect(result.entries.map((one) => [one.uid, one.ref, one.starred])).toEqual([
      ['a', 'kkk', true],
      ['b', 'mmm', false],
    ]);
  });

  it('keeps the user star over the export, and the stored ref', () => {
    const result = mergeProgramme(
      [stored('a', 'kkk', { starred: false }), stored('b', 'mmm', { starred: true })],
      [fresh('a', { starred: true, title: 'New' }), fresh('b', { starred: false })],
    );
    expect(result.entries.map((one) => [one.uid, one.ref, one.starred, one.title])).toEqual([
      ['a', 'kkk', false, 'New'],
      ['b', 'mmm', true, 'Talk b'],
    ]);
  });

  it('lists an entry as cancelled only when it newly is, added ones included', () => {
    const result = mergeProgramme(
      [stored('was', 'kkk', { status: 'cancelled' }), stored('now', 'mmm')],
      [
        fresh('was', { status: 'cancelled' }),
        fresh('now', { status: 'cancelled' }),
        fresh('new', { status: 'cancelled' }),
        fresh('fine'),
      ],
    );
    expect(uids(result.cancelled)).toEqual(['now', 'new']);
    expect(uids(result.added)).toEqual(['new', 'fine']);
    expect(uids(result.changed)).toEqual(['now']);
    expect(result.unchanged).toBe(1);
  });

  it('keeps a missing entry as removed once; one already removed stays as it was', () => {
    const gone = stored('gone', 'ggg', { status: 'removed', title: 'Old title' });
    const result = mergeProgramme([stored('left', 'lll'), gone], []);
    expect(uids(result.removed)).toEqual(['left']);
    expect(result.removed[0]!.entry).toEqual({ ...stored('left', 'lll'), status: 'removed' });
    expect(result.entries).toContainEqual(gone);
    expect(result.entries).toHaveLength(2);
    expect(result.unchanged).toBe(1);
    expect(result.changed).toEqual([]);
  });

  it('takes the first of two entries with one uid, and gives it the ref it has alone', () => {
    const alone = mergeProgramme([], [fresh('dup')]).entries[0]!.ref;
    const result = mergeProgramme([], [fresh('dup', { title: 'First' }), fresh('dup', { title: 'Second' })]);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ title: 'First', ref: alone });
    expect(uids(result.added)).toEqual(['dup']);
  });

  it('takes the first of two entries with a known uid, once', () => {
    const result = mergeProgramme(
      [stored('a', 'kkk')],
      [fresh('a', { title: 'First' }), fresh('a', { title: 'Second' })],
    );
    expect(result.entries.map((one) => one.title)).toEqual(['First']);
    expect(result.changed).toHaveLength(1);
  });

  it('never gives a new entry a ref a stored entry has, removed ones included', () => {
    const natural = refCandidates('new').next().value as string;
    expect(mergeProgramme([], [fresh('new')]).entries[0]!.ref).toBe(natural);
    const result = mergeProgramme([stored('old', natural, { status: 'removed' })], [fresh('new')]);
    const ref = result.entries.find((one) => one.uid === 'new')!.ref;
    expect(ref).not.toBe(natural);
    expect(ref).toMatch(/^[a-z][a-z0-9]{2,5}$/);
    expect(result.added[0]!.entry.ref).toBe(ref);
  });

  it('gives new entries refs in the export order, whatever the stored order', () => {
    const alone = (uid: string) => mergeProgramme([], [fresh(uid)]).entries[0]!.ref;
    const result = mergeProgramme([], [fresh('x'), fresh('y'), fresh('z')]);
    expect(result.entries.map((one) => one.ref)).toEqual([alone('x'), alone('y'), alone('z')]);
  });

  it('sorts the entries it returns: by start, all-day first, then uid', () => {
    const result = mergeProgramme(
      [stored('m', 'mmm', { start: '2026-06-16T09:00:00+02:00' })],
      [fresh('b'), fresh('a'), fresh('day', { all_day: true, start: '2026-06-16', end: '2026-06-16' })],
    );
    expect(result.entries.map((one) => one.uid)).toEqual(['day', 'm', 'a', 'b']);
  });
});
