/**
 * The parsed-programme cache (.confnotes/programme-cache/): `agenda` and
 * `new --from` print and write the same bytes whether the programme comes from
 * the cache or from programme.yml, and a programme.yml edited afterwards wins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOW = { CONFNOTES_NOW: '2013-04-16T18:02:00Z' };
const FIXTURE = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');
let home: string;
let ws: string;
let cacheDir: string;
const run = (args: string[]) => confnotes(args, { cwd: ws, env: NOW });
const withoutCache = (args: string[]) => {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const result = run(args);
  return result;
};

beforeAll(() => {
  home = tempDir();
  ws = path.join(home, 'ws');
  cacheDir = path.join(ws, '.confnotes', 'programme-cache');
  confnotes(['init', ws], { cwd: home });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18'];
  expect(run([...conf, '--timezone', 'America/Los_Angeles']).code).toBe(0);
  expect(run(['import', FIXTURE]).code).toBe(0);
  // A programme.yml changed in the last two seconds is not cached (its stamp could repeat).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('the programme cache', () => {
  it('gives agenda the same output as programme.yml', () => {
    for (const args of [['agenda'], ['agenda', '--day', '2013-04-16'], ['agenda', '--json']]) {
      const parsed = withoutCache(args);
      expect(parsed.code, args.join(' ')).toBe(0);
      expect(fs.readdirSync(cacheDir), args.join(' ')).toEqual(['cache-summit.json']);
      const cached = run(args);
      expect(cached, args.join(' ')).toEqual(parsed);
    }
  });

  it('gives new --from the same output and the same note as programme.yml', () => {
    const uid = JSON.parse(run(['agenda', '--json']).stdout).find(
      (e: { all_day: boolean }) => !e.all_day,
    ).uid;
    const create = (cache: boolean) => {
      const result = cache ? run(['new', '--from', uid]) : withoutCache(['new', '--from', uid]);
      expect(result.code, result.stderr).toBe(0);
      const file = path.join(ws, result.stdout.trim());
      const text = fs.readFileSync(file, 'utf8');
      fs.rmSync(file);
      return { ...result, text };
    };
    const parsed = create(false);
    expect(fs.existsSync(path.join(cacheDir, 'cache-summit.json'))).toBe(true);
    expect(create(true)).toEqual(parsed);
  });

  it('is not used once programme.yml changes', () => {
    run(['agenda']);
    const file = path.join(ws, 'summit', 'programme.yml');
    const text = fs.readFileSync(file, 'utf8');
    const title = /^ {4}title: (.+)$/m.exec(text)![1]!;
    const renamed = title.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X'));
    fs.writeFileSync(file, text.replace(`title: ${title}`, `title: ${renamed}`));
    expect(run(['agenda']).stdout).toContain(renamed);
  });
});
