/**
 * A fingerprint of code and settings, for the caches' format strings: a
 * cache written by another build's readers must not be taken for this one's.
 * Not a secret and not an attacker's input, so no cryptographic hash:
 * loading node:crypto costs 3-4 ms, a tenth of a room command's budget, on
 * every start. Two xxHash32 runs with different seeds give 64 bits.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { xxHash32 } from 'js-xxhash';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** 16 hex digits that change whenever any of the texts does. */
export function fingerprint(...texts: string[]): string {
  // Each text with its length, so that ["ab", "c"] and ["a", "bc"] differ.
  const joined = texts.map((text) => `${text.length}:${text}`).join('\n');
  return hex8(xxHash32(joined, 0)) + hex8(xxHash32(joined, 0x9e3779b9));
}

/**
 * This build's own stamp (the size and mtime of the file this code is in,
 * which every build writes anew), for caches whose entries another build
 * might read differently; 'unknown' when there is no file to stamp.
 */
export function buildStamp(): string {
  try {
    const stats = fs.statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
