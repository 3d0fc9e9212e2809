// The staleness test of the benchmark (issue 18): after a warm listing, three
// changes that a cheap cache could miss, and the next listing must show each:
//   1. a note edited in place, same size, its mtime put back (utimes): only
//      its ctime tells; the cache must not serve the old title;
//   2. a note added; 3. a note deleted.
// `tags` and `search` are looked at too (a tag and a word only the new note has).
//
//   node scripts/bench-staleness.mjs [--cli bin/confnotes.js] [--notes 300]
// prints what it found as JSON and exits 1 when a listing was stale. The
// benchmark runs it on every workspace it times; test/e2e/staleness.e2e.test.ts runs it too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './bench-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEW_TAG = 'stalecheck';
const NEW_WORD = 'quokkaphrase';

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The same bytes with one letter of the title changed: same size, another title. */
function retitle(text) {
  const match = /^title: "?([A-Za-z])/m.exec(text);
  if (!match) throw new Error('no title starting with a letter');
  const at = match.index + match[0].length - 1;
  const letter = text[at] === 'Q' ? 'Z' : 'Q';
  return { text: text.slice(0, at) + letter + text.slice(at + 1), letter };
}

/**
 * Runs the test in a workspace (it changes three notes: run it last).
 * `cli(args)` runs the CLI in it and returns {status, stdout, stderr}.
 * Returns {ok, problems, checks}.
 */
export function checkStaleness(cli, { search = true } = {}) {
  const problems = [];
  const listing = () => {
    const result = cli(['list', '--all', '--json']);
    if (result.status !== 0)
      throw new Error(`list --all --json exited with ${result.status}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };
  const before = listing();
  const edited = before.find((note) => /^[A-Za-z]/.test(note.title));
  const deleted = before.at(-1);
  if (before.length < 3 || !edited || edited === deleted)
    throw new Error('the staleness test needs three notes');
  // A whole-second mtime, so that utimes can put back exactly the same one; then a moment, so the
  // warm listing caches the note (a cache rightly keeps nothing changed in its last two seconds).
  const mtime = new Date(Math.floor(fs.statSync(edited.abs_path).mtimeMs / 1000) * 1000 - 60_000);
  fs.utimesSync(edited.abs_path, mtime, mtime);
  sleep(2100);
  listing();
  cli(['tags', '--all', '--json']);
  if (search) cli(['search', NEW_WORD, '--json']);

  const old = fs.readFileSync(edited.abs_path, 'utf8');
  const { text, letter } = retitle(old);
  const size = fs.statSync(edited.abs_path).size;
  fs.writeFileSync(edited.abs_path, text);
  fs.utimesSync(edited.abs_path, mtime, mtime);
  const after = fs.statSync(edited.abs_path);
  if (after.size !== size || after.mtimeMs !== mtime.getTime())
    throw new Error('could not edit in place with the same size and mtime');
  const expectedTitle = letter + edited.title.slice(1);

  const added = path.join(path.dirname(deleted.abs_path), '2001-01-01-0900-staleness-check.md');
  const addedText = fs
    .readFileSync(deleted.abs_path, 'utf8')
    .replace(/^title: .*$/m, 'title: Staleness check')
    .replace(/^tags: .*$/m, `tags: [${NEW_TAG}]`)
    .replace(/\n---\n/, `\n---\n\n${NEW_WORD} appears in this note only.\n`);
  fs.writeFileSync(added, addedText);
  fs.rmSync(deleted.abs_path);

  const now = listing();
  const byPath = new Map(now.map((note) => [note.abs_path, note]));
  const checks = {
    editedSameSizeSameMtime: byPath.get(edited.abs_path)?.title === expectedTitle,
    added: byPath.get(added)?.title === 'Staleness check',
    deleted: !byPath.has(deleted.abs_path),
    count: now.length === before.length,
  };
  const tags = JSON.parse(cli(['tags', '--all', '--json']).stdout);
  checks.tagsSeeAdded = tags.some((row) => row.tag === NEW_TAG && row.count === 1);
  if (search) {
    const hits = JSON.parse(cli(['search', NEW_WORD, '--json']).stdout);
    checks.searchSeesAdded = hits.length === 1 && hits[0].abs_path === added;
    const edits = JSON.parse(cli(['search', expectedTitle.split(' ')[0], '--json']).stdout);
    checks.searchSeesEdit = edits.some(
      (hit) => hit.abs_path === edited.abs_path && hit.title === expectedTitle,
    );
  }
  for (const [name, ok] of Object.entries(checks)) if (!ok) problems.push(`stale: ${name}`);
  return { ok: problems.length === 0, problems, checks };
}

function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const bin = path.resolve(option('--cli', path.join(ROOT, 'bin', 'confnotes.js')));
  const notes = Number(option('--notes', '300'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-stale-'));
  try {
    const root = path.join(scratch, 'ws');
    generateCorpus(root, { notes });
    const home = path.join(scratch, 'home');
    fs.mkdirSync(home);
    const env = { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', NO_COLOR: '1' };
    const cli = (argv) =>
      spawnSync(process.execPath, [bin, ...argv], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    sleep(2100);
    const result = checkStaleness(cli);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
