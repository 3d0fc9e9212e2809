/**
 * The HTML report as a reader sees it: the sample's report opened in the
 * system's Chromium (found as `confnotes report --format pdf` finds it),
 * driven by playwright-core at a phone's width and a desktop's, then printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChrome } from '../../src/core/report/pdf.js';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

let browser: Browser;
let page: string;
let out: string;

beforeAll(async () => {
  const executablePath = findChrome(process.env);
  if (!executablePath) {
    throw new Error(
      'no Chromium or Chrome found (CONFNOTES_CHROME, or chromium / google-chrome on PATH); the reader tests need it (Debian: apt install chromium)',
    );
  }
  out = tempDir();
  const dir = path.join(out, 'notes');
  fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
  const made = confnotes(['--dir', dir, 'report', '-o', 'report.html'], { cwd: out });
  expect(made.code).toBe(0);
  page = pathToFileURL(path.join(out, 'report.html')).href;
  // The page is our own report; CI containers (often root) cannot give Chromium its sandbox.
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
});

describe('the sample report in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`reads at ${viewport.width}px (${viewport.name}): headings, contents, nothing wider than the screen, nothing private`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
      });
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(page);

      expect(await tab.locator('h1').innerText()).toBe('OpenStack Summit 2013 trip report');
      const h2 = await tab.locator('main > h2').allInnerTexts();
      expect(h2).toEqual([
        'Introduction',
        'At a glance',
        'Keynotes',
        'Sessions',
        'Design summit',
        'Hands-on workshops and 101 sessions',
        'Expo hall, hallway track and meetups',
        'Observations',
        'Personal favourites',
        'Follow-ups',
        'Videos and slides',
      ]);
      expect(await tab.locator('main > h3').allInnerTexts()).toContain(
        'Orchestrating Fibre Channel in Cinder',
      );
      expect(await tab.locator('nav.toc > ol > li').count()).toBe(h2.length);

      const widths = await tab.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        // Any element whose box sticks out past the right edge of the page.
        overflowing: [...document.querySelectorAll('main *')]
          .filter(
            (element) =>
              element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
              !element.closest('.table, pre'),
          )
          .map((element) => `${element.tagName}: ${(element.textContent ?? '').slice(0, 40)}`),
      }));
      expect(widths.scroll).toBeLessThanOrEqual(viewport.width);
      expect(widths.overflowing).toEqual([]);
      const tableFits = await tab
        .locator('.table')
        .first()
        .evaluate((wrapper) => wrapper.scrollWidth <= wrapper.clientWidth);
      expect(tableFits).toBe(true);

      const text = await tab.locator('body').innerText();
      for (const secret of ['Coffee with a Large Retailer', 'licence renewal', 'NVP is priced'])
        expect(text).not.toContain(secret);
      expect(await tab.locator('script, img, iframe, link[rel="stylesheet"]').count()).toBe(0);
      expect(requests).toEqual([page]);
      expect(errors).toEqual([]);

      const shot = path.join(out, `report-${viewport.name}.png`);
      await tab.screenshot({ path: shot, fullPage: true });
      const png = fs.readFileSync(shot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(viewport.width);
      await context.close();
    });
  }

  it('draws the week as an SVG a screen reader can read, and breaks no word on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    await tab.goto(page);
    const svg = tab.locator('figure.week svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.getAttribute('role')).toBe('img');
    // The accessible name and description come from <title> and <desc>: every day and session is there as text.
    const accessible = await svg.evaluate((element) => {
      const ids = (element.getAttribute('aria-labelledby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(accessible).toMatch(/^The week: sessions attended by day and time /);
    expect(accessible).toContain('Tuesday 16 April: 09:00–09:25 Rackspace Keynote: OpenStack in Production');
    // One bar per timed note of the week: 12 sessions, the expo walk and the lunch.
    expect(await tab.locator('figure.week svg rect').count()).toBe(14);
    expect(
      await tab.locator('figure.week svg script, figure.week svg image, figure.week svg use').count(),
    ).toBe(0);
    const box = await svg.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // Narrower still than a phone: the old rule broke "Sessions" and "Hours" here; words stay whole.
    await tab.setViewportSize({ width: 240, height: 844 });
    // Every table header and cell keeps its words whole: each word fits on one line.
    const broken = await tab.evaluate(() =>
      [...document.querySelectorAll('th, td')].flatMap((cell) => {
        const range = document.createRange();
        const out: string[] = [];
        const text = cell.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return out;
        const value = text.textContent ?? '';
        for (const match of value.matchAll(/\S+/g)) {
          range.setStart(text, match.index!);
          range.setEnd(text, match.index! + match[0].length);
          if (range.getClientRects().length > 1) out.push(match[0]);
        }
        return out;
      }),
    );
    expect(broken).toEqual([]);
    await context.close();
  });

  it('prints to PDF with the print stylesheet, every heading on the pages and the private note nowhere', async () => {
    const tab = await browser.newPage();
    await tab.goto(page);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).toBe('none');
    const file = path.join(out, 'printed.pdf');
    await tab.pdf({ path: file, format: 'A4' });
    await tab.close();
    const found = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
    if (!found)
      throw new Error('pdftotext is not installed; this test needs it (Debian: apt install poppler-utils)');
    const text = spawnSync(found, [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const heading of [
      'OpenStack Summit 2013 trip report',
      'Contents',
      'At a glance',
      'Keynotes',
      'Observations',
      'Follow-ups',
      'Videos and slides',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain('Coffee with a Large Retailer');
  });
});
