/** The PDF as a printed document: paper from the locale or --paper, page numbers, printed URLs, an outline. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');
const cwd = tempDir();
const dir = path.join(cwd, 'notes');
fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

function pdf(name: string, args: string[], env: Record<string, string>): string {
  const file = path.join(cwd, name);
  const result = confnotes(['--dir', dir, 'report', '-o', file, ...args], { cwd, env, timeout: 120_000 });
  expect(result.code, result.stderr).toBe(0);
  return file;
}
const info = (file: string) => spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
const text = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

describe('the PDF report', () => {
  it('is US Letter for a US locale and A4 for a UK one, or as --paper says', () => {
    const letter = pdf('us.pdf', [], { LANG: 'C.UTF-8', LC_PAPER: 'en_US.UTF-8' });
    expect(info(letter)).toMatch(/^Page size:.*\(letter\)/m);
    const a4 = pdf('uk.pdf', [], { LANG: 'en_GB.UTF-8' });
    expect(info(a4)).toMatch(/^Page size:.*\(A4\)/m);
    const asked = pdf('asked.pdf', ['--paper', 'a4'], { LANG: 'en_US.UTF-8' });
    expect(info(asked)).toMatch(/\(A4\)/);

    // Page numbers in the footer, "n / total", on every page.
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info(a4))![1]);
    expect(pages).toBeGreaterThan(1);
    const footers = text(a4).match(/^\s+(\d+) \/ (\d+)\s*$/gm) ?? [];
    expect(footers.map((line) => line.trim())).toEqual(
      Array.from({ length: pages }, (_, i) => `${i + 1} / ${pages}`),
    );
    // Link targets printed after the link text; the headings as a clickable outline.
    expect(text(a4).replace(/\s+/g, ' ')).toContain(
      'video (https://example.org/videos/orchestrating-fibre-channel-in-cinder)',
    );
    expect(fs.readFileSync(a4).includes('/Outlines')).toBe(true);
    // The first page is not the contents alone: the introduction begins on it.
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', a4, '-'], { encoding: 'utf8' }).stdout;
    expect(first).toContain('Contents');
    expect(first).toMatch(/^Introduction$/m);
    expect(first).toContain('I went to Portland mostly to listen.');
  });
});
