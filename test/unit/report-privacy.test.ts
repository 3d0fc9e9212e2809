/** Private in any spelling: front-matter values the note model reads as false, and markers inside fields. */
import { describe, expect, it } from 'vitest';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { buildReport } from '../../src/core/report/report-model.js';
import { frontMatterSaysPrivate, meansPrivate } from '../../src/core/report/report-privacy.js';
import { renderMarkdownReport } from '../../src/core/report/report-render.js';
import { findTemplate } from '../../src/core/templates.js';
import { testConference } from '../helpers/conference.js';

const conference = testConference({ location: 'Portland' });

/** A note from its file text; `files` keeps the text so the report can read the front matter as written. */
function notesOf(texts: string[]): { notes: Note[]; source: (note: Note) => string } {
  const files = new Map<string, string>();
  const notes = texts.map((text, index) => {
    const { meta, split } = parseNote(text);
    const file = `/nowhere/conf/n${index}.md`;
    files.set(file, text);
    return { ...meta, id: `n${index}`, file, path: `conf/n${index}.md`, folder: 'conf', body: split.body };
  });
  return { notes, source: (note) => files.get(note.file)! };
}

const noteText = (title: string, extra: string, body = '## Key takeaways\n\n- secret point\n') =>
  `---\ntitle: ${title}\ndate: 2013-04-16\n${extra}\n---\n${body}`;

const builtin = findTemplate(null, 'report', process.cwd());

describe('private in any spelling', () => {
  it.each([
    'private: "true"',
    'private: yes',
    'private: on',
    'private: 1',
    'private: "false"',
    'private:',
    'Private: true',
    'PRIVATE: yes',
    '"private": yes',
    'private: !!str no',
  ])('leaves out a note with %j, which the note model reads as private too', (line) => {
    const { notes, source } = notesOf([
      noteText('Secret coffee', line),
      noteText('Public talk', 'private: false'),
    ]);
    expect(notes[0]!.private).toBe(true); // the model reads it so too (schema.ts privateInData)
    const model = buildReport(conference, notes, { source });
    expect(model.notes.map((note) => note.title)).toEqual(['Public talk']);
    expect(model.privateNotes).toBe(1);
    expect(renderMarkdownReport(builtin, model)).not.toContain('Secret coffee');
    const included = buildReport(conference, notes, { source, includePrivate: true });
    expect(included.notes.find((note) => note.title === 'Secret coffee')!.private).toBe(true);
  });

  it('keeps notes whose private is the plain boolean false, or absent', () => {
    const { notes, source } = notesOf([
      noteText('A', 'private: false'),
      noteText('B', 'private: False # reviewed'),
      noteText('C', 'summary: not private at all'),
    ]);
    expect(buildReport(conference, notes, { source }).notes).toHaveLength(3);
  });

  it('reads the spellings line by line', () => {
    expect(frontMatterSaysPrivate('title: x\nprivate: false\n')).toBe(false);
    expect(frontMatterSaysPrivate('title: x\nsummary: |\n  private: yes\n')).toBe(false);
    expect(frontMatterSaysPrivate('title: x\nprivate: "no"\n')).toBe(true);
    expect(frontMatterSaysPrivate('{title: x, private: yes}\n')).toBe(true);
    expect([meansPrivate(false), meansPrivate('false'), meansPrivate(null), meansPrivate(0)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('private markers in front-matter fields', () => {
  it('keeps the marked part of a summary, title, speakers and room out', () => {
    const { notes, source } = notesOf([
      noteText(
        '"Storage <!-- private -->and the client<!-- /private -->"',
        [
          'summary: "Good talk <!-- private: pricing -->, VMware quoted 40%<!-- /private -->."',
          'speakers: ["Ann", "<!-- private -->Bob from ACME<!-- /private -->"]',
          'room: "B1 <!--- PRIVATE --->behind the booth"',
          'favourite: true',
        ].join('\n'),
        '## Key takeaways\n\n- point\n',
      ),
    ]);
    const model = buildReport(conference, notes, { source });
    const note = model.notes[0]!;
    expect([note.title, note.summary, note.speakers, note.room]).toEqual([
      'Storage',
      'Good talk .',
      ['Ann'],
      'B1',
    ]);
    const markdown = renderMarkdownReport(builtin, model);
    for (const secret of ['client', 'VMware', 'ACME', 'behind']) expect(markdown).not.toContain(secret);
    const all = buildReport(conference, notes, { source, includePrivate: true }).notes[0]!;
    expect(all.summary).toBe('Good talk , VMware quoted 40%.');
  });

  it("keeps the marked part of conference.md's fields out", () => {
    const model = buildReport(
      { ...conference, location: 'Portland <!-- private -->, the Hilton, room 1204<!-- /private -->' },
      [],
    );
    expect(model.conference.location).toBe('Portland');
  });
});

describe('control characters in a note', () => {
  /** The Markdown report of one note, given as its file's text. */
  const reportOf = (text: string) => {
    const { notes, source } = notesOf([text]);
    return renderMarkdownReport(builtin, buildReport(conference, notes, { source }));
  };

  it('reach the Markdown report as visible escapes, never as the characters a terminal would obey', () => {
    const markdown = reportOf(
      '---\ntitle: "Evil\\e[31mRed\\a"\ntype: session\ndate: 2013-04-16\n---\n## Notes\n\n- bell \u0007 in the body\r\n- and CRLF kept as lines\r\n',
    );
    expect(markdown).toContain('Evil\\x1b[31mRed\\x07');
    expect(markdown).toContain('bell \\x07 in the body\n');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('keeps the marks right-to-left text needs, and shows the overrides', () => {
    const markdown = reportOf(
      '---\ntitle: "שלום\u200f עולם"\ntype: session\ndate: 2013-04-16\n---\n## Notes\n\n- a\u202eb\n',
    );
    expect(markdown).toContain('שלום\u200f עולם');
    expect(markdown).toContain('a\\u202eb');
  });
});
