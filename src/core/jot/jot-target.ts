/**
 * What `jot` checks before adding to a file, without loading the store (jot
 * is a quick command): the same refusals list and show make, so a jot never
 * lands in a file that is not a note.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { FrontMatterError } from '../front-matter/front-matter-bounds.js';
import { MAX_NOTE_BYTES, tooLargeForNote } from '../note/note-size.js';
import type { Extension } from '../safe-write.js';
import { realRoot } from '../workspace/read-inside.js';

/** Before the lock: no link out of the workspace, nothing larger than a note can be. */
export function checkJotTarget(root: string, file: string): void {
  if (fs.lstatSync(file).isSymbolicLink()) {
    const target = fs.realpathSync.native(file);
    if (!target.startsWith(realRoot(root) + path.sep))
      throw new FrontMatterError(`symbolic link to ${target}, outside the workspace`);
  }
  const tooLarge = tooLargeForNote(fs.statSync(file).size);
  if (tooLarge) throw new FrontMatterError(tooLarge);
}

/** Under the lock, on the text read: not binary, and UTF-8 (U+FFFD may stand for bytes that are not). */
export function checkJotText(file: string, old: string): void {
  if (old.includes('\0'))
    throw new FrontMatterError('binary file (it holds NUL bytes), not a Markdown note', 1);
  if (old.includes('\uFFFD') && !isUtf8(fs.readFileSync(file)))
    throw new FrontMatterError('not UTF-8 text (save it as UTF-8)', 1);
}

/**
 * Under the lock, on what jot decided: a jot never takes a note over the size
 * limit (the note would then drop out of list and report). Returns the plan.
 */
export function checkJotSize(old: string, plan: Extension): Extension {
  if (!plan) return plan;
  const size =
    'append' in plan
      ? Buffer.byteLength(old) + Buffer.byteLength(plan.append)
      : Buffer.byteLength(plan.replace);
  if (size > MAX_NOTE_BYTES)
    throw new FrontMatterError(
      `this jot would make the note ${(size / 1048576).toFixed(1)} MB, over the limit for a note (${MAX_NOTE_BYTES / 1048576} MB)`,
    );
  return plan;
}
