/**
 * Packaging as a stranger meets it: the tracked files of this repository
 * (a fresh clone, no dist/) packed with `npm pack`, the tarball installed
 * into an empty prefix, and the installed command run on a new workspace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('npm pack and install', () => {
  it('packs a built CLI from a fresh checkout and runs it from a global install', () => {
    const work = tempDir();
    const clone = path.join(work, 'clone');
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).split('\0');
    for (const file of tracked.filter(Boolean)) {
      // Regular files only: a deleted file, or a link such as a symlinked node_modules, is no part of a clone.
      if (!fs.lstatSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile()) continue;
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(clone, file));
    }
    expect(fs.existsSync(path.join(clone, 'dist'))).toBe(false);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));

    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], clone)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((entry) => entry.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/quick.cjs');
    // The CommonJS full CLI the launcher runs, its chunks and their code caches.
    expect(files).toContain('dist/cli.cjs');
    expect(files).toContain('dist/cli.cjs.cache');
    expect(files.filter((file) => /^dist\/chunks\/[^/]+\.cjs$/.test(file)).length).toBeGreaterThan(10);
    expect(files.filter((file) => /^dist\/chunks\/[^/]+\.cjs\.cache$/.test(file)).length).toBeGreaterThan(10);
    // The room commands' lane packs (scripts/lane-packs.mjs) and their caches.
    for (const name of ['agenda', 'new', 'list', 'tags', 'search'])
      expect(files).toEqual(
        expect.arrayContaining([`dist/packs/${name}.cjs`, `dist/packs/${name}.cjs.cache`]),
      );
    expect(files).toContain('templates/report.md');
    expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);

    const prefix = path.join(work, 'prefix');
    const tarball = path.join(work, packed[0]!.filename);
    npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], work);
    const bin = path.join(prefix, 'bin', 'confnotes');
    const env = {
      PATH: process.env.PATH,
      HOME: work,
      TZ: 'UTC',
      LANG: 'C.UTF-8',
      CONFNOTES_NOW: '2026-03-24T10:02:00Z',
    };
    const run = (args: string[], cwd = work) => {
      const result = spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
      expect(result.stderr).not.toMatch(/not built yet|Error:/);
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    const ws = path.join(work, 'notes');
    run(['init', ws]);
    run(
      ['conf', 'new', 'KubeCon EU 2026', '--start', '2026-03-23', '--end', '2026-03-26', '--timezone', 'UTC'],
      ws,
    );
    run(['new', 'Scaling etcd', '--speaker', 'Ada Lovelace', '--tag', 'storage'], ws);
    expect(run(['list'], ws)).toContain('Scaling etcd');
    expect(run(['report'], ws)).toMatch(/^# KubeCon EU 2026 trip report/);
    expect(run(['--version'], ws).trim()).toMatch(/^\d+\.\d+\.\d+/);
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
