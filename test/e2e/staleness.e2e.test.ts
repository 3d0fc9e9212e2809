/**
 * The benchmark's staleness test (scripts/bench-staleness.mjs) on the built CLI:
 * after a warm listing, a same-size in-place edit with its mtime put back, a
 * note added and a note deleted must each show in the next list, tags and search.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the cache and the search index never serve a stale note', () => {
  it('shows an in-place edit (same size, mtime put back), a new note and a deleted one', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'bench-staleness.mjs'), '--notes', '120'],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: Record<string, boolean> };
    expect(report.checks).toEqual({
      editedSameSizeSameMtime: true,
      added: true,
      deleted: true,
      count: true,
      tagsSeeAdded: true,
      searchSeesAdded: true,
      searchSeesEdit: true,
    });
    expect(report.ok).toBe(true);
  }, 180_000);
});
