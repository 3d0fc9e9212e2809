/** The capture session (`confnotes jot` on a terminal) in a real terminal: tmux runs the built CLI, the test types. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/schedule');
const socket = `confnotes-capture-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sq = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
let home: string;
let ws: string;
let sessions = 0;

async function until<T>(
  read: () => T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen:\n${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

/** A capture session in its own tmux window, at a fixed instant; returns its name and a screen reader. */
async function startSession(now: string) {
  const name = `cap${++sessions}`;
  const env = `PATH=${sq(process.env.PATH ?? '/usr/bin:/bin')} HOME=${sq(home)} TZ=UTC LANG=C.UTF-8 TERM=xterm-256color CONFNOTES_NOW=${now}`;
  const command = `cd ${sq(ws)} && env -i ${env} ${sq(process.execPath)} ${sq(BIN)} jot; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '150', '-y', '40', command);
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', name);
  await until(screen, (text) => /> *$/m.test(text), 'the capture prompt');
  const line = async (text: string, landed?: () => boolean) => {
    tmux('send-keys', '-t', name, '-l', text);
    tmux('send-keys', '-t', name, 'Enter');
    if (landed) await until(landed, Boolean, `"${text}" to land`);
  };
  return { name, screen, line };
}

const run = (args: string[], now: string) => confnotes(args, { cwd: ws, env: { CONFNOTES_NOW: now } });
const read = (file: string) => fs.readFileSync(file, 'utf8');
/** The notes of a conference folder (not the hidden temporary file of a write under way). */
const notesIn = (dir: string) => fs.readdirSync(dir).filter((name) => !name.startsWith('.'));

// One `init` per file, a copy of it per test.
const fresh = sharedSetup((template) => {
  confnotes(['init', path.join(template, 'ws')], { cwd: template });
});

beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});
afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
});

describe('confnotes jot on a terminal: the capture session', () => {
  it('saves each line on Enter as typed (quotes, ;, $( ) and backticks are text), with /todo, /quote, /undo, Ctrl-D', async () => {
    run(
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
      '2013-04-15T12:00:00Z',
    );
    const file = path.join(
      ws,
      run(['new', 'Heat talk', '--at', '11:00'], '2013-04-16T18:02:00Z').stdout.trim(),
    );
    const before = read(file);
    const s = await startSession('2013-04-16T18:05:00Z');
    expect(s.screen()).toMatch(/heat-talk 11:05 > ?$/m);

    const tricky = 'it\'s "fine"; $(rm -rf ~) and `uname` $HOME';
    await s.line(tricky, () => read(file).includes('uname'));
    await s.line('/todo watch the Heat video', () => read(file).includes('Heat video'));
    await s.line('/quote Easy enough for a goat', () => read(file).includes('goat'));
    await s.line('a line typed by mistake', () => read(file).includes('mistake'));
    await s.line('/undo', () => !read(file).includes('mistake'));
    await s.line('/tood not a command', () => /unknown command \/tood/.test(s.screen()));
    await s.line('//etc is a path', () => read(file).includes('/etc'));
    tmux('send-keys', '-t', s.name, 'C-d');
    const screen = await until(s.screen, (text) => /EXIT=\d+/.test(text), 'the session to end');
    expect(screen).toContain('EXIT=0');
    expect(screen).toMatch(/4 lines saved/);

    const [head, notes] = read(file).split('## Notes\n\n');
    expect(notes).toBe(`- 11:05 ${tricky}\n- 11:05 > "Easy enough for a goat"\n- 11:05 /etc is a path\n`);
    expect(head).toBe(
      before.split('## Notes\n\n')[0]!.replace('ticked. -->\n', 'ticked. -->\n- [ ] watch the Heat video\n'),
    );
    expect(read(file)).not.toContain('tood');
  });

  it('/next switches to the talk on now, creating its note; /note switches back; Ctrl-C ends cleanly', async () => {
    run(
      [
        'conf',
        'new',
        'Spree Cloud Summit 2026',
        '--start',
        '2026-06-16',
        '--end',
        '2026-06-18',
        '--timezone',
        'Europe/Berlin',
      ],
      '2026-06-16T06:00:00Z',
    );
    expect(run(['import', path.join(FIXTURES, 'programme-v1.ics')], '2026-06-16T06:00:00Z').code).toBe(0);
    const keynote = path.join(ws, run(['new', '--from', 'SCS26-K1'], '2026-06-16T07:00:00Z').stdout.trim());
    const conf = path.dirname(keynote);
    const s = await startSession('2026-06-16T08:10:00Z'); // 10:10 in Berlin: three talks on, the keynote over

    await s.line('late thought', () => read(keynote).includes('late thought'));
    await until(s.screen, (text) => /outside .*on now: .*type \/next to switch/s.test(text), 'the warning');
    const notes = notesIn(conf).length;
    await s.line('/next', () => /choose one with \/next <ref>/.test(s.screen()));
    expect(notesIn(conf)).toHaveLength(notes); // nothing written elsewhere without being asked
    await s.line('/next SCS26-T2', () => notesIn(conf).length === notes + 1);
    const postgres = path.join(conf, notesIn(conf).find((name) => name.includes('postgres'))!);
    await s.line('pg_upgrade --link; `fast`', () => read(postgres).includes('pg_upgrade'));
    await s.line('/note opening', () => /now capturing into .*opening/.test(s.screen()));
    await s.line('back in the keynote', () => read(keynote).includes('back in the keynote'));
    tmux('send-keys', '-t', s.name, 'C-c');
    const screen = await until(s.screen, (text) => /EXIT=\d+/.test(text), 'the session to end');
    expect(screen).toContain('EXIT=0');
    expect(read(postgres)).toMatch(/programme: SCS26-T2@spree-cloud\.example\.org\n/);
    expect(read(postgres).split('## Notes\n\n')[1]).toBe('- 10:10 pg_upgrade --link; `fast`\n');
    expect(read(keynote).split('## Notes\n\n')[1]).toBe(
      '- 10:10 late thought\n- 10:10 back in the keynote\n',
    );
  });
});
