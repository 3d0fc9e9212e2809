/**
 * The PDF printer's scratch folder holds an HTML copy of the notes: a Ctrl-C
 * or a SIGTERM while Chromium prints must not leave it in the temp folder.
 * A stand-in browser that only waits keeps the print running while the test signals.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(['SIGINT', 'SIGTERM'] as const)('report --format pdf interrupted by %s', (signal) => {
  it('removes the scratch folder and stops the browser', async () => {
    const root = tempDir();
    made.push(root);
    const scratch = path.join(root, 'tmp');
    fs.mkdirSync(scratch);
    const dir = path.join(root, 'notes');
    fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
    const started = path.join(root, 'browser-started');
    const browser = path.join(root, 'slow-browser');
    fs.writeFileSync(browser, `#!/bin/sh\necho $$ > '${started}'\nexec sleep 30\n`, { mode: 0o755 });

    const child = spawn(process.execPath, [BIN, '--dir', dir, 'report', '--format', 'pdf', '-o', 'out.pdf'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: root, TMPDIR: scratch, CONFNOTES_CHROME: browser, TZ: 'UTC' },
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    await until(
      () => fs.existsSync(started) && fs.readFileSync(started, 'utf8').trim() !== '',
      'the browser',
    );
    expect(fs.readdirSync(scratch).filter((name) => name.startsWith('confnotes-pdf-'))).toHaveLength(1);

    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(fs.readdirSync(scratch)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'out.pdf'))).toBe(false);
    const browserPid = Number(fs.readFileSync(started, 'utf8'));
    await until(() => {
      try {
        process.kill(browserPid, 0);
        return false;
      } catch {
        return true;
      }
    }, 'the browser to end');
  });
});
