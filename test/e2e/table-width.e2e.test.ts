/**
 * Tables fit the terminal (issue 16), on a real programme with real long uids
 * (PyCon UK 2015, `20150919T102825Z-21266@testing-worker-linux-docker-…`):
 * `agenda` and `list` at 80 and 120 columns, given by `--width` and by a real
 * terminal (tmux), keep every line within the width, no row wraps, and titles
 * keep their room; piped output is not cut unless `--width` says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/real/pyconuk-2015-vobject.ics');
const DAY = '2015-09-19';
const ENV = { CONFNOTES_NOW: '2015-09-19T09:20:00Z' };

let home: string;
let ws: string;
const run = (args: string[]) => confnotes(args, { cwd: ws, env: ENV });

beforeAll(() => {
  home = tempDir('confnotes-width-');
  ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  const made = run(['conf', 'new', 'PyCon UK 2015', '--start', '2015-09-18', '--end', '2015-09-21']);
  expect(made.code, made.stderr).toBe(0);
  expect(run(['conf', 'set', 'timezone=Europe/London']).code).toBe(0);
  const imported = run(['import', FIXTURE]);
  expect(imported.code, imported.stderr).toBe(0);
  const entries = JSON.parse(run(['agenda', '--json', '--day', DAY]).stdout) as {
    uid: string;
    title: string;
  }[];
  // A few notes from the programme: real uids, and ids long enough to need cutting.
  for (const entry of entries.filter((e) => e.title.length > 50).slice(0, 4)) {
    expect(entry.uid).toMatch(/^\d{8}T\d{6}Z-\d+@testing-worker-linux-docker-/);
    const made = run(['new', '--from', entry.uid]);
    expect(made.code, made.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** The titles each command's rows show, in order, from its --json. */
function titles(command: 'agenda' | 'list'): string[] {
  const args = command === 'agenda' ? ['agenda', '--json', '--day', DAY] : ['list', '--json'];
  return (JSON.parse(run(args).stdout) as { title: string }[]).map((item) => item.title);
}

/** The title column's cells, found where the header puts it. */
function titleCells(table: string): string[] {
  const [header, ...rows] = table.split('\n');
  const start = header!.indexOf('title');
  expect(start, header).toBeGreaterThan(0);
  const after = header!.slice(start + 'title'.length).search(/\S/);
  const end = after === -1 ? undefined : start + 'title'.length + after;
  return rows.map((row) => [...row].slice(start, end).join('').trimEnd());
}

function expectFits(table: string, width: number, full: string[]): void {
  const lines = table.split('\n');
  expect(lines).toHaveLength(full.length + 1);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
  titleCells(table).forEach((shown, i) => {
    const title = full[i]!;
    if (shown === title) return;
    // Cut, but keeping real room: more than 7 characters, and the start of the title.
    expect(shown.length, `${shown} / ${title}`).toBeGreaterThan(7);
    expect(shown.endsWith('…')).toBe(true);
    expect(title.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
  });
}

describe('--width', () => {
  for (const width of [80, 120]) {
    for (const command of ['agenda', 'list'] as const) {
      it(`${command} --width ${width}: no line wider, titles keep their room`, () => {
        const args = command === 'agenda' ? ['agenda', '--day', DAY] : ['list'];
        const result = run([...args, '--width', String(width)]);
        expect(result.code, result.stderr).toBe(0);
        expectFits(result.stdout.trimEnd(), width, titles(command));
      });
    }
  }

  it('--width 60 is obeyed; --width 0 does not cut', () => {
    const narrow = run(['agenda', '--day', DAY, '--width', '60']);
    expect(narrow.code, narrow.stderr).toBe(0);
    expectFits(narrow.stdout.trimEnd(), 60, titles('agenda'));
    const wide = run(['list', '--width', '0']);
    expect(wide.stdout).toBe(run(['list']).stdout);
  });

  it('piped without --width, nothing is cut: every title and id in full', () => {
    const result = run(['list']);
    expect(result.code, result.stderr).toBe(0);
    const notes = JSON.parse(run(['list', '--json']).stdout) as { id: string; title: string }[];
    const rows = result.stdout.trimEnd().split('\n').slice(1);
    notes.forEach((note, i) => {
      expect(rows[i]).toContain(note.title);
      expect(rows[i]).toContain(note.id);
    });
    expect(Math.max(...rows.map((row) => row.length))).toBeGreaterThan(120);
    const agenda = run(['agenda', '--day', DAY]);
    for (const title of titles('agenda')) expect(agenda.stdout).toContain(title);
    expect(agenda.stdout).not.toContain('…');
  });

  it('a width that is not a whole number of 0 or more is a usage error', () => {
    for (const bad of ['-1', 'wide', '8.5']) {
      const result = run(['agenda', '--width', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^confnotes: --width .* (whole number|0 or more)\n$/);
      expect(result.stdout).toBe('');
    }
  });

  it('every table command takes --width', () => {
    for (const args of [
      ['tags'],
      ['speakers'],
      ['conf', 'list'],
      ['templates'],
      ['search', 'python'],
      ['restore'],
    ]) {
      const result = run([...args, '--width', '40']);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      for (const line of result.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    }
  });
});

/**
 * The command on a real terminal of `columns` columns (tmux, its own server):
 * what the screen shows, wrapped lines joined back (capture-pane -J), so a
 * row that wrapped reads as one line wider than the terminal.
 */
function onTerminal(columns: number, args: string[]): string {
  const socket = `confnotes-width-${process.pid}-${columns}-${args[0]}`;
  const tmux = (...rest: string[]) =>
    execFileSync('tmux', ['-L', socket, '-f', conf, ...rest], { encoding: 'utf8', timeout: 10_000 });
  const conf = path.join(home, 'tmux.conf');
  fs.writeFileSync(conf, 'set -g history-limit 10000\n');
  const script = path.join(home, `run-${columns}-${args[0]}.sh`);
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  fs.writeFileSync(
    script,
    `#!/bin/sh\ncd ${quote(ws)} || exit 1\nenv -i HOME=${quote(home)} PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=UTC CONFNOTES_NOW=${ENV.CONFNOTES_NOW} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}\necho "ENDED $?"\nexec sleep 600\n`,
    { mode: 0o755 },
  );
  let socketPath = '';
  try {
    tmux('new-session', '-d', '-s', 't', '-x', String(columns), '-y', '100', script);
    socketPath = tmux('display-message', '-p', '-t', 't', '#{socket_path}').trim();
    // The script says when the command has ended, and waits to be killed with the server.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const screen = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 't');
      const ended = /^ENDED (\d+)$/m.exec(screen);
      if (ended) {
        expect(ended[1], screen).toBe('0');
        return screen;
      }
      if (Date.now() > deadline) throw new Error(`timed out:\n${screen}`);
      execFileSync('sleep', ['0.1']);
    }
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    if (socketPath) fs.rmSync(socketPath, { force: true });
  }
}

describe('on a terminal, the table fits its columns', () => {
  for (const columns of [80, 120]) {
    for (const command of ['agenda', 'list'] as const) {
      it(`${command} in a ${columns}-column terminal`, () => {
        const screen = onTerminal(columns, command === 'agenda' ? ['agenda', '--day', DAY] : ['list']);
        const full = titles(command);
        if (process.env.SHOW_SCREEN) console.log(screen);
        const lines = screen
          .split('\n')
          .map((line) => line.trimEnd())
          .filter((line) => line !== '' && !line.startsWith('ENDED ') && !line.startsWith('times in '));
        expect(lines.length, screen).toBe(full.length + 1);
        for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
        expectFits(lines.join('\n'), columns, full);
      }, 60_000);
    }
  }
});

describe('agenda keeps short rooms whole', () => {
  it('cuts neither a room nor a time on a day of camp 2019, with a talk past midnight', () => {
    const camp = path.join(home, 'camp');
    const inCamp = (args: string[]) => confnotes(args, { cwd: camp, env: ENV });
    confnotes(['init', camp], { cwd: home });
    expect(inCamp(['conf', 'new', 'Camp 2019', '--start', '2019-08-21', '--end', '2019-08-25']).code).toBe(0);
    expect(inCamp(['conf', 'set', 'timezone=Europe/Berlin']).code).toBe(0);
    const imported = inCamp(['import', path.resolve(__dirname, '../fixtures/real/frab-camp2019.json')]);
    expect(imported.code, imported.stderr).toBe(0);
    const day = JSON.parse(inCamp(['agenda', '--json', '--day', '2019-08-22']).stdout) as { room: string }[];
    for (const width of ['80', '120']) {
      const table = inCamp(['agenda', '--day', '2019-08-22', '--width', width]).stdout;
      const rows = table.split('\n').slice(1, -1);
      expect(rows).toHaveLength(day.length);
      for (const [i, row] of rows.entries()) expect(row, row).toContain(`  ${day[i]!.room}  `);
      // 23:00 to 00:30 the next day: the next day's date would widen every row's time.
      expect(table).toMatch(/ 2019-08-22 23:00–00:30\+1 {2}Meitner {2}Achtung, Datenpannen!/);
      for (const line of table.split('\n'))
        expect(stringWidth(line), line).toBeLessThanOrEqual(Number(width));
    }
  }, 60_000);
});
