/** In the room: jot, current, open and the guided new, through the built CLI. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/note/note.js';
import { BIN, confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

let home: string;
let ws: string;
const NOW = { CONFNOTES_NOW: '2013-04-16T18:02:00Z' };
const run = (args: string[], env: Record<string, string | undefined> = {}, input?: string) =>
  confnotes(args, { cwd: ws, env: { ...NOW, ...env }, input });

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  expect(
    run([
      'conf',
      'new',
      'Summit',
      '--start',
      '2013-04-15',
      '--end',
      '2013-04-18',
      '--timezone',
      'America/Los_Angeles',
    ]).code,
  ).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});

const newNote = (title: string, extra: string[] = []) => {
  const result = run(['new', title, ...extra]);
  expect(result.code).toBe(0);
  return path.join(ws, result.stdout.trim());
};
const notesSection = (file: string) => fs.readFileSync(file, 'utf8').split('## Notes\n')[1]!;

describe('current and open', () => {
  it('has no current note at first, and says how to start one', () => {
    const result = run(['current']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no current note; start one with: confnotes new/);
    const jot = run(['jot', 'hello']);
    expect(jot.code).toBe(1);
    expect(jot.stderr).toMatch(/confnotes new/);
  });

  it('follows new, then open', () => {
    const first = newNote('First talk');
    const second = newNote('Second talk', ['--at', '14:00']);
    expect(run(['current']).stdout.trim()).toBe(path.relative(ws, second));
    expect(run(['open', 'first', '--no-edit']).code).toBe(0);
    expect(run(['current', '--absolute']).stdout.trim()).toBe(first);
    expect(run(['jot', 'back in the first talk']).code).toBe(0);
    expect(notesSection(first)).toContain('- 11:02 back in the first talk\n');
  });

  it('opens the editor unless --no-edit', () => {
    const file = newNote('Editable');
    const script = path.join(home, 'ed.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho "- opened" >> "$1"\n', { mode: 0o755 });
    expect(run(['open', 'editable'], { EDITOR: script }).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/- opened\n$/);
  });

  it('reports a current note that was deleted', () => {
    const file = newNote('Gone soon');
    fs.rmSync(file);
    const result = run(['jot', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is gone/);
  });
});

describe('jot', () => {
  it('appends "- HH:MM text" in the conference time zone, whatever the machine zone', () => {
    const file = newNote('Talk');
    const before = fs.readFileSync(file, 'utf8');
    expect(
      run(['jot', 'iSCSI', 'is', 'the', 'default'], {
        TZ: 'Asia/Tokyo',
        CONFNOTES_NOW: '2013-04-16T18:05:00Z',
      }).code,
    ).toBe(0);
    expect(run(['jot', '--at', '11:30', 'zoning is the hard part']).code).toBe(0);
    expect(run(['jot', '--quote', 'easy enough for a goat']).code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '- 11:05 iSCSI is the default\n- 11:30 zoning is the hard part\n- 11:02 > "easy enough for a goat"\n',
    );
  });

  it('adds follow-ups to the Follow-ups section and keeps the rest', () => {
    const file = newNote('Talk');
    expect(run(['jot', '--todo', 'watch the video']).code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/## Follow-ups\n\n[^#]*- \[ \] watch the video\n\n## Notes\n/);
    expect(parseNote(text).meta.title).toBe('Talk');
  });

  it('appends each line piped on stdin, and aims at another note with --note', () => {
    const first = newNote('First');
    newNote('Second', ['--at', '15:00']);
    expect(run(['jot', '--note', 'first'], {}, 'one\n\ntwo\r\nthree\n').code).toBe(0);
    expect(notesSection(first)).toBe('\n- 11:02 one\n- 11:02 two\n- 11:02 three\n');
  });

  it('refuses an empty jot and a bad --at, changing nothing', () => {
    const file = newNote('Talk');
    const before = fs.readFileSync(file, 'utf8');
    expect(run(['jot']).code).toBe(2);
    expect(run(['jot', '   ']).code).toBe(2);
    expect(run(['jot'], {}, '\n\n').code).toBe(2);
    expect(run(['jot', '--at', '25:99', 'x']).code).toBe(2);
    expect(run(['jot', '--todo', '--quote', 'x']).code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a note that is not a note, naming it', () => {
    const file = newNote('Talk');
    fs.writeFileSync(file, Buffer.from([0, 1, 2]));
    const result = run(['jot', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2013-04-16-1102-talk\.md:1: binary file/);
    expect(fs.readFileSync(file)).toEqual(Buffer.from([0, 1, 2]));
  });

  it('lands every one of 50 concurrent jots, each whole and once', async () => {
    const file = newNote('Busy talk');
    const header = fs.readFileSync(file, 'utf8');
    const jobs = Array.from(
      { length: 50 },
      (_, i) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'jot', `thought number ${i}:${'x'.repeat(i * 20)}`], {
            cwd: ws,
            env: { PATH: process.env.PATH, HOME: home, ...NOW },
            stdio: 'ignore',
          });
          child.on('exit', (code) => resolve(code ?? -1));
        }),
    );
    expect(await Promise.all(jobs)).toEqual(Array(50).fill(0));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith(header)).toBe(true);
    const lines = text.slice(header.length).split('\n').filter(Boolean);
    expect(lines).toHaveLength(50);
    for (let i = 0; i < 50; i++)
      expect(
        lines.filter((line) => line === `- 11:02 thought number ${i}:${'x'.repeat(i * 20)}`),
      ).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('.lock'))).toEqual([]);
  });

  it('keeps the order of a shell loop', () => {
    const file = newNote('Loop');
    const script = `for i in $(seq 1 20); do node ${JSON.stringify(BIN)} jot "line $i" || exit 1; done`;
    const result = spawnSync('sh', ['-c', script], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: home, ...NOW },
    });
    expect(result.status).toBe(0);
    expect(notesSection(file)).toBe(
      `\n${Array.from({ length: 20 }, (_, i) => `- 11:02 line ${i + 1}\n`).join('')}`,
    );
  });

  it('leaves a valid note when killed mid-jot, and the next jot still lands', async () => {
    const file = newNote('Killed');
    const original = fs.readFileSync(file, 'utf8');
    let landed = 0;
    for (let round = 0; round < 30; round++) {
      const child = spawn(process.execPath, [BIN, 'jot', `round ${round}`], {
        cwd: ws,
        env: { PATH: process.env.PATH, HOME: home, ...NOW },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Kill points spread over the process's life, from start-up to the write.
      await new Promise((resolve) => setTimeout(resolve, 20 + ((round * 7) % 90)));
      child.kill('SIGKILL');
      await exited;
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith(original)).toBe(true);
      // Every added line is whole: the file is the original plus complete jots.
      const added = text.slice(original.length);
      expect(added).toMatch(/^(- 11:02 round \d+\n)*$/);
      // Each round's line lands at most once, in the order of the rounds, and is never taken back.
      const rounds = added
        .split('\n')
        .filter(Boolean)
        .map((line) => Number(/round (\d+)$/.exec(line)![1]));
      expect(rounds).toEqual([...new Set(rounds)].sort((a, b) => a - b));
      expect(rounds.length).toBeGreaterThanOrEqual(landed);
      if (rounds.length > landed) expect(rounds.at(-1)).toBe(round);
      landed = rounds.length;
      expect(parseNote(text).meta.title).toBe('Killed');
    }
    // A lock left by a killed jot does not block the next one.
    expect(run(['jot', 'after the storm']).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8').endsWith('- 11:02 after the storm\n')).toBe(true);
    // Nothing but the landed rounds and the last jot was added.
    const final = fs.readFileSync(file, 'utf8').slice(original.length).split('\n').filter(Boolean);
    expect(final).toHaveLength(landed + 1);
    expect(landed).toBeLessThanOrEqual(30);
  });
});
