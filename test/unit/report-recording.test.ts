/** `jot --since-start`'s `+12:30` in the trip report: a link to that moment of the recording, when there is one. */
import { describe, expect, it } from 'vitest';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { readNotesSection } from '../../src/core/report/report-jots.js';
import { buildReport } from '../../src/core/report/report-model.js';
import { renderHtmlReport, renderMarkdownReport } from '../../src/core/report/report-render.js';
import { findTemplate } from '../../src/core/templates.js';
import { note as noteText } from '../helpers/workspace.js';
import { testConference } from '../helpers/conference.js';

const conference = testConference();
const builtin = findTemplate(null, 'report', process.cwd());

let counter = 0;
function mk(fields: Record<string, string>, body: string): Note {
  const { meta, split } = parseNote(noteText({ title: 'Talk', start: '"11:00"', ...fields }, body));
  const id = `rec-${++counter}`;
  return { ...meta, id, file: `/nowhere/${id}.md`, path: `conf/${id}.md`, folder: 'conf', body: split.body };
}

const NOTES =
  '## Notes\n\n- 11:12 +12:30 the demo starts\n- 11:20 > "plain quote"\n- 12:02 +1:02:03 > "late quote"\n- 10:59 -0:30 before it began\n- 11:40 no stamp\n';

describe('reading +12:30 stamps', () => {
  it('keeps the stamp apart from the text, for quotes too', () => {
    expect(readNotesSection(NOTES.replace('## Notes\n\n', ''))).toEqual([
      { jot: { time: '11:12', since: '+12:30', text: 'the demo starts', quote: false } },
      { jot: { time: '11:20', text: '"plain quote"', quote: true } },
      { jot: { time: '12:02', since: '+1:02:03', text: '"late quote"', quote: true } },
      { jot: { time: '10:59', since: '-0:30', text: 'before it began', quote: false } },
      { jot: { time: '11:40', text: 'no stamp', quote: false } },
    ]);
  });
});

describe('recording links in the report', () => {
  it('a YouTube video: each stamp after the start links to its moment, in Markdown and in HTML', async () => {
    const model = buildReport(conference, [mk({ video: 'https://youtu.be/dQw4w9WgXcQ' }, NOTES)]);
    const note = model.notes[0]!;
    expect(note.notes).toBe(
      [
        '- 11:12 [+12:30](https://youtu.be/dQw4w9WgXcQ?t=750s) the demo starts',
        '',
        '> plain quote (11:20)',
        '',
        '> late quote (12:02 [+1:02:03](https://youtu.be/dQw4w9WgXcQ?t=3723s))',
        '',
        '- 10:59 -0:30 before it began',
        '- 11:40 no stamp',
      ].join('\n'),
    );
    expect(note.jots.map((jot) => jot.recording ?? null)).toEqual([
      'https://youtu.be/dQw4w9WgXcQ?t=750s',
      null,
      'https://youtu.be/dQw4w9WgXcQ?t=3723s',
      null,
      null,
    ]);
    const markdown = renderMarkdownReport(builtin, model);
    expect(markdown).toContain('- [+12:30](https://youtu.be/dQw4w9WgXcQ?t=750s) the demo starts');
    const html = await renderHtmlReport(markdown, model);
    expect(html).toContain(
      '<li><a href="https://youtu.be/dQw4w9WgXcQ?t=750s">+12:30</a> the demo starts</li>',
    );
    expect(html).toContain('late quote (<a href="https://youtu.be/dQw4w9WgXcQ?t=3723s">+1:02:03</a>)');
    expect(html).toContain('<li>-0:30 before it began</li>');
  });

  it('Vimeo and media.ccc.de take their own form; the first link that takes a start time wins', () => {
    const vimeo = buildReport(conference, [mk({ video: 'https://vimeo.com/76979871' }, NOTES)]);
    expect(vimeo.notes[0]!.notesUntimed).toContain(
      '- [+12:30](https://vimeo.com/76979871#t=750s) the demo starts',
    );
    const ccc = buildReport(conference, [
      mk(
        { slides: 'https://example.org/s.pdf', link: 'https://media.ccc.de/v/36c3-10652-bahnmining' },
        NOTES,
      ),
    ]);
    expect(ccc.notes[0]!.notesUntimed).toContain(
      '- [+12:30](https://media.ccc.de/v/36c3-10652-bahnmining#t=750) the demo starts',
    );
  });

  it('no recording, or one that takes no start time: the stamp stays plain text', () => {
    const cases: Record<string, string>[] = [
      {},
      { video: 'https://example.org/talk.mp4' },
      { slides: 'https://example.org/s' },
    ];
    for (const fields of cases) {
      const model = buildReport(conference, [mk(fields, NOTES)]);
      expect(model.notes[0]!.notes).toContain('- 11:12 +12:30 the demo starts');
      expect(model.notes[0]!.notesUntimed).toContain('- +12:30 the demo starts');
      expect(model.notes[0]!.notes).not.toContain('](');
    }
  });

  it('a private block with a stamp stays out, link and all', () => {
    const body =
      '## Notes\n\n- 11:12 +12:30 public\n<!-- private -->\n- 11:20 +20:00 secret thing\n<!-- /private -->\n';
    const model = buildReport(conference, [mk({ video: 'https://youtu.be/dQw4w9WgXcQ' }, body)]);
    const markdown = renderMarkdownReport(builtin, model);
    expect(markdown).not.toContain('secret thing');
    expect(markdown).not.toContain('t=1200s');
    expect(markdown).toContain('t=750s');
  });
});
