/** The report's text helpers: private blocks, comments, sections, headings, tasks and dates. */
import { describe, expect, it } from 'vitest';
import {
  dateRange,
  dayLabel,
  hoursText,
  markdownSections,
  openTasks,
  shiftHeadings,
  stripComments,
  stripPrivate,
  tidyBlankLines,
} from '../../src/core/report/report-text.js';

describe('private blocks', () => {
  it('removes whole lines when the markers stand alone, and only the span when they are inline', () => {
    expect(stripPrivate('a\n<!-- private -->\nsecret\n<!--/private-->\nb\n')).toBe('a\nb\n');
    expect(stripPrivate('a <!-- private -->secret<!-- /private --> b\n')).toBe('a  b\n');
    expect(
      stripPrivate(
        'a\n  <!--   private   -->\nx\n<!-- /private -->\nb\n<!-- private -->\ny\n<!-- /private -->\n',
      ),
    ).toBe('a\nb\n');
  });

  it('runs an unclosed block to the end, and keeps the text without markers when asked', () => {
    expect(stripPrivate('a\n<!-- private -->\nsecret\nmore\n')).toBe('a\n');
    expect(stripPrivate('a\n<!-- private -->\nsecret\n<!-- /private -->\nb\n', true)).toBe('a\nsecret\nb\n');
  });
});

describe('Markdown structure', () => {
  it('drops comments outside code, never inside', () => {
    expect(stripComments('a\n<!-- hint\n  two lines -->\nb <!-- x --> c\n```\n<!-- kept -->\n```\n')).toBe(
      'a\nb  c\n```\n<!-- kept -->\n```\n',
    );
  });

  it('finds sections outside code, each ending at the next heading of its level or higher', () => {
    const text = '# A\n\nx\n\n## B\n\n```\n## not a heading\n```\n\n### C\n\n## D\n';
    expect(
      markdownSections(text).map(({ level, heading, end }) => [
        level,
        heading,
        text.slice(0, end).split('\n').length,
      ]),
    ).toEqual([
      [1, 'A', 14],
      [2, 'B', 13],
      [3, 'C', 13],
      [2, 'D', 14],
    ]);
  });

  it('lowers headings above a level, leaving code alone', () => {
    expect(shiftHeadings('# a\n## b\n#### c\n```\n# code\n```\n', 3)).toBe(
      '### a\n### b\n#### c\n```\n# code\n```\n',
    );
  });

  it('finds unchecked tasks in any list style, not checked ones or code', () => {
    expect(
      openTasks(
        '- [ ] one\n* [ ]  two \n+ [x] done\n  - [ ] nested\n- [] not a task\n~~~\n- [ ] code\n~~~\n',
      ),
    ).toEqual(['one', 'two', 'nested']);
  });

  it('collapses blank runs but keeps a hard line break', () => {
    expect(tidyBlankLines('\n\na  \nb \n\n\n\nc\n\n')).toBe('a  \nb\n\nc');
  });
});

describe('Markdown structure where the old scanners disagreed', () => {
  it('leaves a four-backtick fence whole, even when it quotes a three-backtick one', () => {
    const text = '````md\n```\n# quoted\n```\n<!-- kept -->\n````\n# real\n';
    expect(shiftHeadings(text, 3)).toBe(text.replace('# real', '### real'));
    expect(stripComments(text)).toBe(text);
  });

  it('treats indented code as code', () => {
    const text = 'Para.\n\n    # not a heading\n    <!-- kept -->\n';
    expect(shiftHeadings(text, 3)).toBe(text);
    expect(stripComments(text)).toBe(text);
    expect(markdownSections(text)).toEqual([]);
  });

  it('drops a comment spanning lines even when a line in it looks like a fence', () => {
    expect(stripComments('a\n<!--\n```\n## hidden\n-->\nb\n')).toBe('a\nb\n');
    expect(markdownSections('<!--\n## hidden\n-->\n## shown\n').map((s) => s.heading)).toEqual(['shown']);
  });

  it('lowers a setext heading by writing it as an ATX one', () => {
    expect(shiftHeadings('Big\n===\n\ntext\n\nSmaller\n---\n', 4)).toBe('#### Big\n\ntext\n\n#### Smaller\n');
  });

  it('reads a task over two lines whole, and none in a multi-line comment', () => {
    expect(openTasks('- [ ] watch the\n  video again\n<!--\n- [ ] template hint\n-->\n')).toEqual([
      'watch the video again',
    ]);
  });

  it('strips private blocks in any spelling, nested', () => {
    expect(
      stripPrivate(
        'a\n<!--- PRIVATE: x --->\nb\n<!-- private -->\nc\n<!-- /private -->\nd\n<!-- /Private -->\ne\n',
      ),
    ).toBe('a\ne\n');
  });
});

describe('dates and hours', () => {
  it('writes days and ranges in words', () => {
    expect(dayLabel('2013-04-16')).toBe('Tuesday 16 April');
    expect(dateRange('2013-04-15', '2013-04-18')).toBe('15–18 April 2013');
    expect(dateRange('2013-04-30', '2013-05-02')).toBe('30 April – 2 May 2013');
    expect(dateRange('2013-12-30', '2014-01-02')).toBe('30 December 2013 – 2 January 2014');
    expect(dateRange('2013-04-16', '2013-04-16')).toBe('16 April 2013');
    expect([hoursText(0), hoursText(90), hoursText(490), hoursText(600)]).toEqual(['0', '1.5', '8.2', '10']);
  });
});
