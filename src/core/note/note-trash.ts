/**
 * `confnotes rm` and `restore`: a note is never deleted, it is moved to
 * `.confnotes/trash/` under a name that says when it went and where it came
 * from (`20261201T213849Z.conf~2013-04-16-1000-talk.md`: the workspace path
 * with `/` as `~`), so `restore` can put it back, and never over another file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { moveNoReplace } from '../fs/trash.js';
import { FileExistsError } from '../safe-write.js';
import { CONFERENCE_FILE } from '../workspace/conference.js';
import {
  MARKER_DIR,
  readState,
  relativeToWorkspace,
  updateState,
  type Workspace,
} from '../workspace/workspace.js';

export const TRASH_DIR = 'trash';

export interface TrashEntry {
  /** The file name in the trash: what `restore` takes. */
  name: string;
  /** Where it goes back to, workspace-relative. */
  path: string;
  /** When it was moved to the trash (ISO, UTC). */
  removedAt: string;
}

const NAME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-\d+)?\.(.+\.md)$/i;

export function trashDir(ws: Workspace): string {
  return path.join(ws.root, MARKER_DIR, TRASH_DIR);
}

/** `conf/a~b.md` → `conf~a%7Eb.md`: reversible, one file name. */
function encodePath(rel: string): string {
  return rel.replace(/%/g, '%25').replace(/~/g, '%7E').split('/').join('~');
}

function decodePath(encoded: string): string {
  return encoded.split('~').join('/').replace(/%7E/gi, '~').replace(/%25/g, '%');
}

/** A trash name read back, or null for a file that is not one of ours. */
export function parseTrashName(name: string): TrashEntry | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, encoded] = match;
  return { name, path: decodePath(encoded!), removedAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z` };
}

/** The workspace-relative path of a note `rm` may move (inside a conference folder, as notes are); refuses anything else. */
function removablePath(ws: Workspace, file: string): string {
  const rel = relativeToWorkspace(ws, file);
  const parts = rel.split('/');
  if (
    rel.startsWith('../') ||
    path.isAbsolute(rel) ||
    parts.length < 2 ||
    parts.some((part) => part.startsWith('.')) ||
    parts[0] === 'templates' ||
    !/\.md$/i.test(rel) ||
    (parts.length === 2 && [CONFERENCE_FILE, 'readme.md'].includes(parts[1]!.toLowerCase()))
  )
    throw new ConfnotesError(`${rel}: not a note of this workspace; rm moves only notes to the trash`);
  return rel;
}

export interface RemoveResult {
  from: string;
  entry: TrashEntry;
  /** It was the current note, which is now none. */
  wasCurrent: boolean;
}

/** Moves a note to the trash; clears the current note when it was that one. */
export function trashNote(ws: Workspace, file: string, now: Date): RemoveResult {
  const rel = removablePath(ws, file);
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  for (let n = 1; n < 1000; n++) {
    const name = `${stamp}${n === 1 ? '' : `-${n}`}.${encodePath(rel)}`;
    try {
      moveNoReplace(file, path.join(trashDir(ws), name));
    } catch (error) {
      if (error instanceof FileExistsError) continue;
      throw error;
    }
    const wasCurrent = readState(ws).note === rel;
    if (wasCurrent) updateState(ws, { note: undefined, timezone: undefined });
    return { from: rel, entry: parseTrashName(name)!, wasCurrent };
  }
  throw new ConfnotesError(`too many notes named ${rel} in the trash at ${stamp}`);
}

/** What the trash holds, most recently removed first. */
export function listTrash(ws: Workspace): TrashEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(trashDir(ws));
  } catch {
    return [];
  }
  return names
    .map(parseTrashName)
    .filter((entry): entry is TrashEntry => entry !== null)
    .sort((a, b) => b.removedAt.localeCompare(a.removedAt) || b.name.localeCompare(a.name));
}

/** The trash entry `name` means: its exact name, else its note's path, or a unique prefix of the name or of its note's id. */
export function findTrashEntry(ws: Workspace, name: string): TrashEntry {
  const entries = listTrash(ws);
  const wanted = name.trim();
  const exact = entries.find((entry) => entry.name === wanted);
  if (exact) return exact;
  const idOf = (entry: TrashEntry) => path.posix.basename(entry.path).replace(/\.md$/i, '');
  // As a note is named: a prefix of its id, or of the title part after `YYYY-MM-DD-HHMM-`.
  // Also the note's own path, as `rm` printed it (`conf/2013-04-16-1000-talk.md`, with or without `.md`).
  const asPath = wanted.replace(/\\/g, '/').replace(/^\.\//, '');
  const found = entries.filter(
    (entry) =>
      entry.path === asPath ||
      entry.path.replace(/\.md$/i, '') === asPath ||
      entry.name.startsWith(wanted) ||
      idOf(entry).startsWith(wanted) ||
      idOf(entry)
        .replace(/^\d{4}-\d{2}-\d{2}-(\d{4}-)?/, '')
        .startsWith(wanted),
  );
  if (found.length === 1) return found[0]!;
  if (found.length === 0)
    throw new ConfnotesError(`nothing named "${wanted}" in the trash; see: confnotes restore`);
  throw new ConfnotesError(
    `"${wanted}" matches ${found.length} notes in the trash: ${found
      .slice(0, 5)
      .map((entry) => entry.name)
      .join(', ')}; give the whole name`,
  );
}

/** Moves a trashed note back where it was; refuses when a file of that name is there again. */
export function restoreNote(ws: Workspace, entry: TrashEntry): string {
  const target = path.resolve(ws.root, entry.path);
  // The trash is a folder anyone can drop a file into: its name must not lead out of the workspace.
  const rel = relativeToWorkspace(ws, target);
  if (rel !== entry.path || rel.split('/').some((part) => part.startsWith('.')))
    throw new ConfnotesError(`${entry.name}: does not name a place inside the workspace; move it by hand`);
  const from = path.join(trashDir(ws), entry.name);
  if (!fs.lstatSync(from).isFile()) throw new ConfnotesError(`${entry.name}: not a file; move it by hand`);
  try {
    moveNoReplace(from, target);
  } catch (error) {
    if (error instanceof FileExistsError)
      throw new ConfnotesError(
        `${rel}: a file of that name is back in place; ${entry.name} stays in the trash`,
      );
    throw error;
  }
  return rel;
}
