/**
 * What the built CLI loads, where a module's load is a cost every run pays:
 * chalk only when a stream gets colour (src/ui/painter.ts), and then without
 * its Node colour check, which loads node:tty, and with it node:net and
 * node:stream, at import (scripts/build.mjs gives it its browser variant),
 * the same text without it; node:crypto (3-4 ms) not for the caches' formats
 * (src/core/fingerprint.ts) nor for write-file-atomic's temporary names
 * (scripts/stubs/write-file-atomic-*.cjs, which spare node:worker_threads too),
 * only for a plan's UIDs; node:child_process (1-2 ms, which commander loads
 * for executable subcommands, scripts/stubs/commander-child-process.cjs) only
 * to start an editor or a viewer; node:net, which process.stdout brings for a
 * pipe, never (src/fd-io.ts); the YAML readers (yaml and gray-matter,
 * dist/chunks/vendor-yaml.cjs: src/core/front-matter/yaml-libs.ts) only for
 * YAML no cache holds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const REPO = path.resolve(path.dirname(BIN), '..');
const ESC = '\u001b[';
const FIXTURE = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');

/** Runs the built CLI on the sample with a hook that prints, at exit, whether node:tty and chalk were loaded. */
function run(args: string[], env: Record<string, string> = {}, dir = path.join(REPO, 'notes')) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-load-'));
  const hook = path.join(home, 'hook.cjs');
  fs.writeFileSync(
    hook,
    // Read before anything is written, and written to the descriptor: process.stderr would load node:net itself.
    `process.on('exit', () => { const loaded = JSON.stringify({
      tty: process.moduleLoadList.includes('NativeModule tty'),
      chalk: Object.keys(require.cache).some((f) => /chalk|[\\\\/]source-[A-Z0-9]+\\.cjs$/.test(f)),
      crypto: process.moduleLoadList.includes('NativeModule crypto'),
      childProcess: process.moduleLoadList.includes('NativeModule child_process'),
      net: process.moduleLoadList.includes('NativeModule net'),
      workerThreads: process.moduleLoadList.includes('NativeModule worker_threads'),
      yaml: Object.keys(require.cache).some((f) => /[\\\\/]vendor-yaml\\.cjs$/.test(f)),
    }); require('fs').writeSync(2, '\\nLOADED ' + loaded + '\\n'); });`,
  );
  const result = spawnSync(process.execPath, ['-r', hook, BIN, '--dir', dir, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...env },
  });
  fs.rmSync(home, { recursive: true, force: true });
  const loaded = JSON.parse(/LOADED (.*)\n/.exec(result.stderr)![1]!) as {
    tty: boolean;
    chalk: boolean;
    crypto: boolean;
    childProcess: boolean;
    net: boolean;
    workerThreads: boolean;
    yaml: boolean;
  };
  return { code: result.status, stdout: result.stdout, loaded };
}

describe('colour in the full CLI', () => {
  it('does not load chalk nor node:tty when no stream gets colour', () => {
    for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
      const result = run(['list', '--all'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Introduction to OpenStack');
      expect(result.stdout).not.toContain(ESC);
      expect(result.loaded).toMatchObject({ tty: false, chalk: false });
    }
  });

  it('paints with chalk when asked, and the text under the colour is the same', () => {
    const plain = run(['list', '--all']);
    const painted = run(['--color', 'list', '--all']);
    expect(painted.code).toBe(0);
    expect(painted.stdout).toContain(ESC);
    // chalk without Node's supports-color (the build gives it its own browser variant): no node:tty.
    expect(painted.loaded).toMatchObject({ chalk: true, tty: false, net: false });
    expect(painted.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    const forced = run(['list', '--all'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
  });
});

describe('node:crypto and node:child_process', () => {
  it('is not loaded by agenda nor by listings that find their caches current, and is by a plan export', async () => {
    const ws = tempDir();
    const env = { CONFNOTES_NOW: '2013-04-16T16:35:00Z' };
    const inWs = (args: string[]) => run(args, env, ws);
    expect(confnotes(['init', ws], { cwd: ws }).code).toBe(0);
    expect(inWs(['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18']).code).toBe(0);
    expect(inWs(['import', FIXTURE]).code).toBe(0);
    expect(inWs(['new', '--from', 'now']).code).toBe(0);
    expect(inWs(['new', 'Hallway chat', '--tag', 'hallway']).code).toBe(0);
    // Files changed in the last 2 s are read but not cached (note-cache-format.ts, RECENT_MS): let them age.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    try {
      const reading = [
        ['agenda', '--day', '2013-04-16'],
        ['list'],
        ['list', '--json'],
        ['tags'],
        ['check'],
        ['--help'],
        ['list', '--help'],
      ];
      // The first run of each may write a cache.
      for (const args of reading) expect(inWs(args).code, args.join(' ')).toBe(0);
      for (const args of reading) {
        const result = inWs(args);
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.loaded.crypto, args.join(' ')).toBe(false);
        expect(result.loaded.childProcess, args.join(' ')).toBe(false);
        // Output goes straight to the descriptors (src/fd-io.ts): no Node stream, so no node:net for a pipe.
        expect(result.loaded.net, args.join(' ')).toBe(false);
      }
      // A room command that saves the current note: write-file-atomic names its file without
      // node:crypto or node:worker_threads (scripts/stubs/write-file-atomic-*.cjs).
      const made = inWs(['new', 'Another chat', '--tag', 'hallway']);
      expect(made.code).toBe(0);
      expect(made.stdout).toMatch(/another-chat\.md\n$/);
      expect(made.loaded).toMatchObject({
        crypto: false,
        workerThreads: false,
        net: false,
        childProcess: false,
      });
      // The caches name the build by the hash of its sources the build wrote in, not by a file's mtime (npm packs all alike).
      const kept = JSON.parse(
        fs.readFileSync(path.join(ws, '.confnotes', 'notes-cache', 'files.json'), 'utf8'),
      );
      expect(kept.format).toMatch(/ build [0-9a-f]{16} /);
      const uid = JSON.parse(inWs(['agenda', '--day', '2013-04-16', '--json']).stdout)[0].uid as string;
      expect(inWs(['agenda', '--star', uid]).code).toBe(0);
      const plan = inWs(['agenda', '--format', 'ics']);
      expect(plan.stdout).toContain('@plan.confnotes');
      expect(plan.loaded.crypto).toBe(true);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the YAML readers', () => {
  it('are not loaded by the room commands nor by listings on warm caches, and are for a note to parse', async () => {
    const ws = tempDir();
    const env = { CONFNOTES_NOW: '2013-04-16T16:35:00Z' };
    const inWs = (args: string[]) => run(args, env, ws);
    try {
      expect(confnotes(['init', ws], { cwd: ws }).code).toBe(0);
      expect(inWs(['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18']).code).toBe(0);
      expect(inWs(['import', FIXTURE]).code).toBe(0);
      expect(inWs(['new', 'Hallway chat', '--tag', 'hallway']).code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const uid = JSON.parse(inWs(['agenda', '--day', '2013-04-17', '--json']).stdout)[3].uid as string;
      for (const args of [['list'], ['agenda', '--day', '2013-04-16']]) expect(inWs(args).code).toBe(0);
      const room = [
        ['agenda', '--day', '2013-04-16'],
        ['list', '--json'],
        ['tags'],
        ['new', '--from', 'now'],
        ['new', '--from', uid],
        ['new', 'Expo hall: the storage vendors, day 2', '--tag', 'expo', '--speaker', 'Ada Byron'],
      ];
      for (const args of room) {
        const result = inWs(args);
        expect(result.code, args.join(' ')).toBe(0);
        expect(result.loaded.yaml, args.join(' ')).toBe(false);
      }
      // Each new note holds what yaml would have written: the same fields read back.
      const made = JSON.parse(inWs(['list', '--json']).stdout) as { title: string; speakers: string[] }[];
      expect(made.map((note) => note.title)).toContain('Expo hall: the storage vendors, day 2');
      expect(made.find((note) => note.title.startsWith('Expo'))!.speakers).toEqual(['Ada Byron']);
      // A note whose YAML only `yaml` reads (a block scalar): the listing loads it, and shows the note.
      const file = path.join(ws, 'summit', 'hand-written.md');
      fs.writeFileSync(
        file,
        '---\ntitle: Hand written\ntype: session\ndate: 2013-04-16\nsummary: |\n  two\n  lines\n---\n',
      );
      const listed = inWs(['list']);
      expect(listed.stdout).toContain('Hand written');
      expect(listed.loaded.yaml).toBe(true);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
