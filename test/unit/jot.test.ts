import { describe, expect, it } from 'vitest';
import { roundToSlot } from '../../src/core/clock.js';
import { findFrontMatter } from '../../src/core/front-matter/front-matter-bounds.js';
import { headings, jotLine, planJot } from '../../src/core/jot/jot.js';

const FM = '---\ntitle: t\ndate: 2013-04-16\n---\n';
const plan = (body: string, heading: string, lines: string[], before?: string) => {
  const text = FM + body;
  return { text, decision: planJot(text, findFrontMatter(text).bodyStart, heading, lines, before) };
};

describe('jotLine', () => {
  it('formats notes, quotes and follow-ups on one line', () => {
    expect(jotLine('note', 'iSCSI is the default', '11:05')).toBe('- 11:05 iSCSI is the default');
    expect(jotLine('quote', 'easy enough for a goat', '11:06')).toBe('- 11:06 > "easy enough for a goat"');
    expect(jotLine('quote', '"already quoted"', '11:06')).toBe('- 11:06 > "already quoted"');
    expect(jotLine('todo', 'watch the video', '11:07')).toBe('- [ ] watch the video');
    expect(jotLine('note', 'two\nlines\r\nhere\u0007', '11:08')).toBe('- 11:08 two lines here');
  });

  it('keeps words a tab parted apart, as spaces', () => {
    expect(jotLine('note', 'tab\there\t\tand there', '11:08')).toBe('- 11:08 tab here  and there');
    expect(jotLine('todo', '\tindented', '11:08')).toBe('- [ ] indented');
  });

  it('puts a quote holding straight quotation marks in typographic ones', () => {
    expect(jotLine('quote', 'trust is "fleeting"', '11:09')).toBe('- 11:09 > “trust is "fleeting"”');
    expect(jotLine('quote', "it's fine", '11:09')).toBe('- 11:09 > "it\'s fine"');
  });
});

describe('planJot', () => {
  it('appends at the end when Notes is the last section', () => {
    expect(plan('## Key takeaways\n\n## Notes\n\n- 11:00 a\n', '## Notes', ['- 11:05 b']).decision).toEqual({
      append: '- 11:05 b\n',
    });
    expect(plan('## Notes\n- 11:00 a', '## Notes', ['- 11:05 b']).decision).toEqual({
      append: '\n- 11:05 b\n',
    });
  });

  it('inserts at the end of the section when another section follows', () => {
    const { decision } = plan('## Notes\n\n- 11:00 a\n\n## Key takeaways\n\n- x\n', '## Notes', [
      '- 11:05 b',
    ]);
    expect(decision).toEqual({
      replace: `${FM}## Notes\n\n- 11:00 a\n- 11:05 b\n\n## Key takeaways\n\n- x\n`,
    });
  });

  it('starts a missing section: Follow-ups above Notes, Notes at the end', () => {
    expect(plan('## Notes\n\n- 11:00 a\n', '## Follow-ups', ['- [ ] c'], '## Notes').decision).toEqual({
      replace: `${FM}## Follow-ups\n\n- [ ] c\n\n## Notes\n\n- 11:00 a\n`,
    });
    expect(plan('Just text\n', '## Notes', ['- 11:05 b']).decision).toEqual({
      append: '\n## Notes\n\n- 11:05 b\n',
    });
  });

  it('gives a bare heading a blank line under it', () => {
    const { decision } = plan('## Follow-ups\n\n## Notes\n', '## Follow-ups', ['- [ ] c'], '## Notes');
    expect(decision).toEqual({ replace: `${FM}## Follow-ups\n\n- [ ] c\n\n## Notes\n` });
  });

  it('keeps CRLF line ends', () => {
    const text = '---\r\ntitle: t\r\n---\r\n## Notes\r\n\r\n- 11:00 a\r\n';
    expect(planJot(text, findFrontMatter(text).bodyStart, '## Notes', ['- 11:05 b'])).toEqual({
      append: '- 11:05 b\r\n',
    });
  });

  it('ignores headings inside fenced code', () => {
    expect(headings('```\n## Notes\n```\n## Real\n').map((h) => h.title)).toEqual(['Real']);
    expect(plan('## Notes\n\n```md\n## Key takeaways\n```\n', '## Notes', ['- 11:05 b']).decision).toEqual({
      append: '- 11:05 b\n',
    });
  });
});

describe('planJot reads the note as CommonMark does', () => {
  it('does not take a heading inside a four-backtick fence for the next section', () => {
    const body = '## Notes\n\n````md\n```\n## Key takeaways\n```\n````\n';
    expect(plan(body, '## Notes', ['- 11:05 b']).decision).toEqual({ append: '- 11:05 b\n' });
  });

  it('does not take a heading inside a multi-line HTML comment for the next section', () => {
    const body = '## Notes\n\n- 11:00 a\n<!--\n## Follow-ups\n-->\n';
    expect(plan(body, '## Notes', ['- 11:05 b']).decision).toEqual({ append: '- 11:05 b\n' });
  });

  it('takes an indented heading (up to three spaces) as the section it ends', () => {
    const { decision } = plan('## Notes\n\nSome text.\n\n  ## Key takeaways\n', '## Notes', ['- 11:05 b']);
    expect(decision).toEqual({ replace: `${FM}## Notes\n\nSome text.\n- 11:05 b\n\n  ## Key takeaways\n` });
  });

  it('finds a setext Notes heading and a ~~~ fence closed by a longer one', () => {
    const body = 'Notes\n-----\n\n~~~\n## Inside\n~~~~\n\n## Key takeaways\n';
    const { decision } = plan(body, '## Notes', ['- 11:05 b']);
    expect(decision).toEqual({
      replace: `${FM}Notes\n-----\n\n~~~\n## Inside\n~~~~\n- 11:05 b\n\n## Key takeaways\n`,
    });
  });

  it('ignores a Notes heading inside a list item or a quote', () => {
    expect(plan('- item\n  ## Notes\n> ## Notes\n', '## Notes', ['- 11:05 b']).decision).toEqual({
      append: '\n## Notes\n\n- 11:05 b\n',
    });
  });
});

describe('roundToSlot', () => {
  it.each([
    ['11:00', '11:00'],
    ['11:07', '11:00'],
    ['11:09', '11:00'],
    ['11:10', '11:15'],
    ['11:14', '11:15'],
    ['23:58', '23:45'],
  ])('%s rounds to %s', (time, slot) => {
    expect(roundToSlot(time)).toBe(slot);
  });
});
