import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConference } from '../../src/core/workspace/conference.js';
import {
  cleanTitle,
  draftNote,
  noteTemplate,
  parseLinks,
  renderNote,
  writeNewNote,
} from '../../src/core/note/note-new.js';
import { parseNote } from '../../src/core/note/note.js';
import { makeWorkspace } from '../helpers/workspace.js';

const now = new Date('2013-04-16T18:02:00Z'); // 11:02 in Portland

describe('draftNote', () => {
  it('takes the time from the clock in the conference time zone, whatever the machine zone', () => {
    const { ws } = makeWorkspace();
    const draft = draftNote({ title: 'Talk' }, readConference(ws, 'conf'), now);
    expect([draft.date, draft.start, draft.end]).toEqual(['2013-04-16', '11:02', '11:42']);
  });

  it('uses the type to pick a default duration', () => {
    const { ws } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    expect(
      draftNote(
        { title: 'Lab', type: 'workshop', at: { date: '2013-04-17', time: '13:00' } },
        conference,
        now,
      ).end,
    ).toBe('14:30');
    expect(
      draftNote({ title: 'Late', duration: 120, at: { date: '2013-04-17', time: '23:00' } }, conference, now)
        .end,
    ).toBe('23:59');
  });

  it('normalises tags and refuses bad values', () => {
    const { ws } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    expect(draftNote({ title: 'x', tags: ['#Storage, HA', 'storage'] }, conference, now).tags).toEqual([
      'storage',
      'ha',
    ]);
    expect(() => draftNote({ title: 'x', type: 'party' }, conference, now)).toThrow(/--type/);
    expect(() => draftNote({ title: 'x', rating: 6 }, conference, now)).toThrow(/--rating/);
    expect(() => draftNote({ title: '   ' }, conference, now)).toThrow(/title/);
  });

  it('cleans control and bidi characters out of titles', () => {
    expect(cleanTitle('a\u202Eb\nc\td')).toBe('a b c d');
  });

  it('cuts a long title at 200 characters, never on a space', () => {
    const title = cleanTitle('abcdefghi '.repeat(25));
    expect(title).toBe('abcdefghi '.repeat(20).trimEnd());
    expect(cleanTitle(title)).toBe(title);
  });
});

describe('parseLinks', () => {
  it('guesses the kind of a link or takes kind=URL', () => {
    expect(
      parseLinks([
        'https://www.youtube.com/watch?v=1',
        'https://example.org/slides/x.pdf',
        'notes=https://example.org/n',
        'https://example.org/a',
        'https://example.org/b',
      ]),
    ).toEqual({
      video: 'https://www.youtube.com/watch?v=1',
      slides: 'https://example.org/slides/x.pdf',
      notes: 'https://example.org/n',
      link: 'https://example.org/a',
      link2: 'https://example.org/b',
    });
    expect(() => parseLinks(['javascript:alert(1)'])).toThrow(/http/);
    expect(() => parseLinks(['not a url'])).toThrow(/not a URL/);
  });
});

describe('writing a new note', () => {
  it('renders the built-in template into a note that reads back the same', () => {
    const { ws, root } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    const draft = draftNote(
      {
        title: 'Quantum: hands-on lab',
        type: 'workshop',
        speakers: ['Dan Wendlandt'],
        tags: ['quantum'],
        rating: 4,
        favourite: true,
        links: ['https://example.org/videos/q'],
        track: 'yes',
        room: '09:00',
      },
      conference,
      now,
    );
    const text = renderNote(noteTemplate(ws, draft, root), draft);
    const { meta } = parseNote(text);
    expect(meta).toMatchObject({
      title: 'Quantum: hands-on lab',
      type: 'workshop',
      speakers: ['Dan Wendlandt'],
      tags: ['quantum'],
      rating: 4,
      favourite: true,
      track: 'yes',
      room: '09:00',
    });
    expect(text).toMatch(/^## Notes\n$/m);
    expect(text.trimEnd().endsWith('## Notes')).toBe(true);
  });

  it('lets a workspace template override the built-in one', () => {
    const { ws, root } = makeWorkspace();
    fs.writeFileSync(
      path.join(root, 'templates', 'session.md'),
      '---\ntitle: {{{yaml.title}}}\ndate: {{{yaml.date}}}\nmine: yes\n---\nMy layout for {{title}}\n',
    );
    const draft = draftNote({ title: 'T' }, readConference(ws, 'conf'), now);
    expect(renderNote(noteTemplate(ws, draft, root), draft)).toContain('My layout for T');
  });

  it('refuses a template that does not give back the title', () => {
    const { ws, root } = makeWorkspace();
    fs.writeFileSync(path.join(root, 'templates', 'bad.md'), '---\ntitle: {{title}}\ndate: {{date}}\n---\n');
    const draft = draftNote({ title: 'a: b: c' }, readConference(ws, 'conf'), now);
    expect(() => renderNote(noteTemplate(ws, draft, root, 'bad'), draft)).toThrow(
      /does not make a valid note/,
    );
  });

  it('never overwrites: the same title and time get distinct files', () => {
    const { ws, root } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    const draft = draftNote({ title: 'Same' }, conference, now);
    const text = renderNote(noteTemplate(ws, draft, root), draft);
    const first = writeNewNote(conference, draft, text);
    const second = writeNewNote(conference, draft, text);
    expect(path.basename(first)).toBe('2013-04-16-1102-same.md');
    expect(path.basename(second)).toBe('2013-04-16-1102-same-2.md');
  });

  it('keeps any title inside the conference folder and reads it back (property)', () => {
    const { ws, root } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }).filter((t) => cleanTitle(t) !== ''),
        (title) => {
          const draft = draftNote({ title, tags: ['x'], speakers: [title] }, conference, now);
          const text = renderNote(noteTemplate(ws, draft, root), draft);
          const file = writeNewNote(conference, draft, text);
          expect(path.dirname(file)).toBe(conference.dir);
          expect(parseNote(fs.readFileSync(file, 'utf8')).meta.title).toBe(cleanTitle(title));
        },
      ),
      { numRuns: 150 },
    );
  });
});
