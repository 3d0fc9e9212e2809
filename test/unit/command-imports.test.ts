/**
 * Command modules do not import each other: what two commands share lives in a
 * named shared module (below) or in the core, so each command stays a thin,
 * separately loaded handler and no import cycle can form between them.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const COMMANDS = new URL('../../src/commands/', import.meta.url);

/** Modules in src/commands/ that are not commands, and why several commands may import them. */
const SHARED = new Map([
  ['shared.ts', 'the workspace, scope and problem helpers'],
  ['paths.ts', 'the path a user can paste (light enough for the quick lane)'],
  ['editor.ts', 'opening $VISUAL/$EDITOR'],
  ['jot-lines.ts', 'the jot both lanes run'],
  ['new-input.ts', 'the options of `new` and `new --from`'],
  ['new-prompts.ts', 'the guided questions of `new`'],
]);

/** A command split into a folder of its own (completion/) imports its own parts. */
const ownParts = (file: string, imported: string) => imported.startsWith(`${file.replace(/\.ts$/, '')}/`);

function localImports(file: string): string[] {
  const text = fs.readFileSync(new URL(file, COMMANDS), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*)'\.\/([^']+)\.js'/g)].map((match) => `${match[1]}.ts`);
}

describe('src/commands', () => {
  const files = fs.readdirSync(COMMANDS).filter((name) => name.endsWith('.ts'));

  it('imports no sibling command, only the named shared modules', () => {
    for (const file of files) {
      for (const imported of localImports(file)) {
        expect(SHARED.has(imported) || ownParts(file, imported), `${file} imports ./${imported}`).toBe(true);
      }
    }
  });

  it('names only shared modules that exist', () => {
    for (const name of SHARED.keys()) expect(files, name).toContain(name);
  });

  it('sees the imports it is looking for', () => {
    // Guard against a pattern that matches nothing: edit.ts opens the editor.
    expect(localImports('edit.ts')).toContain('editor.ts');
  });
});
