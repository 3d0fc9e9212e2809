/** A note's jotted lines in the trip report: read by the Markdown reader, shown by --notes. */
import { describe, expect, it } from 'vitest';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { notesMarkdown, readNotesSection, showsNotes } from '../../src/core/report/report-jots.js';
import { buildReport } from '../../src/core/report/report-model.js';
import { renderMarkdownReport } from '../../src/core/report/report-render.js';
import { findTemplate } from '../../src/core/templates.js';
import { nothingWritten } from '../../src/commands/report.js';
import { note as noteText } from '../helpers/workspace.js';
import { testConference } from '../helpers/conference.js';

const conference = testConference();

let counter = 0;
function mk(title: string, body: string): Note {
  const { meta, split } = parseNote(noteText({ title, date: '2013-04-16', start: '09:00' }, body));
  const id = `jots-${++counter}`;
  return { ...meta, id, file: `/nowhere/${id}.md`, path: `conf/${id}.md`, folder: 'conf', body: split.body };
}

const JOTTED =
  '## Key takeaways\n\n- \n\n## Notes\n\n- 11:05 first point\n- 11:07 > "a quote"\n- 11:09 second point\n';
const builtin = findTemplate(null, 'report', process.cwd());

describe('reading the Notes section', () => {
  it('finds jots and quotes in order, and keeps other blocks as written', () => {
    const blocks = readNotesSection('- 11:05 one\n- plain item\n\nA paragraph.\n\n- 11:06 > “Quoted”\n');
    expect(blocks).toEqual([
      { jot: { time: '11:05', text: 'one', quote: false } },
      { markdown: '- plain item' },
      { markdown: 'A paragraph.' },
      { jot: { time: '11:06', text: '“Quoted”', quote: true } },
    ]);
  });

  it('leaves code and follow-ups in the note: a jot-like line in a fence is not a jot', () => {
    const blocks = readNotesSection('```\n- 11:05 not a jot\n```\n\n- [ ] a todo\n- 11:06 kept\n');
    expect(blocks).toEqual([{ jot: { time: '11:06', text: 'kept', quote: false } }]);
  });

  it('writes quotes as block quotes, times kept or dropped', () => {
    const blocks = readNotesSection('- 11:05 one\n- 11:06 two\n- 11:07 > "said"\n- 11:08 three\n');
    expect(notesMarkdown(blocks, true)).toBe('- 11:05 one\n- 11:06 two\n\n> said (11:07)\n\n- 11:08 three');
    expect(notesMarkdown(blocks, false)).toBe('- one\n- two\n\n> said\n\n- three');
    expect(notesMarkdown([], true)).toBeNull();
  });

  it('--notes: auto shows notes only without takeaways', () => {
    expect(showsNotes('auto', false, true)).toBe(true);
    expect(showsNotes('auto', true, true)).toBe(false);
    expect(showsNotes('always', true, true)).toBe(true);
    expect(showsNotes('never', false, true)).toBe(false);
    expect(showsNotes('always', false, false)).toBe(false);
  });
});

describe('notes in the report', () => {
  it('shows the jots of a note without takeaways, in the data model and the built-in template', () => {
    const model = buildReport(conference, [mk('Jotted talk', JOTTED)]);
    const note = model.notes[0]!;
    expect(note.takeaways).toBeNull();
    expect(note.showNotes).toBe(true);
    expect(note.jots.map((jot) => jot.text)).toEqual(['first point', '"a quote"', 'second point']);
    expect(note.notes).toContain('- 11:05 first point');
    const markdown = renderMarkdownReport(builtin, model);
    expect(markdown).toContain('- first point\n\n> a quote\n\n- second point');
  });

  it('never shows a private block of the notes', () => {
    const body = '## Notes\n\n- 11:05 public\n<!-- private -->\n- 11:06 secret thing\n<!-- /private -->\n';
    const model = buildReport(conference, [mk('Talk', body)]);
    expect(renderMarkdownReport(builtin, model)).not.toContain('secret thing');
    expect(model.notes[0]!.notes).toBe('- 11:05 public');
  });

  it('--notes never hides them, always shows them beside takeaways', () => {
    const withBoth = '## Key takeaways\n\n- the point\n\n## Notes\n\n- 10:00 jotted\n';
    const never = buildReport(conference, [mk('A', JOTTED)], { notes: 'never' });
    expect(renderMarkdownReport(builtin, never)).not.toContain('first point');
    const always = buildReport(conference, [mk('B', withBoth)], { notes: 'always' });
    expect(renderMarkdownReport(builtin, always)).toContain('- jotted');
    const auto = buildReport(conference, [mk('C', withBoth)]);
    expect(renderMarkdownReport(builtin, auto)).not.toContain('- jotted');
  });

  it('names the sessions that have nothing written', () => {
    const model = buildReport(conference, [
      mk('Empty one', '## Key takeaways\n\n- \n\n## Notes\n'),
      mk('Written', JOTTED),
      mk('Empty two', ''),
    ]);
    expect(nothingWritten(model)).toBe('2 sessions have nothing written: Empty one, Empty two');
    expect(nothingWritten(buildReport(conference, [mk('Written', JOTTED)]))).toBeNull();
  });
});
