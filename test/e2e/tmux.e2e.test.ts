/** The guided `new` in a real terminal: tmux runs the built binary, the test types and reads the screen. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

const socket = `confnotes-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
let ws: string;

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern} on the screen:\n${screen}`);
}

function start(session: string): void {
  const command = `cd ${JSON.stringify(ws)} && CONFNOTES_NOW=2013-04-16T18:02:00Z node ${JSON.stringify(BIN)} new; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '110', '-y', '30', command);
}

// One `init` and `conf new` per file, a copy of them per test.
const fresh = sharedSetup((home) => {
  const at = path.join(home, 'ws');
  confnotes(['init', at], { cwd: home });
  confnotes(
    [
      'conf',
      'new',
      'Summit',
      '--start',
      '2013-04-15',
      '--end',
      '2013-04-18',
      '--timezone',
      'America/Los_Angeles',
    ],
    { cwd: at },
  );
});

beforeEach(() => {
  ws = path.join(fresh(), 'ws');
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
});

describe('confnotes new in a real terminal (tmux)', () => {
  it('walks through the prompts and writes the note', async () => {
    start('guided');
    await waitForScreen('guided', /Title of the session/);
    tmux('send-keys', '-t', 'guided', 'Heat and TripleO', 'Enter');
    await waitForScreen('guided', /Type/);
    tmux('send-keys', '-t', 'guided', 'Enter');
    await waitForScreen('guided', /Speakers/);
    tmux('send-keys', '-t', 'guided', 'Clint Byrum', 'Enter');
    await waitForScreen('guided', /Tags \(comma-separated\)/);
    tmux('send-keys', '-t', 'guided', 'heat, tripleo', 'Enter');
    await waitForScreen('guided', /Start time.*11:00/);
    tmux('send-keys', '-t', 'guided', 'Enter');
    await waitForScreen('guided', /editor/);
    tmux('send-keys', '-t', 'guided', 'Enter');
    const screen = await waitForScreen('guided', /EXIT=\d+/);
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('summit/2013-04-16-1100-heat-and-tripleo.md');
    const text = fs.readFileSync(path.join(ws, 'summit', '2013-04-16-1100-heat-and-tripleo.md'), 'utf8');
    expect(text).toContain('speakers: [Clint Byrum]\n');
    expect(text).toContain('tags: [heat, tripleo]\n');
  });

  it('Ctrl-C at a prompt exits 130 and leaves nothing behind', async () => {
    start('cancel');
    await waitForScreen('cancel', /Title of the session/);
    tmux('send-keys', '-t', 'cancel', 'Half typed');
    tmux('send-keys', '-t', 'cancel', 'C-c');
    const screen = await waitForScreen('cancel', /EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(fs.readdirSync(path.join(ws, 'summit'))).toEqual(['conference.md']);
  });
});
