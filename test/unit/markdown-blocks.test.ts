/**
 * What blocks.ts reads of a text, field by field: each heading's level, title,
 * lines, depth and kind; which lines are code or HTML; which items are tasks;
 * where sections and code spans start and end; and its cache of recent texts.
 */
import { describe, expect, it } from 'vitest';
import { codeSpans, lineStarts, readBlocks, sections } from '../../src/core/markdown/blocks.js';

describe('readBlocks: headings', () => {
  it('gives level, title, lines, depth and kind of every heading', () => {
    const text = '# One #\n\nTwo\n---\n\n> ### Three\n\nFour\nlines\n===\n###### Six ######\n';
    expect(readBlocks(text).headings).toEqual([
      { line: 0, endLine: 1, level: 1, title: 'One', depth: 0, setext: false },
      { line: 2, endLine: 4, level: 2, title: 'Two', depth: 0, setext: true },
      { line: 5, endLine: 6, level: 3, title: 'Three', depth: 1, setext: false },
      { line: 7, endLine: 10, level: 1, title: 'Four\nlines', depth: 0, setext: true },
      { line: 10, endLine: 11, level: 6, title: 'Six', depth: 0, setext: false },
    ]);
  });

  it('gives an empty heading an empty title', () => {
    expect(readBlocks('##\n').headings).toEqual([
      { line: 0, endLine: 1, level: 2, title: '', depth: 0, setext: false },
    ]);
  });

  it('reads CR-only and CRLF line ends as markdown-it after its normalising', () => {
    expect(readBlocks('a\r# b\r\r    code\r').headings.map((h) => [h.line, h.title])).toEqual([[1, 'b']]);
    expect(readBlocks('a\r# b\r\r    code\r').code).toEqual([{ line: 3, endLine: 4 }]);
  });
});

describe('readBlocks: code and HTML', () => {
  it('gives the lines of fenced (backticks, tildes, longer fences) and indented code', () => {
    const text = 'text\n\n```js\na\n```\n~~~~\n~~~\nb\n~~~~\n\n    indented\n    more\n\nafter\n';
    expect(readBlocks(text).code).toEqual([
      { line: 2, endLine: 5 },
      { line: 5, endLine: 9 },
      { line: 10, endLine: 12 },
    ]);
    expect(readBlocks(text).html).toEqual([]);
  });

  it('gives an unclosed fence to the end of the text', () => {
    expect(readBlocks('a\n\n```\n# not a heading\n').code).toEqual([{ line: 2, endLine: 4 }]);
    expect(readBlocks('a\n\n```\n# not a heading\n').headings).toEqual([]);
  });

  it('gives the lines of HTML blocks, comments among them, and none of them as code', () => {
    const text = '<!-- one\ntwo -->\n\npara\n\n<div>\nx\n</div>\n';
    expect(readBlocks(text).html).toEqual([
      { line: 0, endLine: 2 },
      { line: 5, endLine: 8 },
    ]);
    expect(readBlocks(text).code).toEqual([]);
  });
});

describe('readBlocks: task items', () => {
  const tasks = (text: string) => readBlocks(text).tasks;

  it('reads [ ], [x] and [X] after -, * and +, with the line of each', () => {
    expect(tasks('- [ ] a\n* [x] bc\n+ [X] def\n')).toEqual([
      { text: 'a', done: false, line: 0 },
      { text: 'bc', done: true, line: 1 },
      { text: 'def', done: true, line: 2 },
    ]);
  });

  it('accepts a tab or several spaces after the box, and joins lines trimmed', () => {
    expect(tasks('- [ ]\tone\n-  [ ]   two  \n  three\n')).toEqual([
      { text: 'one', done: false, line: 0 },
      { text: 'two three', done: false, line: 1 },
    ]);
  });

  it('is not a task without a space after the box, without text, or with another mark in it', () => {
    expect(tasks('- [ ]x\n- [ ]\n- [y] no\n- [] no\n- see [ ] here\n- [ ] \n')).toEqual([]);
  });

  it('is not a task when the item does not start with a paragraph, or in an ordered list', () => {
    expect(tasks('- # [ ] heading\n-\n- ```\n  [ ] code\n  ```\n1. [ ] ordered\n2) [ ] paren\n')).toEqual([]);
  });
});

describe('lineStarts', () => {
  it('starts a line after each LF, CR and CRLF, and ends with the text length', () => {
    expect(lineStarts('a\r\nb\rc\nd')).toEqual([0, 3, 5, 7, 8]);
    expect(lineStarts('ab\n')).toEqual([0, 3, 3]);
    expect(lineStarts('')).toEqual([0, 0]);
  });
});

describe('sections', () => {
  it('gives start, body start and end of each section, the last ending at the text end', () => {
    const text = 'intro\n## A\nbody a\n# B\n\nTitle\n---\nbody t';
    expect(sections(text)).toEqual([
      { level: 2, heading: 'A', start: 6, bodyStart: 11, end: 18 },
      { level: 1, heading: 'B', start: 18, bodyStart: 22, end: text.length },
      { level: 2, heading: 'Title', start: 23, bodyStart: 33, end: text.length },
    ]);
  });

  it('ends a section at a later heading of a higher level after deeper ones', () => {
    const text = '## A\n#### B\n### C\n# D\n';
    expect(sections(text).map((s) => [s.heading, s.end])).toEqual([
      ['A', 18],
      ['B', 12],
      ['C', 18],
      ['D', text.length],
    ]);
  });

  it('gives a heading on the last line without a line end its body start at the text end', () => {
    expect(sections('text\n# End')).toEqual([{ level: 1, heading: 'End', start: 5, bodyStart: 10, end: 10 }]);
  });
});

describe('codeSpans', () => {
  it('gives the offsets of each code block', () => {
    const text = 'a\n\n```\nx\n```\nb\n\n    y\n';
    expect(codeSpans(text)).toEqual([
      [3, 13],
      [16, text.length],
    ]);
  });

  it('merges code blocks that touch into one span', () => {
    const text = '```\nx\n```\n~~~\ny\n~~~\n    z\n';
    expect(codeSpans(text)).toEqual([[0, text.length]]);
  });

  it('gives none for a text without code', () => {
    expect(codeSpans('# a\n\ntext\n')).toEqual([]);
  });
});

describe('readBlocks: cache of the last eight texts', () => {
  it('gives the same answer object for a text read again, until eight others are read after it', () => {
    const unique = `cache-${Math.random()}`;
    const texts = Array.from({ length: 9 }, (_, i) => `# ${unique} ${i}\n`);
    const first = readBlocks(texts[0]!);
    for (const text of texts.slice(1, 8)) readBlocks(text);
    expect(readBlocks(texts[0]!)).toBe(first);
    readBlocks(texts[8]!);
    const again = readBlocks(texts[0]!);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
