/** A note dated outside the conference's dates: its own "Watched later" group, out of the statistics. */
import { describe, expect, it } from 'vitest';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { buildReport, watchedLater } from '../../src/core/report/report-model.js';
import { note as noteText } from '../helpers/workspace.js';
import { testConference } from '../helpers/conference.js';

const conference = testConference();

let counter = 0;
function mk(title: string, date: string): Note {
  const fields = { title, date, start: '"10:00"', end: '"11:00"' };
  const { meta, split } = parseNote(noteText(fields, '## Key takeaways\n\n- a point\n'));
  const id = `later-${++counter}`;
  return { ...meta, id, file: `/nowhere/${id}.md`, path: `conf/${id}.md`, folder: 'conf', body: split.body };
}

describe('watched later', () => {
  it('is a date before or after the conference, never without conference dates', () => {
    expect(watchedLater(conference, '2013-04-15')).toBe(false);
    expect(watchedLater(conference, '2013-04-18')).toBe(false);
    expect(watchedLater(conference, '2013-04-25')).toBe(true);
    expect(watchedLater(conference, '2013-04-01')).toBe(true);
    expect(watchedLater({ ...conference, start: null, end: null }, '2013-12-01')).toBe(false);
  });

  for (const groupBy of ['type', 'day', 'track'] as const) {
    it(`has its own last group and stays out of days, hours and per-day rows (--group-by ${groupBy})`, () => {
      const model = buildReport(conference, [mk('On video', '2013-12-01'), mk('In the room', '2013-04-16')], {
        groupBy,
      });
      const last = model.groups[model.groups.length - 1]!;
      expect(last).toMatchObject({ key: 'watched-later', title: 'Watched later', count: 1 });
      expect(last.notes[0]!.title).toBe('On video');
      expect(model.groups.slice(0, -1).flatMap((g) => g.notes.map((n) => n.title))).toEqual(['In the room']);
      expect(model.stats).toMatchObject({ days: 1, hours: '1', sessions: 1 });
      expect(model.stats!.perDay.map((row) => row.date)).toEqual(['2013-04-16']);
      expect(last.notes[0]!.meta).toContain('Sunday 1 December');
    });
  }
});
