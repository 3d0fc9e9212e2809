/**
 * A workspace set up once per test file and copied for each test. Running the
 * built CLI to `init`, `conf new` and `import` costs a process start each, and
 * most e2e files did it before every test: the copy gives each test the same
 * bytes in a folder of its own, so one test's writes never reach another's.
 */
import fs from 'node:fs';
import { afterAll } from 'vitest';
import { tempDir } from './workspace.js';

/**
 * `make(home)` builds the workspace inside `home` the first time `fresh()` is
 * called; each call of `fresh()` returns a new folder holding a copy of that
 * `home` (file times are those of the copy, as if just made). Call it at the
 * top level of a test file: the template is removed after the file's tests.
 */
export function sharedSetup(make: (home: string) => void, prefix?: string): () => string {
  let template: string | undefined;
  const made: string[] = [];
  afterAll(() => {
    for (const dir of [template, ...made]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (template === undefined) {
      const home = tempDir(prefix);
      try {
        make(home);
      } catch (error) {
        fs.rmSync(home, { recursive: true, force: true });
        throw error;
      }
      template = home;
    }
    const copy = tempDir(prefix);
    made.push(copy);
    // Keep symbolic links as they are: a test's link out of the workspace must stay a link.
    fs.cpSync(template, copy, { recursive: true, verbatimSymlinks: true });
    return copy;
  };
}
