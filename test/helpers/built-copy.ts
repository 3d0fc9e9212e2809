/**
 * For the tests of how the built CLI loads (code caches, lane packs): a
 * workspace with the 2013 summit's programme and one note, and a copy of the
 * build (bin/, dist/, templates/) that a test may damage without touching
 * the shared one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, confnotes } from './cli.js';

export const REPO = path.resolve(path.dirname(BIN), '..');
const FIXTURE = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');

/** Makes `<home>/ws` (in America/Los_Angeles, the summit imported, a note tagged quantum) and `<home>/package`. */
export function summitAndBuildCopy(home: string, env: Record<string, string>): { ws: string; copy: string } {
  const ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18'];
  expect(confnotes(conf, { cwd: ws, env }).code).toBe(0);
  expect(confnotes(['conf', 'set', 'timezone=America/Los_Angeles'], { cwd: ws, env }).code).toBe(0);
  expect(confnotes(['import', FIXTURE], { cwd: ws, env }).code).toBe(0);
  expect(confnotes(['new', 'Quantum deep dive', '--tag', 'quantum'], { cwd: ws, env }).code).toBe(0);
  const copy = path.join(home, 'package');
  for (const part of ['bin', 'dist', 'templates'])
    fs.cpSync(path.join(REPO, part), path.join(copy, part), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(copy, 'package.json'));
  return { ws, copy };
}
