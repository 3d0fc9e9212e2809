/** Which notes a filter keeps and in what order they list (note-query.ts): each filter alone, then together. */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/note/note.js';
import { filterNotes, sortNotes } from '../../src/core/note/note-query.js';
import { testNote } from '../helpers/conference.js';

const notes: Note[] = [
  testNote(
    {
      title: 'Ceph at scale',
      type: 'session',
      date: '2013-04-16',
      start: '"09:00"',
      speakers: '[Zoë Ângström]',
      rating: '4',
      favourite: 'true',
      tags: '[storage/ceph]',
      summary: 'Placement groups',
    },
    '## Notes\n- 09:10 CRUSH maps\n',
    'query',
  ),
  testNote(
    {
      title: 'Hallway chat',
      type: 'hallway',
      date: '2013-04-16',
      start: '"10:00"',
      speakers: '[Bob Lee]',
      tags: '[networking]',
      room: 'Foyer',
    },
    '## Notes\n',
    'query',
  ),
  testNote(
    {
      title: 'Another talk',
      type: 'session',
      date: '2013-04-17',
      start: '"08:00"',
      speakers: '[Ann Zoe, Bob Lee]',
      rating: '2',
      tags: '[storage]',
      track: 'Ops',
    },
    '## Notes\n',
    'query',
  ),
];
const titles = (list: { title: string }[]) => list.map((note) => note.title);

describe('filterNotes', () => {
  it('keeps what each filter asks for, alone', () => {
    expect(titles(filterNotes(notes, {}))).toEqual(['Ceph at scale', 'Hallway chat', 'Another talk']);
    expect(titles(filterNotes(notes, { tags: ['storage'] }))).toEqual(['Ceph at scale', 'Another talk']);
    expect(titles(filterNotes(notes, { type: 'hallway' }))).toEqual(['Hallway chat']);
    expect(titles(filterNotes(notes, { day: '2013-04-17' }))).toEqual(['Another talk']);
    expect(titles(filterNotes(notes, { favourite: true }))).toEqual(['Ceph at scale']);
    expect(titles(filterNotes(notes, { minRating: 3 }))).toEqual(['Ceph at scale']);
    expect(titles(filterNotes(notes, { minRating: 0 }))).toEqual([
      'Ceph at scale',
      'Hallway chat',
      'Another talk',
    ]);
    // Any case, any accents; every part must be in some speaker's name.
    expect(titles(filterNotes(notes, { speakers: ['zoe'] }))).toEqual(['Ceph at scale', 'Another talk']);
    expect(titles(filterNotes(notes, { speakers: ['zoe', 'bob'] }))).toEqual(['Another talk']);
  });

  it('searches title, speakers, summary, tags, track, room and body, in any case', () => {
    for (const [words, found] of [
      ['PLACEMENT', 'Ceph at scale'],
      ['crush', 'Ceph at scale'],
      ['foyer', 'Hallway chat'],
      ['ops', 'Another talk'],
      ['networking', 'Hallway chat'],
      ['lee', 'Hallway chat'],
    ] as const)
      expect(titles(filterNotes(notes, { search: words }))[0], words).toBe(found);
    expect(filterNotes(notes, { search: 'nowhere to be found' })).toEqual([]);
    expect(filterNotes(notes, { search: '   ' })).toHaveLength(3);
  });

  it('keeps only what every filter given keeps', () => {
    expect(titles(filterNotes(notes, { tags: ['storage'], type: 'session', day: '2013-04-16' }))).toEqual([
      'Ceph at scale',
    ]);
    expect(filterNotes(notes, { tags: ['storage'], favourite: true, day: '2013-04-17' })).toEqual([]);
  });
});

describe('sortNotes', () => {
  const listed = notes;
  it('by time unless asked, by title, or by rating (unrated last)', () => {
    expect(titles(sortNotes(listed))).toEqual(['Ceph at scale', 'Hallway chat', 'Another talk']);
    expect(titles(sortNotes(listed, 'title'))).toEqual(['Another talk', 'Ceph at scale', 'Hallway chat']);
    expect(titles(sortNotes(listed, 'rating'))).toEqual(['Ceph at scale', 'Another talk', 'Hallway chat']);
  });
});
