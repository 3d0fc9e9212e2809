/** The current note: the one last created with `new` or chosen with `open`. */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { CONFERENCE_FILE, NOT_NOTES, RESERVED_FOLDERS } from '../workspace/layout.js';
import { readState, type Workspace, type WorkspaceState } from '../workspace/workspace.js';

export const NO_CURRENT_NOTE =
  'no current note; start one with: confnotes new "Talk title" (or pick one with: confnotes open <note>)';

/**
 * Absolute path of the current note; throws with a hint when there is none or
 * it is gone. `state` is the workspace state when the caller has just read it.
 */
export function currentNoteFile(ws: Workspace, state: WorkspaceState = readState(ws)): string {
  const { note } = state;
  // The state file is ours but could be edited by hand or damaged: anything
  // that is not a note's path means "nothing is current", never a jot elsewhere.
  if (!note || !looksLikeNotePath(note)) throw new ConfnotesError(NO_CURRENT_NOTE);
  const file = path.resolve(ws.root, note);
  if (!file.startsWith(ws.root + path.sep)) throw new ConfnotesError(NO_CURRENT_NOTE);
  const [slug] = path.relative(ws.root, file).split(path.sep);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (!stat) {
    throw new ConfnotesError(
      `no current note: ${note} is gone; ${NO_CURRENT_NOTE.slice('no current note; '.length)}`,
    );
  }
  // A note lives in a conference folder and is a regular file (a FIFO would hang the jot).
  if (!stat.isFile() || !fs.existsSync(path.join(ws.root, slug!, CONFERENCE_FILE)))
    throw new ConfnotesError(NO_CURRENT_NOTE);
  return file;
}

/** `<conference>/<…>/<name>.md`, as the store finds notes: no hidden part, not conference.md or README.md. */
function looksLikeNotePath(note: string): boolean {
  if (path.isAbsolute(note) || note.includes('\\') || note.includes('\0')) return false;
  const parts = note.split('/');
  if (parts.length < 2 || parts.length > 10) return false;
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.')))
    return false;
  if (RESERVED_FOLDERS.has(parts[0]!)) return false;
  const name = parts[parts.length - 1]!.toLowerCase();
  if (!name.endsWith('.md')) return false;
  return !(parts.length === 2 && NOT_NOTES.has(name));
}
