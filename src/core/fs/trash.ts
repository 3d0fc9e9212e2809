/**
 * The one move of a user's file: a note into the workspace's trash and back.
 * Allowed by test/unit/safe-write-only.test.ts: it never writes content, only
 * renames within the workspace, and never over an existing file.
 */
import fse from 'fs-extra';
import { FileExistsError, withLock } from '../safe-write.js';

/**
 * Moves `from` to `to` (creating `to`'s folder), under `from`'s lock so that a
 * `jot` or `set` in progress finishes first. Throws FileExistsError when `to` exists.
 */
export function moveNoReplace(from: string, to: string): void {
  withLock(from, () => {
    if (fse.existsSync(to)) throw new FileExistsError(to);
    try {
      fse.moveSync(from, to, { overwrite: false });
    } catch (error) {
      if (/already exists/i.test(String((error as Error).message))) throw new FileExistsError(to);
      throw error;
    }
  });
}
