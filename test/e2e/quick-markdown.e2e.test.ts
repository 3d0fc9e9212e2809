/** The quick lane carries the Markdown reader's lean path, never markdown-it (run `npm run build` first). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the quick lane build', () => {
  it('places jots with core/markdown/headings.ts and carries neither markdown-it nor blocks.ts', () => {
    const bundle = fs.readFileSync(new URL('../../dist/quick.cjs', import.meta.url), 'utf8');
    const modules = [...bundle.matchAll(/^\/\/ (\S+)$/gm)].map((match) => match[1]!);
    expect(modules).toContain('src/core/markdown/headings.ts');
    expect(
      modules.filter((name) => /markdown-it|markdown\/blocks|linkify|mdurl|entities/.test(name)),
    ).toEqual([]);
  });
});
