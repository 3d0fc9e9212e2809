/**
 * What the quick lane (`jot`, `current`, `--version`) bundles, read from
 * esbuild's own account of a build of src/quick.ts made here in memory, with
 * the options scripts/build.mjs gives it that decide what is bundled (CommonJS,
 * import() bundled in): no YAML parser, no front-matter reader, no commander
 * or chalk, no string-width, no store, no renderer, no prompts. Adding one of
 * them to a quick command's imports fails here, before any build.
 */
import fs from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { QUICK_LANE_MODULES } from '../../src/quick-lane-modules.js';

async function quickInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: ['src/quick.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    // What scripts/build.mjs leaves out of the lane, from the same file.
    external: (
      JSON.parse(fs.readFileSync('scripts/quick-lane-external.json', 'utf8')) as { external: string[] }
    ).external,
    define: { 'import.meta.url': '__cnMeta.url' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the quick lane bundle', () => {
  it('holds none of the heavy modules, only those src/quick-lane-modules.ts allows', async () => {
    const inputs = await quickInputs();
    expect(inputs).toContain('src/commands/jot-lines.ts');
    for (const heavy of [
      'node_modules/yaml/',
      'node_modules/gray-matter/',
      'node_modules/js-yaml/',
      'node_modules/commander/',
      'node_modules/chalk/',
      'node_modules/string-width/',
      'node_modules/markdown-it/',
      'node_modules/mustache/',
      'node_modules/@inquirer/',
      'src/core/front-matter/front-matter.ts',
      'src/core/note/store.ts',
      'src/core/note/note.ts',
      'src/core/report/',
      'src/core/markdown/blocks.ts',
      'src/core/templates.ts',
      'src/ui/table.ts',
      'src/ui/prompts.ts',
      'src/cli.ts',
    ])
      expect(
        inputs.filter((name) => name.includes(heavy)),
        heavy,
      ).toEqual([]);
    expect(inputs.filter((name) => !QUICK_LANE_MODULES.includes(name))).toEqual([]);
  }, 60_000);
});
