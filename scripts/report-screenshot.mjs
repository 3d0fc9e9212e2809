#!/usr/bin/env node
/**
 * Makes docs/report.png, the README's picture of the HTML report: the shipped
 * sample's report (built CLI: run `npm run build` first) opened in the
 * system's Chromium through playwright-core, the top of the page at a laptop's width.
 * Usage: node scripts/report-screenshot.mjs [out.png]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'report.png'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-shot-'));
try {
  const notes = path.join(work, 'notes');
  fs.cpSync(path.join(root, 'notes'), notes, {
    recursive: true,
    filter: (src) => !/state\.json$|cache/.test(src),
  });
  const html = path.join(work, 'report.html');
  const made = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'confnotes.js'), '--dir', notes, 'report', '-o', html],
    {
      encoding: 'utf8',
    },
  );
  if (made.status !== 0) throw new Error(made.stderr);
  const executablePath = process.env.CONFNOTES_CHROME || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme: 'light' });
    await page.goto(pathToFileURL(html).href);
    // From the title to the end of At a glance, with the picture of the week.
    const bottom = await page.evaluate(
      () => document.querySelector('figure.week')?.getBoundingClientRect().bottom ?? 1400,
    );
    await page.screenshot({
      path: target,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1000, height: Math.ceil(bottom) + 24 },
    });
  } finally {
    await browser.close();
  }
  console.log(path.relative(process.cwd(), target));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
