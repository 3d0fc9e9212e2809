/** Every link kind reaches the report: each session's links, a favourite's best link, the conference's own URL. */
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/core/workspace/conference.js';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { buildReport } from '../../src/core/report/report-model.js';
import { linkRank } from '../../src/core/report/report-note.js';
import { renderMarkdownReport } from '../../src/core/report/report-render.js';
import { findTemplate } from '../../src/core/templates.js';
import { note as noteText } from '../helpers/workspace.js';
import { testConference } from '../helpers/conference.js';

const conference = testConference({ location: 'Portland', url: 'https://example.org/conf' });
const builtin = findTemplate(null, 'report', process.cwd());

let counter = 0;
function mk(fields: Record<string, string>): Note {
  const { meta, split } = parseNote(noteText({ date: '2013-04-16', ...fields }, '## Key takeaways\n\n- x\n'));
  const id = `links-${++counter}`;
  return { ...meta, id, file: `/nowhere/${id}.md`, path: `conf/${id}.md`, folder: 'conf', body: split.body };
}

describe('links in the report', () => {
  it('ranks videos, then slides, then any other kind', () => {
    expect(
      ['link', 'slides', 'video2', 'etherpad', 'video'].sort((a, b) => linkRank(a) - linkRank(b)),
    ).toEqual(['video2', 'video', 'slides', 'link', 'etherpad']);
  });

  it('shows every link of a session, a plain --link among them', () => {
    const model = buildReport(conference, [
      mk({ title: 'T', links: '{link: https://example.org/plain, slides: https://example.org/s}' }),
    ]);
    expect(model.notes[0]!.links.map((link) => link.kind)).toEqual(['slides', 'link']);
    expect(renderMarkdownReport(builtin, model)).toContain(
      '[slides](https://example.org/s) · [link](https://example.org/plain)',
    );
  });

  it('gives a favourite its best link: video, then slides, then any', () => {
    const model = buildReport(conference, [
      mk({ title: 'Plain', favourite: 'true', links: '{link: https://example.org/plain}' }),
      mk({
        title: 'Both',
        rating: '5',
        start: '"11:00"',
        links: '{slides: https://example.org/s, video: https://example.org/v}',
      }),
    ]);
    expect(model.favourites.map((fav) => fav.link?.url)).toEqual([
      'https://example.org/plain',
      'https://example.org/v',
    ]);
    expect(renderMarkdownReport(builtin, model)).toContain('- **Plain** ([link](https://example.org/plain))');
  });

  it("puts the conference's URL in the heading, read as url or website, and only an http(s) one", () => {
    const heading = (conf: Conference) =>
      renderMarkdownReport(builtin, buildReport(conf, [])).split('\n')[2]!;
    expect(heading(conference)).toContain(' · <https://example.org/conf>');
    const renamed = { ...conference, url: null, website: 'https://example.org/site' } as Conference;
    expect(heading(renamed)).toContain('<https://example.org/site>');
    expect(heading({ ...conference, url: 'javascript:alert(1)' })).not.toContain('javascript');
  });
});
