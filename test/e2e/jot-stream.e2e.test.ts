/** jot through the built CLI: piped lines written as they arrive, the out-of-slot warning, --since-start. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';
import { snapshot } from '../helpers/workspace.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/schedule');
let home: string;
let ws: string;
const run = (args: string[], now: string, input?: string) =>
  confnotes(args, { cwd: ws, env: { CONFNOTES_NOW: now }, input });

async function until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function conference(name: string, start: string, end: string, zone: string): void {
  const made = run(
    ['conf', 'new', name, '--start', start, '--end', end, '--timezone', zone],
    `${start}T12:00:00Z`,
  );
  expect(made.code, made.stderr).toBe(0);
}

// One `init` per file, a copy of it per test.
const fresh = sharedSetup((template) => {
  expect(confnotes(['init', path.join(template, 'ws')], { cwd: template }).code).toBe(0);
});

beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('jot with lines piped in', () => {
  it('writes each line the moment it arrives, before the input ends', async () => {
    conference('Summit', '2013-04-15', '2013-04-18', 'America/Los_Angeles');
    const made = run(['new', 'Heat talk', '--at', '11:00'], '2013-04-16T18:02:00Z');
    const file = path.join(ws, made.stdout.trim());
    const child = spawn(process.execPath, [BIN, 'jot'], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, TZ: 'UTC', CONFNOTES_NOW: '2013-04-16T18:05:00Z' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const notes = () => fs.readFileSync(file, 'utf8').split('## Notes\n\n')[1]!;

    child.stdin.write('it\'s `uname`; $(rm -rf ~) "quoted"\n');
    await until(() => notes().includes('uname'), 'the first line in the note');
    expect(child.exitCode).toBeNull(); // still reading: the line landed before the input ended
    expect(notes()).toBe('- 11:05 it\'s `uname`; $(rm -rf ~) "quoted"\n');

    child.stdin.write('second line\r\n\n');
    await until(() => notes().includes('second'), 'the second line in the note');
    expect(child.exitCode).toBeNull();
    child.stdin.end('third, without a line break');
    expect(await exited).toBe(0);
    expect(notes()).toBe(
      '- 11:05 it\'s `uname`; $(rm -rf ~) "quoted"\n- 11:05 second line\n- 11:05 third, without a line break\n',
    );
    expect(stderr).toBe(`${made.stdout.trim()}: 3 lines\n`);
  });

  it('refuses input with no text, writing nothing', () => {
    conference('Summit', '2013-04-15', '2013-04-18', 'America/Los_Angeles');
    run(['new', 'Heat talk', '--at', '11:00'], '2013-04-16T18:02:00Z');
    const before = snapshot(ws);
    const result = run(['jot'], '2013-04-16T18:05:00Z', '\n  \n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^confnotes: an empty jot is not saved/);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('a jot outside its note’s slot', () => {
  it('warns, naming the slot, and still writes only to the current note', () => {
    conference('Summit', '2013-04-15', '2013-04-18', 'America/Los_Angeles');
    const file = path.join(
      ws,
      run(['new', 'Heat talk', '--at', '11:00'], '2013-04-16T18:02:00Z').stdout.trim(),
    );
    const inside = run(['jot', 'in time'], '2013-04-16T18:39:00Z');
    expect(inside.stderr).not.toMatch(/outside/);
    for (const args of [
      ['jot', 'a follow-up'],
      ['jot', '--note', 'heat', 'full lane'],
    ]) {
      const late = run(args, '2013-04-16T19:02:00Z');
      expect(late.code).toBe(0);
      expect(late.stderr).toMatch(
        /^warning: 2013-04-16 12:02 is outside summit\/2013-04-16-1100-heat-talk\.md \(2013-04-16 11:00–11:40\)\n/,
      );
    }
    expect(fs.readFileSync(file, 'utf8')).toMatch(
      /## Notes\n\n- 11:39 in time\n- 12:02 a follow-up\n- 12:02 full lane\n$/,
    );
    expect(fs.readdirSync(path.join(ws, 'summit')).sort()).toEqual([
      '2013-04-16-1100-heat-talk.md',
      'conference.md',
    ]);
  });

  it('names the talk on now from the programme, in both lanes, and creates no note for it', () => {
    conference('Spree Cloud Summit 2026', '2026-06-16', '2026-06-18', 'Europe/Berlin');
    const conf = path.join(ws, 'spree-cloud-summit-2026');
    expect(run(['import', path.join(FIXTURES, 'programme-v1.ics')], '2026-06-16T06:00:00Z').code).toBe(0);
    const made = run(['new', '--from', 'SCS26-K1'], '2026-06-16T07:00:00Z');
    expect(made.code, made.stderr).toBe(0);
    const before = fs.readdirSync(conf).sort();
    // The talk on now is named by its short ref, as agenda shows it.
    const agenda = JSON.parse(run(['agenda', '--json'], '2026-06-16T06:00:00Z').stdout) as {
      uid: string;
      ref: string;
    }[];
    const ref = agenda.find((entry) => entry.uid.startsWith('SCS26-T2'))!.ref;
    expect(ref).toMatch(/^[a-z][a-z0-9]{2,5}$/);
    for (const args of [
      ['jot', 'late thought'],
      ['jot', '--note', 'opening', 'again'],
    ]) {
      const late = run(args, '2026-06-16T08:10:00Z'); // 10:10 in Berlin: three talks on, the keynote over
      expect(late.code, late.stderr).toBe(0);
      expect(late.stderr).toMatch(
        /^warning: 2026-06-16 10:10 is outside .*opening-keynote.* \(2026-06-16 09:00–09:45\); on now: /,
      );
      expect(late.stderr).toContain(`${ref} "Zero-downtime Postgres upgrades"`);
    }
    expect(fs.readdirSync(conf).sort()).toEqual(before);
    expect(fs.readFileSync(path.join(ws, made.stdout.trim()), 'utf8')).toMatch(
      /- 10:10 late thought\n- 10:10 again\n$/,
    );
  });
});

describe('jot --since-start', () => {
  it('stamps the time since the talk began next to the clock, from the option or the workspace setting', () => {
    conference('Summit', '2013-04-15', '2013-04-18', 'America/Los_Angeles');
    const file = path.join(
      ws,
      run(['new', 'Heat talk', '--at', '11:00'], '2013-04-16T18:02:00Z').stdout.trim(),
    );
    expect(run(['jot', '--since-start', 'zoning'], '2013-04-16T18:12:30Z').code).toBe(0);
    expect(run(['jot', 'no offset'], '2013-04-16T18:13:00Z').code).toBe(0);
    fs.appendFileSync(path.join(ws, '.confnotes', 'config.yml'), '\nsince_start: true\n');
    expect(run(['jot', '--quote', 'from config'], '2013-04-16T18:14:05Z').code).toBe(0);
    expect(run(['jot', '--todo', 'no time on a todo'], '2013-04-16T18:14:05Z').code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(
      /ticked\. -->\n- \[ \] no time on a todo\n\n## Notes\n\n- 11:12 \+12:30 zoning\n- 11:13 no offset\n- 11:14 \+14:05 > "from config"\n$/,
    );
  });
});
