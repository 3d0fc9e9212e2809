/**
 * The build's lane packs (scripts/lane-packs.mjs): a warm-up for every pack a
 * room word names, and twin workspaces left to settle long enough that the
 * warm-ups take a warm workspace's path (notes older than RECENT_MS are read
 * from the caches, not parsed, so no YAML reader lands in a pack).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECENT_MS } from '../../src/core/note/note-cache-format.js';
// @ts-expect-error: a build script in plain JavaScript, without types
import { SETTLE_MS, WARM_UPS } from '../../scripts/lane-packs.mjs';

const WORDS = JSON.parse(fs.readFileSync(new URL('../../bin/quick-words.json', import.meta.url), 'utf8')) as {
  room: string[];
  packs: Record<string, string>;
};

describe('the lane packs the build makes', () => {
  it('wait past RECENT_MS before the warm-ups', () => {
    expect(SETTLE_MS).toBeGreaterThan(RECENT_MS);
  });

  it('have a warm-up for every pack a room word names, each running a command of that pack', () => {
    expect(Object.keys(WORDS.packs).sort()).toEqual([...WORDS.room].sort());
    const warmUps = WARM_UPS as Record<string, string[][]>;
    for (const [word, pack] of Object.entries(WORDS.packs)) {
      expect(warmUps[pack], word).toBeDefined();
      for (const argv of warmUps[pack]!) expect(WORDS.packs[argv[0]!], argv.join(' ')).toBe(pack);
    }
  });
});
