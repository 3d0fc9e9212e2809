/**
 * A real interactive shell (bash, zsh or fish, with no rc files) in tmux, with
 * the generated completion script sourced and the built CLI on PATH as
 * `confnotes`: the test types, presses TAB and reads the screen. Each session
 * has its own tmux server (`tmux -L`), killed by `close()`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, confnotes } from './cli.js';

export type ShellName = 'bash' | 'zsh' | 'fish';

/** The prompt each shell is given, so a test can tell when it is ready. */
export const PROMPT: Record<ShellName, string> = { bash: 'READY$ ', zsh: 'READY% ', fish: 'READY> ' };

const sq = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A folder with `confnotes` (the built bin) on it, and one start script per shell. */
export function shellHome(home: string, ws: string): void {
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'confnotes'), `#!/bin/sh\nexec ${sq(process.execPath)} ${sq(BIN)} "$@"\n`, {
    mode: 0o755,
  });
  const env = [
    `PATH=${sq(`${bin}:/usr/local/bin:/usr/bin:/bin`)}`,
    `HOME=${sq(home)}`,
    'TERM=xterm-256color',
    'LANG=C.UTF-8',
  ].join(' ');
  const starts: Record<ShellName, string> = {
    bash: `PS1=${sq(PROMPT.bash)} bash --norc --noprofile`,
    zsh: `PS1=${sq('READY%% ')} zsh -f`,
    fish: `fish --no-config -C ${sq(
      'function fish_prompt; printf "READY> "; end; set -g fish_greeting; set -g fish_autosuggestion_enabled 0',
    )}`,
  };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const script = path.join(home, `completion.${shell}`);
    fs.writeFileSync(script, confnotes(['completion', shell], { cwd: ws }).stdout);
    fs.writeFileSync(
      path.join(home, `start-${shell}.sh`),
      `#!/bin/sh\ncd ${sq(ws)} || exit 1\nexec env -i ${env} ${starts[shell]}\n`,
      { mode: 0o755 },
    );
  }
}

const LOAD: Record<ShellName, (script: string) => string> = {
  bash: (script) => `source ${sq(script)} && echo SOURCED`,
  zsh: (script) => `autoload -Uz compinit && compinit -u -D && source ${sq(script)} && echo SOURCED`,
  fish: (script) => `source ${sq(script)}; and echo SOURCED`,
};

let sessions = 0;

export class ShellSession {
  private constructor(
    readonly shell: ShellName,
    private readonly socket: string,
  ) {}

  /** Starts the shell in tmux, sources the completion script and waits for a clean prompt. */
  static async start(shell: ShellName, home: string): Promise<ShellSession> {
    const session = new ShellSession(shell, `confnotes-cmpl-${process.pid}-${++sessions}`);
    session.tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      't',
      '-x',
      '160',
      '-y',
      '45',
      path.join(home, `start-${shell}.sh`),
    );
    try {
      await session.waitFor((screen) => screen.includes(PROMPT[shell].trim()));
      session.type(LOAD[shell](path.join(home, `completion.${shell}`)));
      session.keys('Enter');
      await session.waitFor((screen) => /^SOURCED$/m.test(screen));
      await session.clear();
    } catch (error) {
      session.close();
      throw error;
    }
    return session;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', timeout: 10_000 });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 't');
  }

  /** Text typed as it is (tmux's -l: no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 't', '-l', text);
  }

  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 't', ...names);
  }

  /** Polls the screen until `test` holds; a generous but bounded wait (node starts at every TAB). */
  async waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
    const ok = typeof test === 'function' ? test : (screen: string) => test.test(screen);
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (ok(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.shell}: timed out waiting for ${test} on the screen:\n${screen}`);
  }

  /** The line the prompt is on, without the prompt. */
  commandLine(screen = this.screen()): string {
    const prompt = PROMPT[this.shell];
    const line = screen.split('\n').find((row) => row.startsWith(prompt));
    return line === undefined ? '' : line.slice(prompt.length);
  }

  /** An empty screen with only the prompt on it. */
  async clear(): Promise<void> {
    this.keys('C-u', 'C-l');
    await this.waitFor((screen) => screen.trim() === PROMPT[this.shell].trim());
  }

  /** Kills this session's tmux server and removes its socket file (tmux leaves it behind). */
  close(): void {
    let socketPath = '';
    try {
      socketPath = this.tmux('display-message', '-p', '#{socket_path}').trim();
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    if (socketPath.endsWith(this.socket)) fs.rmSync(socketPath, { force: true });
  }
}
