/**
 * The report's statistics and model fields on input that is not already in
 * the order the report gives: most used tags ranked and capped, conference
 * fields and dates from partial conference.md files, favourites, follow-ups.
 */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/note/note.js';
import { buildReport, splitConferenceBody, watchedLater } from '../../src/core/report/report-model.js';
import type { Conference } from '../../src/core/workspace/conference.js';
import { testConference, testNote } from '../helpers/conference.js';

const mk = (fields: Record<string, string>, body?: string): Note => testNote(fields, body, 'stats');

/** Notes whose tags give `counts` (tag → number of notes), each note's tags in the order given. */
function tagged(perNote: string[][]): Note[] {
  return perNote.map((tags, i) =>
    mk({ title: `T${i}`, start: `"${String(8 + i).padStart(2, '0')}:00"`, tags: `[${tags.join(', ')}]` }),
  );
}

const topTags = (notes: Note[]) => buildReport(testConference(), notes).stats!.topTags;

describe('most used tags', () => {
  it('ranks tags by how many notes carry them, most first, whatever order they first come in', () => {
    // First seen: once, two, three, four; counts 1, 2, 3, 4.
    const notes = tagged([
      ['once', 'two', 'three', 'four'],
      ['two', 'three', 'four'],
      ['three', 'four'],
      ['four'],
    ]);
    expect(topTags(notes).map(({ tag, count }) => [tag, count])).toEqual([
      ['four', 4],
      ['three', 3],
      ['two', 2],
    ]);
    expect(buildReport(testConference(), notes).stats!.topTagsText).toBe('four (4), three (3), two (2)');
  });

  it('breaks ties by name, whichever of the two came first', () => {
    const notes = tagged([
      ['zeta', 'beta', 'omega'],
      ['zeta', 'beta', 'alpha'],
      ['alpha', 'omega', 'delta'],
      ['delta', 'gamma'],
      ['gamma'],
    ]);
    expect(topTags(notes).map(({ tag }) => tag)).toEqual([
      'alpha',
      'beta',
      'delta',
      'gamma',
      'omega',
      'zeta',
    ]);
    expect(topTags([...notes].reverse()).map(({ tag }) => tag)).toEqual([
      'alpha',
      'beta',
      'delta',
      'gamma',
      'omega',
      'zeta',
    ]);
  });

  it('keeps the eight most used, leaving out the least used even when they came first', () => {
    // t01..t10: t01 is on 2 notes, t10 on 11; the two least used (t01, t02) fall out.
    const perNote = Array.from({ length: 11 }, (_, i) =>
      Array.from({ length: 10 }, (_, t) => t)
        .filter((t) => i <= t + 1)
        .map((t) => `t${String(t + 1).padStart(2, '0')}`),
    );
    const tags = topTags(tagged(perNote));
    expect(tags.map(({ tag, count }) => `${tag} ${count}`)).toEqual([
      't10 11',
      't09 10',
      't08 9',
      't07 8',
      't06 7',
      't05 6',
      't04 5',
      't03 4',
    ]);
    expect(tags.map(({ first, last }) => [first, last])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect(tags[0]).toMatchObject({ tag: 't10', label: 't10', count: 11, text: 't10 (11)' });
  });

  it('counts a tag of two notes and not one of a single note', () => {
    expect(topTags(tagged([['a', 'b'], ['a']])).map(({ tag }) => tag)).toEqual(['a']);
  });
});

describe('the conference part of the model', () => {
  const withDates = (extra: Partial<Conference>) =>
    buildReport(testConference(extra), [
      mk({ title: 'Late', date: '2013-04-17' }),
      mk({ title: 'Early', date: '2013-04-15' }),
      mk({ title: 'Middle', date: '2013-04-16' }),
    ]);

  it('takes the dates from the notes when conference.md has none', () => {
    const model = withDates({ start: null, end: null });
    expect(model.conference.dates).toBe('15–17 April 2013');
  });

  it('ends at the last note when conference.md gives only a start, and a note is not watched later then', () => {
    const model = withDates({ start: '2013-04-14', end: null });
    expect(model.conference.dates).toBe('14–17 April 2013');
    expect(model.groups.map((group) => group.key)).not.toContain('watched-later');
    expect(watchedLater(testConference({ start: '2013-04-14', end: null }), '2013-01-01')).toBe(false);
    expect(watchedLater(testConference({ start: null, end: '2013-04-14' }), '2013-12-01')).toBe(false);
  });

  it('has no dates without conference dates or notes', () => {
    const model = buildReport(testConference({ start: null, end: null }), []);
    expect(model.conference.dates).toBeNull();
    expect(model.stats).toBeNull();
  });

  it('is a one-day range with a start and no end and no notes', () => {
    const model = buildReport(testConference({ start: '2013-04-15', end: null }), []);
    expect(model.conference.dates).toBe('15 April 2013');
  });

  it('names the report after the slug when the name is all private, and drops private parts of fields', () => {
    const model = buildReport(
      testConference({
        name: '<!-- private -->Secret Summit<!-- /private -->',
        location: 'Lyon <!-- private -->hotel room 12<!-- /private -->',
        author: '<!-- private -->Ann<!-- /private -->',
        disclaimer: 'Views are mine.',
        timezone: 'Europe/Paris',
        url: 'https://example.org/conf',
      }),
      [],
    );
    expect(model.title).toBe('conf trip report');
    expect(model.conference).toEqual({
      slug: 'conf',
      name: 'conf',
      start: '2013-04-15',
      end: '2013-04-18',
      dates: '15–18 April 2013',
      location: 'Lyon',
      timezone: 'Europe/Paris',
      url: 'https://example.org/conf',
      author: null,
      disclaimer: 'Views are mine.',
    });
    expect(model.includePrivate).toBe(false);
    expect(JSON.stringify(model)).not.toMatch(/Secret|hotel|Ann/);
  });

  it('keeps the private parts with includePrivate, markers removed', () => {
    const model = buildReport(
      testConference({ name: '<!-- private -->Secret Summit<!-- /private -->' }),
      [],
      { includePrivate: true },
    );
    expect(model.title).toBe('Secret Summit trip report');
    expect(model.includePrivate).toBe(true);
  });
});

describe('a talk watched later', () => {
  it('names its day in its line, and its type only where the grouping does not', () => {
    const notes = () => [mk({ title: 'On video', date: '2013-12-01' })];
    const meta = (groupBy: 'type' | 'day' | 'track') =>
      buildReport(testConference(), notes(), { groupBy }).groups.at(-1)!.notes[0]!.meta;
    expect(meta('type')).toBe('Sunday 1 December, 10:00–10:40');
    expect(meta('day')).toBe('Session · Sunday 1 December, 10:00–10:40');
    expect(meta('track')).toBe('Session · Sunday 1 December, 10:00–10:40');
  });
});

describe('groups by track and by day', () => {
  const notes = () => [
    mk({ title: 'No track', date: '2013-04-15', start: '"09:00"' }),
    mk({ title: 'Lab', date: '2013-04-16', start: '"10:00"', track: 'Labs' }),
  ];

  it('puts notes without a track last, as "other", even when one comes first', () => {
    const groups = buildReport(testConference(), notes(), { groupBy: 'track' }).groups;
    expect(groups.map(({ key, title, count }) => [key, title, count])).toEqual([
      ['Labs', 'Labs', 1],
      ['other', 'Other', 1],
    ]);
  });

  it('keys each day group by its date', () => {
    const groups = buildReport(testConference(), notes(), { groupBy: 'day' }).groups;
    expect(groups.map(({ key, title }) => [key, title])).toEqual([
      ['2013-04-15', 'Monday 15 April'],
      ['2013-04-16', 'Tuesday 16 April'],
    ]);
  });
});

describe('favourites and follow-ups', () => {
  it('gives each favourite its fields, and no link when it has none', () => {
    const model = buildReport(testConference(), [
      mk({ title: 'Top', rating: '5', summary: 'Best talk.', start: '"11:00"' }),
      mk({ title: 'Fav', favourite: 'true', start: '"09:00"' }),
    ]);
    expect(model.favourites).toEqual([
      {
        id: model.notes[0]!.id,
        title: 'Fav',
        summary: null,
        rating: null,
        stars: model.notes[0]!.stars,
        link: null,
      },
      {
        id: model.notes[1]!.id,
        title: 'Top',
        summary: 'Best talk.',
        rating: 5,
        stars: model.notes[1]!.stars,
        link: null,
      },
    ]);
  });

  it('gives each follow-up group its note, in the notes’ order, and the count of all items', () => {
    const model = buildReport(testConference(), [
      mk({ title: 'Second', date: '2013-04-17' }, '## Follow-ups\n\n- [ ] c\n'),
      mk({ title: 'First', date: '2013-04-16' }, '## Follow-ups\n\n- [ ] a\n- [ ] b\n- [x] done\n'),
    ]);
    expect(model.followUps).toEqual([
      {
        id: model.notes[0]!.id,
        title: 'First',
        date: '2013-04-16',
        day: 'Tuesday 16 April',
        items: [{ text: 'a' }, { text: 'b' }],
      },
      {
        id: model.notes[1]!.id,
        title: 'Second',
        date: '2013-04-17',
        day: 'Wednesday 17 April',
        items: [{ text: 'c' }],
      },
    ]);
    expect(model.followUpCount).toBe(3);
  });

  it('flags the first and last link of a note', () => {
    const model = buildReport(testConference(), [
      mk({ title: 'Both', links: '{slides: https://example.org/s, video: https://example.org/v}' }),
    ]);
    expect(model.links[0]!.items).toEqual([
      { kind: 'video', url: 'https://example.org/v', first: true, last: false },
      { kind: 'slides', url: 'https://example.org/s', first: false, last: true },
    ]);
  });
});

describe("conference.md's introduction heading", () => {
  it('drops a leading Intro heading at any level, but not one that follows text or only starts with the word', () => {
    expect(splitConferenceBody('# Intro\n\nWhy.\n').introduction).toBe('Why.');
    expect(splitConferenceBody('introduction\n============\n\nWhy.\n').introduction).toBe('Why.');
    expect(splitConferenceBody('Hello.\n\n## Introduction\n\nWhy.\n').introduction).toBe(
      'Hello.\n\n### Introduction\n\nWhy.',
    );
    expect(splitConferenceBody('## Introductory remarks\n\nWhy.\n').introduction).toBe(
      '### Introductory remarks\n\nWhy.',
    );
    expect(splitConferenceBody('## My introduction\n\nWhy.\n').introduction).toBe(
      '### My introduction\n\nWhy.',
    );
  });

  it('drops an Intro heading after blank lines, and keeps private parts out by default', () => {
    expect(splitConferenceBody('\n\n## Introduction\n\nWhy.\n').introduction).toBe('Why.');
    const body =
      'Why <!-- private -->the free hotel<!-- /private -->I went.\n\n## Observations\n\n<!-- private -->\nGossip.\n<!-- /private -->\nBusy.\n';
    expect(splitConferenceBody(body)).toEqual({ introduction: 'Why I went.', observations: 'Busy.' });
    expect(splitConferenceBody(body, true)).toEqual({
      introduction: 'Why the free hotelI went.',
      observations: 'Gossip.\nBusy.',
    });
  });

  it('starts the observations only at a heading that starts with the word', () => {
    expect(splitConferenceBody('## Impressionsdesk\n\nArt.\n\n## My observations\n\nx\n')).toEqual({
      introduction: '### Impressionsdesk\n\nArt.\n\n### My observations\n\nx',
      observations: null,
    });
    expect(splitConferenceBody('Intro.\n\n## observations\n\nx\n')).toEqual({
      introduction: 'Intro.',
      observations: 'x',
    });
  });
});
