/** The version is written twice: package.json (the launcher prints it) and src/version.ts (commander and the quick lane). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';

describe('the version', () => {
  it('is the same in package.json and src/version.ts', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
