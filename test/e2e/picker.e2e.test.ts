/**
 * The note picker in a real terminal: tmux runs the built binary, the test
 * types part of a title and reads the screen. Without a terminal, the usage
 * error still names the missing argument.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const socket = `confnotes-picker-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
let ws: string;

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-J', '-t', session);
    if (pattern.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern} on the screen:\n${screen}`);
}

function start(session: string, args: string, columns = 120): void {
  const command = `cd ${JSON.stringify(ws)} && NO_COLOR=1 node ${JSON.stringify(BIN)} ${args}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', '40', command);
}

beforeAll(() => {
  const home = tempDir();
  ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18'];
  confnotes([...conf, '--timezone', 'America/Los_Angeles'], { cwd: ws });
  const talks: [string, string, string][] = [
    ['Fibre Channel in Cinder', '2013-04-15 10:00', 'Jürgen Müller'],
    ['Quantum networking', '2013-04-16 11:00', 'Ann Example'],
    ['Opening keynote', '2013-04-17 09:00', 'Mark Collier'],
  ];
  for (const [title, at, speaker] of talks) {
    const made = confnotes(['new', title, '--at', at, '--speaker', speaker], { cwd: ws });
    expect(made.code, made.stderr).toBe(0);
  }
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
});

describe('the note picker in a real terminal (tmux)', () => {
  it('show with no note: lists the notes most recent first, filters as one types, Enter shows it', async () => {
    start('show', 'show');
    const first = await waitForScreen('show', /Which note\?[\s\S]*Fibre Channel/);
    const order = ['Opening keynote', 'Quantum networking', 'Fibre Channel'].map((title) =>
      first.indexOf(title),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(first).toContain('2013-04-15  Fibre Channel in Cinder — Jürgen Müller (summit)');

    tmux('send-keys', '-t', 'show', '-l', 'chan');
    // Typed text shows before the list is filtered: wait for the filtered list (Fibre Channel the first choice).
    const filtered = await waitForScreen('show', /chan\s*\n❯ [^\n]*Fibre Channel/);
    expect(filtered).not.toContain('Quantum networking');
    expect(filtered).not.toContain('Opening keynote');

    tmux('send-keys', '-t', 'show', 'Enter');
    const shown = await waitForScreen('show', /EXIT=\d+/);
    expect(shown).toContain('EXIT=0');
    expect(shown).toContain('title: Fibre Channel in Cinder');
  });

  it('cuts a long title to the terminal, so no choice wraps onto a second line', async () => {
    const long = `Scaling storage ${'and networking '.repeat(8)}at the end of the title`;
    const made = confnotes(['new', long, '--at', '2013-04-18 15:00'], { cwd: ws });
    expect(made.code, made.stderr).toBe(0);
    start('narrow', 'show', 60);
    // Without -J: a line the terminal wrapped shows as two lines of the pane.
    const screen = await waitForScreen('narrow', /Which note\?[\s\S]*Fibre Channel/);
    const lines = screen.split('\n');
    const first = lines.findIndex((line) => line.includes('Scaling storage'));
    expect(first, screen).toBeGreaterThan(0);
    expect(lines[first]!.trimEnd(), screen).toMatch(/…$/);
    expect(lines[first + 1], screen).toContain('Opening keynote');
    expect(screen).not.toContain('at the end of the title');
    tmux('send-keys', '-t', 'narrow', 'C-c');
    await waitForScreen('narrow', /EXIT=\d+/);
    fs.rmSync(path.resolve(ws, made.stdout.trim().split('\n').pop()!));
  });

  it('Ctrl-C in the picker exits 130', async () => {
    start('cancel', 'open --no-edit');
    await waitForScreen('cancel', /Which note\?/);
    tmux('send-keys', '-t', 'cancel', 'C-c');
    expect(await waitForScreen('cancel', /EXIT=\d+/)).toContain('EXIT=130');
  });
});

describe('without a terminal', () => {
  it.each([
    [['show'], "missing required argument 'note'"],
    [['tag', 'fibre'], "missing required argument 'tags'"],
    [['jot', '--note'], "option '--note <note>' argument missing"],
  ])('%j names the missing argument, exit 2', (args, message) => {
    const result = confnotes(args, { cwd: ws });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`confnotes: ${message}\n`);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(path.join(ws, 'summit'))).toBe(true);
  });
});
