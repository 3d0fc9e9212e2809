/** The Markdown report's YAML title block: title, author, date, read back as the same strings. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { titleBlock, wantsTitleBlock } from '../../src/core/report/report-front-matter.js';
import type { ReportModel } from '../../src/core/report/report-types.js';

const model = (title: string, author: string | null, start: string | null) =>
  ({ title, conference: { author, start }, notes: [{ date: '2013-04-16' }] }) as unknown as ReportModel;

describe('the title block', () => {
  it('holds title, author and date, quoted so YAML reads them back as written', () => {
    const block = titleBlock(model('Summit: the "real" one trip report', 'Ann #1', '2013-04-15'));
    expect(block.startsWith('---\n') && block.endsWith('\n---\n\n')).toBe(true);
    expect(parse(block.slice(4, -6))).toEqual({
      title: 'Summit: the "real" one trip report',
      author: 'Ann #1',
      date: '2013-04-15',
    });
  });

  it('leaves out what it does not know, dating from the first note without conference dates', () => {
    expect(titleBlock(model('T', null, null))).toBe('---\ntitle: "T"\ndate: "2013-04-16"\n---\n\n');
  });

  it('is on by default only for an -o file ending in .md', () => {
    expect(wantsTitleBlock(undefined, '/x/r.md')).toBe(true);
    expect(wantsTitleBlock(undefined, '/x/r.html')).toBe(false);
    expect(wantsTitleBlock(undefined, null)).toBe(false);
    expect(wantsTitleBlock(true, null)).toBe(true);
    expect(wantsTitleBlock(false, '/x/r.md')).toBe(false);
  });
});
