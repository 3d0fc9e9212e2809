/**
 * The search index on disk, through the built CLI, on a generated corpus
 * (scripts/bench-corpus.mjs, 200 notes in six conferences, six of them private):
 * - the answers are those of test/golden/search-corpus.json, written by the
 *   build before index format 6 (commit 0d1de17), rewritten on purpose when
 *   words came to be parted at Markdown's marks and HTML comments left out
 *   of search (the scores moved with the words counted; `ref` was added to
 *   the keys), and to be kept byte for byte: the same hits, order, scores, snippets and keys, whether the index
 *   is built from nothing, read back lazily, or updated after an edit
 *   (`UPDATE_GOLDEN=1` rewrites the file from this build: do so only on purpose);
 * - never a stale answer: an edit in place keeping size and mtime, a note
 *   added, a note deleted, a conference added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without types.
import { generateCorpus } from '../../scripts/bench-corpus.mjs';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../golden/search-corpus.json');
/** Rare and common words, a prefix still being typed, phrases, a word in no note, every note. */
const QUERIES = [
  ['ceph'],
  ['checker'],
  ['zon'],
  ['storage', 'ceph'],
  ['"fibre channel"'],
  ['outage', 'with'],
  ['"span is"'],
  ['kernel', 'spa'],
  ['sched'],
  ['quokka'],
  ['c'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Hit {
  id: string;
  score: number;
  snippet: string;
  abs_path?: string;
  [key: string]: unknown;
}

let top: string;
let root: string;
const run = (args: string[]) => {
  const result = confnotes(['--dir', root, ...args], {
    cwd: root,
    env: { NO_COLOR: '1', CONFNOTES_NOW: '2026-04-14T09:30:00Z' },
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};
const search = (words: string[]): Hit[] => JSON.parse(run(['search', ...words, '--json']));

/** Every hit as [id, score, snippet], and the first two whole (but for the temporary folder's path). */
function answers(): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const words of QUERIES) {
    const hits = search(words);
    all[words.join(' ')] = {
      hits: hits.map((hit) => [hit.id, hit.score, hit.snippet]),
      first: hits.slice(0, 2).map(({ abs_path, ...hit }) => hit),
    };
  }
  return all;
}

beforeAll(async () => {
  top = tempDir();
  root = path.join(top, 'ws');
  generateCorpus(root, { notes: 200 });
  // Older than the two seconds in which a change is not trusted: the first search stores every stamp.
  await sleep(2100);
});
afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

describe('the search index on disk', () => {
  it('answers as the build before it did: built from nothing, read back, updated after an edit', () => {
    const first = answers();
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(first, null, 1)}\n`);
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
    expect(first).toEqual(golden);
    // Read back from the saved files: only the words' postings.
    expect(answers()).toEqual(golden);
    // One conference's notes touched: that index is loaded whole, updated and saved again.
    const conference = path.join(root, 'fosdem-2026');
    const when = new Date('2026-01-01T00:00:00Z');
    for (const name of fs.readdirSync(conference)) fs.utimesSync(path.join(conference, name), when, when);
    expect(answers()).toEqual(golden);
    expect(answers()).toEqual(golden);
  }, 600_000);

  it('never answers from an old version: edited in place, added, deleted, a conference added', async () => {
    const conference = path.join(root, 'europython-2026');
    const [edited, deleted] = fs
      .readdirSync(conference)
      .filter((name) => name !== 'conference.md')
      .map((name) => path.join(conference, name));
    // Whole-millisecond times that can be put back exactly, then long enough ago to be trusted.
    const when = new Date('2026-01-02T00:00:00Z');
    fs.utimesSync(edited!, when, when);
    fs.writeFileSync(deleted!, `${fs.readFileSync(deleted!, 'utf8')}\nwombatword\n`);
    fs.utimesSync(deleted!, when, when);
    await sleep(2100);
    expect(search(['wombatword']).map((hit) => hit.abs_path)).toEqual([deleted]);
    expect(search(['numbatword'])).toEqual([]);

    // Same size, mtime put back: only the ctime tells.
    const text = fs.readFileSync(edited!, 'utf8');
    const at = text.indexOf('\n---\n', 4) + 5;
    const changed = `${text.slice(0, at)}numbatword ${text.slice(at + 'numbatword '.length)}`;
    expect(changed.length).toBe(text.length);
    fs.writeFileSync(edited!, changed);
    fs.utimesSync(edited!, when, when);
    expect(fs.statSync(edited!).mtimeMs).toBe(when.getTime());
    fs.rmSync(deleted!);
    fs.writeFileSync(
      path.join(conference, '2026-07-15-0900-added.md'),
      '---\ntitle: "Added later"\ndate: 2026-07-15\n---\n\nquolltalk here\n',
    );
    const newConference = path.join(root, 'added-conf-2027');
    fs.mkdirSync(newConference);
    fs.copyFileSync(path.join(conference, 'conference.md'), path.join(newConference, 'conference.md'));
    fs.writeFileSync(
      path.join(newConference, '2027-07-15-0900-new.md'),
      '---\ntitle: "In a new conference"\ndate: 2027-07-15\n---\n\nquolltalk there\n',
    );

    expect(search(['numbatword']).map((hit) => hit.abs_path)).toEqual([edited]);
    expect(search(['wombatword'])).toEqual([]);
    expect(
      search(['quolltalk'])
        .map((hit) => hit.title)
        .sort(),
    ).toEqual(['Added later', 'In a new conference']);
    // And again, from the indexes saved by the searches above.
    await sleep(2100);
    expect(search(['numbatword']).map((hit) => hit.abs_path)).toEqual([edited]);
    expect(search(['wombatword'])).toEqual([]);
    expect(search(['quolltalk'])).toHaveLength(2);
  }, 600_000);
});
