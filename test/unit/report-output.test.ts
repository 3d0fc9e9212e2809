/** `report -o` replaces only a previous report: the Markdown marker must be the file's last line. */
import { describe, expect, it } from 'vitest';
import { isPreviousReport } from '../../src/core/report/report-output.js';
import { MARKDOWN_MARKER, markMarkdownReport } from '../../src/core/report/report-render.js';

const is = (text: string) => isPreviousReport(Buffer.from(text));

describe('a previous Markdown report', () => {
  it('ends with the marker line (trailing blank lines and CRLF allowed)', () => {
    expect(is(markMarkdownReport('# Trip report\n'))).toBe(true);
    expect(is(`# Trip report\r\n\r\n${MARKDOWN_MARKER}\r\n`)).toBe(true);
    expect(is(`# Trip report\n\n${MARKDOWN_MARKER}\n\n\n`)).toBe(true);
    expect(is(`# Trip report\n\n  ${MARKDOWN_MARKER}`)).toBe(true);
  });

  it('is not a file that merely quotes the marker', () => {
    expect(
      is(`# How confnotes marks reports\n\nIt ends with:\n\n${MARKDOWN_MARKER}\n\nand that is all.\n`),
    ).toBe(false);
    expect(is(`${MARKDOWN_MARKER}\n# My thesis\n`)).toBe(false);
    expect(is(`The marker ${MARKDOWN_MARKER}\n`)).toBe(false);
    expect(is('')).toBe(false);
  });
});
