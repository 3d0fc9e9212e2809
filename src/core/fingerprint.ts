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

/** Written by scripts/build.mjs: a hash of the sources and the locked dependencies. */
declare const __CONFNOTES_BUILD__: string | undefined;

/**
 * This build's id, for caches whose entries another build might read
 * differently: the build's hash of its sources; run from the sources (the
 * tests), the size and mtime of this file.
 */
export function buildStamp(): string {
  if (typeof __CONFNOTES_BUILD__ === 'string') return `build ${__CONFNOTES_BUILD__}`;
  try {
    const stats = fs.statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

/**
 * The fingerprint of code, for a cache's format: in a build, the build's own
 * id, a hash of every source file and the lockfile made by scripts/build.mjs,
 * which changes whenever any of that code can; so the functions' text is not
 * hashed on every start (about a millisecond of every room command and
 * listing). Run from the sources (the tests), the fingerprint of `texts()`.
 */
export function codeFingerprint(texts: () => string[]): string {
  if (typeof __CONFNOTES_BUILD__ === 'string') return `build ${__CONFNOTES_BUILD__}`;
  return fingerprint(...texts());
}
