/** The current note: the one last created with `new` or chosen with `open`. */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { readState, type Workspace } from '../workspace/workspace.js';

export const NO_CURRENT_NOTE =
  'no current note; start one with: confnotes new "Talk title" (or pick one with: confnotes open <note>)';

/** Absolute path of the current note; throws with a hint when there is none or it is gone. */
export function currentNoteFile(ws: Workspace): string {
  const { note } = readState(ws);
  if (!note) throw new ConfnotesError(NO_CURRENT_NOTE);
  const file = path.resolve(ws.root, note);
  // The state file is ours but could be edited by hand: never follow it out of the workspace.
  if (!file.startsWith(ws.root + path.sep) || !fs.existsSync(file)) {
    throw new ConfnotesError(
      `the current note ${note} is gone; ${NO_CURRENT_NOTE.slice('no current note; '.length)}`,
    );
  }
  return file;
}
