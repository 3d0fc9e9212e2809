/**
 * Heading cases read by both Markdown readers: the lean one of the quick lane
 * (headings.ts) and markdown-it's (blocks.ts) must agree on every case.
 */
import { expect, it } from 'vitest';
import { documentHeadingsOf } from '../../src/core/markdown/blocks.js';
import { documentHeadings } from '../../src/core/markdown/headings.js';

/** The headings of `text` as `level line-endLine title`, after checking that both readers find them alike. */
export const readHeadings = (text: string): string[] => {
  const lean = documentHeadings(text).map((h) => `${h.level} ${h.line}-${h.endLine} ${h.title}`);
  const full = documentHeadingsOf(text).map((h) => `${h.level} ${h.line}-${h.endLine} ${h.title}`);
  expect(lean).toEqual(full);
  return lean;
};

/** One test per `[text, headings]` row. */
export const headingCases = (table: [string, string[]][]) =>
  it.each(table)('%j', (text, headings) => {
    expect(readHeadings(text)).toEqual(headings);
  });
