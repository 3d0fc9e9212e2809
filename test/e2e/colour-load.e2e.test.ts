/**
 * chalk is loaded only when a stream gets colour: its own colour check loads
 * node:tty, and with it node:net and node:stream, at import (src/cli.ts,
 * painterFor). Without colour the output is the same text, without chalk.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const REPO = path.resolve(path.dirname(BIN), '..');
const ESC = '\u001b[';

/** Runs the built CLI on the sample with a hook that prints, at exit, whether node:tty and chalk were loaded. */
function run(args: string[], env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-colour-'));
  const hook = path.join(dir, 'hook.cjs');
  fs.writeFileSync(
    hook,
    `process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify({
      tty: process.moduleLoadList.includes('NativeModule tty'),
      chalk: Object.keys(require.cache).some((f) => /chalk|[\\\\/]source-[A-Z0-9]+\\.cjs$/.test(f)),
    }) + '\\n'));`,
  );
  const result = spawnSync(process.execPath, ['-r', hook, BIN, '--dir', path.join(REPO, 'notes'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', TZ: 'UTC', ...env },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const loaded = JSON.parse(/LOADED (.*)\n/.exec(result.stderr)![1]!) as { tty: boolean; chalk: boolean };
  return { code: result.status, stdout: result.stdout, loaded };
}

describe('colour in the full CLI', () => {
  it('does not load chalk nor node:tty when no stream gets colour', () => {
    for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
      const result = run(['list', '--all'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Introduction to OpenStack');
      expect(result.stdout).not.toContain(ESC);
      expect(result.loaded).toEqual({ tty: false, chalk: false });
    }
  });

  it('paints with chalk when asked, and the text under the colour is the same', () => {
    const plain = run(['list', '--all']);
    const painted = run(['--color', 'list', '--all']);
    expect(painted.code).toBe(0);
    expect(painted.stdout).toContain(ESC);
    expect(painted.loaded.chalk).toBe(true);
    expect(painted.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    const forced = run(['list', '--all'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
  });
});
