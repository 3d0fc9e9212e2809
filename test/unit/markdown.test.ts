/**
 * The one Markdown reader: the cases where jot's and the report's own
 * scanners used to disagree, read the same way by both paths (headings.ts
 * for the quick lane, blocks.ts through markdown-it).
 */
import { describe, expect, it } from 'vitest';
import { documentHeadingsOf, readBlocks, sections } from '../../src/core/markdown/blocks.js';
import { documentHeadings } from '../../src/core/markdown/headings.js';

const titles = (text: string) => {
  const lean = documentHeadings(text).map((h) => `${h.level} ${h.title}`);
  const full = documentHeadingsOf(text).map((h) => `${h.level} ${h.title}`);
  expect(lean).toEqual(full);
  return lean;
};

describe('document headings, lean and full', () => {
  it('skips a heading inside a four-backtick fence that quotes a three-backtick one', () => {
    expect(titles('````md\n```\n## Notes\n```\n````\n## Real\n')).toEqual(['2 Real']);
  });

  it('keeps a fence open until a closing fence as long, of the same character, with nothing after it', () => {
    expect(titles('```\n## a\n``` not a close\n## b\n`````\n## c\n')).toEqual(['2 c']);
    expect(titles('~~~\n## a\n```\n## b\n~~~~\n## c\n')).toEqual(['2 c']);
  });

  it('reads up to three spaces of indent as a heading and four as code', () => {
    expect(titles('   ## Three\n\n    ## Four\n')).toEqual(['2 Three']);
    expect(titles('Para\n    ## continuation\n')).toEqual([]);
  });

  it('skips headings inside HTML comments that span lines', () => {
    expect(titles('<!--\n## Hidden\n```\n-->\n## Shown\n')).toEqual(['2 Shown']);
  });

  it('reads setext headings, and not a thematic break after a blank line', () => {
    expect(titles('Notes\n-----\n\nTitle\nover two\n===\n\n---\n')).toEqual(['2 Notes', '1 Title\nover two']);
  });

  it('leaves headings inside quotes and list items out of the document level', () => {
    expect(titles('> ## Quoted\n- item\n  ## In the item\n## Top\n')).toEqual(['2 Top']);
    expect(readBlocks('- item\n  ## In the item\n').headings.map((h) => h.depth)).toEqual([2]);
  });

  it('drops a closing run of # after a space, not one glued to the text', () => {
    expect(titles('## Notes ##\n## C# #\n## C#\n')).toEqual(['2 Notes', '2 C#', '2 C#']);
  });

  it('counts CR, LF and CRLF line ends alike', () => {
    expect(documentHeadings('a\r## b\r\n## c\n').map((h) => h.line)).toEqual([1, 2]);
    expect(documentHeadingsOf('a\r## b\r\n## c\n').map((h) => h.line)).toEqual([1, 2]);
  });
});

describe('sections', () => {
  it('ends a section at the next heading of the same or a higher level', () => {
    const text = '# A\n## B\n### C\n## D\ntext\n';
    const found = sections(text).map((s) => [s.heading, text.slice(s.start, s.end)]);
    expect(found).toEqual([
      ['A', text],
      ['B', '## B\n### C\n'],
      ['C', '### C\n'],
      ['D', '## D\ntext\n'],
    ]);
  });

  it('starts a setext section body after its underline', () => {
    const text = 'Title\n=====\nbody\n';
    expect(text.slice(sections(text)[0]!.bodyStart)).toBe('body\n');
  });

  it('stays linear in the number of headings (100,000 headings)', () => {
    // The old scan looked for each section's end with slice().find(): minutes at this size.
    const text = Array.from({ length: 100_000 }, (_, i) => `${'#'.repeat((i % 3) + 1)} h${i}\n`).join('');
    const found = sections(text);
    expect(found).toHaveLength(100_000);
    expect(found[0]!.end).toBe(found[3]!.start);
    expect(found[1]!.end).toBe(found[3]!.start);
    expect(found[99_999]!.end).toBe(text.length);
  }, 60_000);
});

describe('task items', () => {
  it('finds bullet items that start with [ ] or [x], not in code or comments', () => {
    const text =
      '- [ ] one\n  continued\n* [x] done\n```\n- [ ] code\n```\n<!--\n- [ ] comment\n-->\n1. [ ] ordered\n';
    expect(readBlocks(text).tasks.map(({ text: t, done }) => [t, done])).toEqual([
      ['one continued', false],
      ['done', true],
    ]);
  });
});
