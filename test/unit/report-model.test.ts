/** The trip report's data model and every section rule, in process, on notes built from text. */
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/core/workspace/conference.js';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { buildReport, splitConferenceBody, type ReportModel } from '../../src/core/report/report-model.js';
import { renderMarkdownReport } from '../../src/core/report/report-render.js';
import { findTemplate } from '../../src/core/templates.js';
import { note as noteText } from '../helpers/workspace.js';
import { testConference } from '../helpers/conference.js';

function conference(body = '', extra: Partial<Conference> = {}): Conference {
  return testConference({
    location: 'Portland',
    timezone: 'America/Los_Angeles',
    author: 'Ann Writer',
    body,
    ...extra,
  });
}

let counter = 0;
function mk(fields: Record<string, string>, body = '## Notes\n'): Note {
  const { meta, split } = parseNote(noteText(fields, body));
  const id = `note-${++counter}`;
  return {
    ...meta,
    id,
    file: `/nowhere/conf/${id}.md`,
    path: `conf/${id}.md`,
    folder: 'conf',
    body: split.body,
  };
}

const builtin = findTemplate(null, 'report', process.cwd());
const markdownOf = (model: ReportModel) => renderMarkdownReport(builtin, model);

describe('sections', () => {
  it('leaves out every empty section, keeping only the title block', () => {
    const model = buildReport(
      conference('## Introduction\n\n<!-- Why you went. -->\n\n## Observations\n\n<!-- Trends. -->\n'),
      [],
    );
    expect(model.introduction).toBeNull();
    expect(model.observations).toBeNull();
    expect(model.stats).toBeNull();
    expect(model.groups).toEqual([]);
    const markdown = markdownOf(model);
    expect(markdown).toBe(
      '# Test Conf 2013 trip report\n\n**15–18 April 2013** · Portland  \nBy Ann Writer\n',
    );
  });

  it('prints the sections in the order the issue gives', () => {
    const notes = [
      mk(
        {
          title: 'Keynote',
          type: 'keynote',
          favourite: 'true',
          summary: 'Big news',
          links: '{video: https://example.org/v}',
        },
        '## Key takeaways\n\n- one\n\n## Follow-ups\n\n- [ ] watch it\n',
      ),
      mk({ title: 'Talk', date: '2013-04-17' }, '## Key takeaways\n\n- two\n'),
    ];
    const body = 'Before.\n\n## Observations\n\n### Trends\n\n- clouds\n';
    const markdown = markdownOf(buildReport(conference(body, { disclaimer: 'My own views.' }), notes));
    const order = [
      '# Test Conf',
      '> My own views.',
      '## Introduction',
      '## At a glance',
      '## Keynotes',
      '## Sessions',
      '## Observations',
      '### Trends',
      '## Personal favourites',
      '## Follow-ups',
      '## Videos and slides',
    ];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('quotes each note with title, speakers, time, room, summary and its key takeaways only', () => {
    const model = buildReport(conference(), [
      mk(
        { title: 'Fibre Channel', speakers: '[Ann, Bob]', room: 'B113', summary: 'FC works.' },
        '## Key takeaways\n\n- zoning is hard\n\n### Detail\n\ntext\n\n## Notes\n\n- 10:02 raw jot\n',
      ),
    ]);
    const [entry] = model.groups[0]!.notes;
    expect(entry!.meta).toBe('Ann and Bob · Tuesday 16 April, 10:00–10:40 · B113');
    expect(entry!.takeaways).toBe('- zoning is hard\n\n#### Detail\n\ntext');
    expect(markdownOf(model)).not.toContain('raw jot');
  });
});

describe('follow-ups', () => {
  it('lists every unchecked item with its note, and leaves checked ones out', () => {
    const model = buildReport(conference(), [
      mk(
        { title: 'B talk', start: '"11:00"' },
        '## Follow-ups\n\n- [ ] second\n- [x] done already\n- [X] also done\n',
      ),
      mk(
        { title: 'A talk' },
        '## Follow-ups\n\n- [ ] first\n  * [ ] nested one\n\n## Notes\n\n- [ ] a todo jotted in the notes\n\n```\n- [ ] inside code\n```\n',
      ),
    ]);
    expect(model.followUps.map((group) => [group.title, group.items.map((item) => item.text)])).toEqual([
      ['A talk', ['first', 'nested one', 'a todo jotted in the notes']],
      ['B talk', ['second']],
    ]);
    expect(model.followUpCount).toBe(4);
    expect(markdownOf(model)).not.toMatch(/done already|also done|inside code/);
  });

  it('has no follow-ups section when every item is checked', () => {
    const model = buildReport(conference(), [mk({ title: 'A' }, '## Follow-ups\n\n- [x] done\n')]);
    expect(model.followUps).toEqual([]);
    expect(markdownOf(model)).not.toContain('## Follow-ups');
  });
});

describe('private stays private', () => {
  const notes = () => [
    mk(
      {
        title: 'Public talk',
        tags: '[shared, public]',
        links: '{video: https://example.org/public}',
        favourite: 'true',
      },
      '## Key takeaways\n\n- public point\n<!-- private -->\n- secret point\n- [ ] secret todo\n<!-- /private -->\n- last public point\n\n## Follow-ups\n\n- [ ] public todo\n',
    ),
    mk(
      {
        title: 'Secret coffee',
        type: 'hallway',
        private: 'true',
        tags: '[shared, secret-tag]',
        rating: '5',
        favourite: 'true',
        date: '2013-04-18',
        start: '"17:00"',
        end: '"18:00"',
        links: '{video: https://example.org/secret}',
      },
      '## Key takeaways\n\n- the client name\n\n## Follow-ups\n\n- [ ] call the client\n',
    ),
  ];

  it('keeps private notes out of sessions, statistics, favourites, follow-ups and links', () => {
    const model = buildReport(conference(), notes());
    const markdown = markdownOf(model);
    for (const secret of [
      'Secret coffee',
      'the client name',
      'call the client',
      'secret-tag',
      'example.org/secret',
      'secret point',
      'secret todo',
      'Thursday',
    ]) {
      expect(markdown).not.toContain(secret);
    }
    expect(model.stats).toMatchObject({ notes: 1, sessions: 1, other: 0, days: 1, minutes: 40 });
    expect(model.stats!.topTags).toEqual([]);
    expect(model.favourites.map((favourite) => favourite.title)).toEqual(['Public talk']);
    expect(model.followUps.flatMap((group) => group.items.map((item) => item.text))).toEqual(['public todo']);
    expect(model.notes[0]!.takeaways).toBe('- public point\n- last public point');
  });

  it('includes everything with includePrivate, without the markers', () => {
    const model = buildReport(conference(), notes(), { includePrivate: true });
    const markdown = markdownOf(model);
    for (const secret of [
      'Secret coffee',
      'the client name',
      'call the client',
      'example.org/secret',
      'secret point',
      'secret todo',
      'Thursday 18 April',
    ]) {
      expect(markdown).toContain(secret);
    }
    expect(markdown).not.toMatch(/<!--\s*\/?private/);
    expect(model.stats).toMatchObject({ notes: 2, sessions: 1, other: 1, days: 2 });
    expect(model.stats!.topTags.map((tag) => tag.tag)).toEqual(['shared']);
  });

  it('drops an unclosed private block to the end of the note, and private parts of conference.md', () => {
    const model = buildReport(
      conference(
        'Intro.\n<!-- private -->\nour budget\n<!-- /private -->\n\n## Observations\n\n- seen <!-- private -->inline secret<!-- /private --> trend\n',
      ),
      [
        mk(
          { title: 'T' },
          '## Key takeaways\n\n- kept\n<!-- private -->\n- gone\n\n## Follow-ups\n\n- [ ] gone too\n',
        ),
      ],
    );
    expect(model.introduction).toBe('Intro.');
    expect(model.observations).toBe('- seen  trend');
    expect(model.notes[0]!.takeaways).toBe('- kept');
    expect(model.followUps).toEqual([]);
  });
});

describe('ordering and grouping', () => {
  const week = () => [
    mk({ title: 'Zeta', type: 'session', date: '2013-04-16', start: '"11:00"', track: 'Storage' }),
    mk({ title: 'Workshop', type: 'workshop', date: '2013-04-15', start: '"14:00"', track: 'Labs' }),
    mk({ title: 'Alpha', type: 'session', date: '2013-04-16', start: '"11:00"' }),
    mk({ title: 'Opening', type: 'keynote', date: '2013-04-16', start: '"09:00"', track: 'Keynotes' }),
    mk({ title: 'Intro', type: '101', date: '2013-04-15', start: '"10:00"', track: 'Labs' }),
    mk({ title: 'Booths', type: 'expo', date: '2013-04-17', start: '"12:00"' }),
    mk({ title: 'Plans', type: 'design-summit', date: '2013-04-15', start: '"09:00"', track: 'Storage' }),
  ];

  it('orders notes by date, start time, then title, whatever order they come in', () => {
    const titles = buildReport(conference(), week()).notes.map((note) => note.title);
    expect(titles).toEqual(['Plans', 'Intro', 'Workshop', 'Opening', 'Alpha', 'Zeta', 'Booths']);
    expect(buildReport(conference(), week().reverse()).notes.map((note) => note.title)).toEqual(titles);
  });

  it('groups by type: keynotes, sessions, design summit, workshops and 101s, then the rest', () => {
    const groups = buildReport(conference(), week()).groups.map((group) => [
      group.title,
      group.notes.map((note) => note.title),
    ]);
    expect(groups).toEqual([
      ['Keynotes', ['Opening']],
      ['Sessions', ['Alpha', 'Zeta']],
      ['Design summit', ['Plans']],
      ['Hands-on workshops and 101 sessions', ['Intro', 'Workshop']],
      ['Expo hall, hallway track and meetups', ['Booths']],
    ]);
  });

  it('groups by day, with the type in each note’s line', () => {
    const model = buildReport(conference(), week(), { groupBy: 'day' });
    expect(model.groups.map((group) => [group.title, group.count])).toEqual([
      ['Monday 15 April', 3],
      ['Tuesday 16 April', 3],
      ['Wednesday 17 April', 1],
    ]);
    expect(model.groups[1]!.notes[0]!.meta).toBe('Keynote · 09:00–10:40');
    expect(markdownOf(model)).toContain(
      '## Monday 15 April\n\n### Plans\n\n*Design summit session · 09:00–10:40*',
    );
  });

  it('groups by track in order of first appearance, notes without a track last', () => {
    const model = buildReport(conference(), week(), { groupBy: 'track' });
    expect(model.groups.map((group) => [group.title, group.notes.map((note) => note.title)])).toEqual([
      ['Storage', ['Plans', 'Zeta']],
      ['Labs', ['Intro', 'Workshop']],
      ['Keynotes', ['Opening']],
      ['Other', ['Alpha', 'Booths']],
    ]);
  });
});

describe('statistics', () => {
  it('counts sessions by type, days, hours from start and end, sessions per day and the most used tags', () => {
    const model = buildReport(conference(), [
      mk({ title: 'K', type: 'keynote', start: '"09:00"', end: '"09:30"', tags: '[cloud, ha]' }),
      mk({ title: 'S', start: '"10:00"', end: '"10:40"', tags: '[cloud, storage]' }),
      mk({
        title: 'W',
        type: 'workshop',
        date: '2013-04-17',
        start: '"14:00"',
        end: '"15:30"',
        tags: '[cloud, ha]',
      }),
      mk({ title: 'No end', date: '2013-04-17', start: '"16:00"', end: 'null', tags: '[once]' }),
      mk({
        title: 'H',
        type: 'hallway',
        date: '2013-04-17',
        start: '"17:00"',
        end: '"18:00"',
        tags: '[storage]',
      }),
    ]);
    const stats = model.stats!;
    expect(stats).toMatchObject({ notes: 5, sessions: 4, other: 1, days: 2, minutes: 160, hours: '2.7' });
    expect(stats.sessionTypesText).toBe('1 keynote, 2 sessions and 1 hands-on workshop');
    expect(stats.otherTypesText).toBe('1 hallway conversation');
    expect(stats.perDay.map(({ day, sessions, notes, hours }) => [day, sessions, notes, hours])).toEqual([
      ['Tuesday 16 April', 2, 2, '1.2'],
      ['Wednesday 17 April', 2, 3, '1.5'],
    ]);
    expect(stats.topTagsText).toBe('cloud (3), ha (2), storage (2)');
  });
});

describe('favourites and links', () => {
  it('recommends notes marked favourite or rated 5, with their video, else their slides', () => {
    const model = buildReport(conference(), [
      mk({
        title: 'Fav with slides',
        favourite: 'true',
        summary: 'Good.',
        links: '{slides: https://example.org/s, etherpad: https://example.org/e}',
      }),
      mk({
        title: 'Five stars',
        rating: '5',
        start: '"11:00"',
        links: '{slides: https://example.org/s2, video: https://example.org/v2}',
      }),
      mk({ title: 'Four stars', rating: '4', start: '"12:00"', links: '{video: https://example.org/v3}' }),
    ]);
    expect(model.favourites.map(({ title, link }) => [title, link?.url])).toEqual([
      ['Fav with slides', 'https://example.org/s'],
      ['Five stars', 'https://example.org/v2'],
    ]);
    expect(markdownOf(model)).toContain('- **Fav with slides** – Good. ([slides](https://example.org/s))');
  });

  it('lists every video and slides link once, leaving other kinds out', () => {
    const model = buildReport(conference(), [
      mk({
        title: 'One',
        links:
          '{video: https://example.org/v, slides: https://example.org/shared, etherpad: https://example.org/pad}',
      }),
      mk({ title: 'Two', start: '"11:00"', links: '{slides: https://example.org/shared}' }),
      mk({
        title: 'Three',
        start: '"12:00"',
        links:
          '{slides: "https://example.org/a(b)", video: "javascript:alert(1)", other: https://example.org/o}',
      }),
    ]);
    expect(model.links.map((group) => [group.title, group.items.map((item) => item.url)])).toEqual([
      ['One', ['https://example.org/v', 'https://example.org/shared']],
      ['Three', ['https://example.org/a%28b%29']],
    ]);
    expect(model.linkCount).toBe(3);
    expect(markdownOf(model)).toContain(
      '- One: [video](https://example.org/v) · [slides](https://example.org/shared)',
    );
  });
});

describe("conference.md's introduction and observations", () => {
  it('splits at the Observations heading and drops the Introduction heading', () => {
    const body =
      '## Introduction\n\nWhy I went.\n\n## Travel\n\nTrains.\n\n## Observations\n\n### Vendors\n\n- many\n\n## Startups\n\n- few\n';
    expect(splitConferenceBody(body)).toEqual({
      introduction: 'Why I went.\n\n### Travel\n\nTrains.',
      observations: '### Vendors\n\n- many\n\n### Startups\n\n- few',
    });
  });

  it('takes the whole body as the introduction when there is no Observations heading', () => {
    expect(splitConferenceBody('Just a paragraph.\n')).toEqual({
      introduction: 'Just a paragraph.',
      observations: null,
    });
    expect(splitConferenceBody('')).toEqual({ introduction: null, observations: null });
  });

  it('accepts "Impressions" and any heading level', () => {
    expect(splitConferenceBody('Intro.\n\n# Impressions of the week\n\nBusy.\n')).toEqual({
      introduction: 'Intro.',
      observations: 'Busy.',
    });
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same notes, and dates from the notes when conference.md has none', () => {
    const make = () => [
      mk({ title: 'B', start: '"11:00"' }, '## Follow-ups\n\n- [ ] x\n'),
      mk({ title: 'A' }),
    ];
    const bare = conference('', { start: null, end: null, author: null, location: null });
    const first = markdownOf(buildReport(bare, make()));
    expect(markdownOf(buildReport(bare, make().reverse()))).toBe(first);
    expect(first).toContain('**16 April 2013**');
  });
});

describe('text from elsewhere', () => {
  it('keeps markup in titles, speakers, rooms and summaries as text in the Markdown', () => {
    const hostile = mk({
      title: '"Pretalx talk <img src=x onerror=alert(1)>"',
      speakers: '["Eve <script>x</script>"]',
      room: '"<b>Hall</b>"',
      summary: '"Fine <i>really</i>"',
    });
    const markdown = markdownOf(buildReport(conference(), [hostile]));
    expect(markdown).toContain('### Pretalx talk &lt;img src=x onerror=alert(1)>');
    expect(markdown).toContain('Eve &lt;script>x&lt;/script>');
    expect(markdown).toContain('&lt;b>Hall&lt;/b>');
    expect(markdown).toContain('Fine &lt;i>really&lt;/i>');
    expect(markdown).not.toMatch(/<(img|script|b|i)\b/);
  });

  it('leaves out takeaways still as the template left them', () => {
    const untouched = mk({ title: 'Untouched' }, '## Key takeaways\n\n- \n\n## Notes\n');
    const written = mk({ title: 'Written' }, '## Key takeaways\n\n- one real point\n\n## Notes\n');
    const model = buildReport(conference(), [untouched, written]);
    expect(model.notes.map((note) => note.takeaways)).toEqual([null, '- one real point']);
  });
});

describe('the conference dates', () => {
  it('has no dates with only an end in conference.md and no notes', () => {
    const model = buildReport(testConference({ start: null, end: '2013-04-17' }), []);
    expect(model.conference.dates).toBeNull();
    expect(model.conference.end).toBe('2013-04-17');
  });
});
