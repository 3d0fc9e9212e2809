/**
 * The special-file attacks (test/helpers/hostile-special-files.ts) through the
 * built CLI: each refused by name with exit 1 (or "no current note"), within
 * the time limit and a small heap, nothing shown from outside, nothing written.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { digestTree } from '../helpers/hostile-corpus.js';
import { buildSpecialWorkspace, SECRET, SPECIAL_FILE_ATTACKS } from '../helpers/hostile-special-files.js';

const HEAP_MB = 128;
const MAX_OUTPUT = 256 * 1024;

describe('special files: templates, conference.md, state and config that lead out, block or never end', () => {
  for (const attack of SPECIAL_FILE_ATTACKS) {
    it(`${attack.name}: exit ${attack.code}, named, never read, nothing written`, () => {
      const { top, root, outside } = buildSpecialWorkspace();
      try {
        attack.setup(root, outside);
        const args = attack.args(root, outside);
        const before = digestTree(top);
        const started = Date.now();
        const result = spawnSync(
          process.execPath,
          [`--max-old-space-size=${HEAP_MB}`, BIN, '--dir', root, ...args],
          {
            cwd: top,
            env: {
              PATH: process.env.PATH,
              HOME: top,
              LANG: 'C.UTF-8',
              TZ: 'UTC',
              NO_COLOR: '1',
              CONFNOTES_NOW: '2013-04-16T18:02:00Z',
            },
            input: '',
            encoding: 'utf8',
            timeout: 20_000,
            maxBuffer: 4 * MAX_OUTPUT,
          },
        );
        const label = attack.name;
        expect(result.error, `${label}: did not finish`).toBeUndefined();
        expect(Date.now() - started, `${label}: took too long`).toBeLessThan(15_000);
        expect(result.stderr, `${label}: stack trace`).not.toMatch(/^\s+at /m);
        expect(result.stderr, `${label}: crash`).not.toMatch(/unexpected error|FATAL ERROR|JavaScript heap/);
        expect(result.stdout + result.stderr, `${label}: raw escape`).not.toContain('\x1b');
        expect(result.status, `${label}\n${result.stderr}`).toBe(attack.code);
        expect(result.stderr.trim().split('\n'), `${label}: one line`).toHaveLength(1);
        expect(result.stderr, label).toMatch(attack.message);
        expect(result.stdout + result.stderr, `${label}: the secret was shown`).not.toContain(SECRET);
        // Not even the state or the cache may change: a refused run writes nothing.
        expect(digestTree(top), `${label}: changed files`).toEqual(before);
      } finally {
        fs.rmSync(top, { recursive: true, force: true });
      }
    });
  }
});
