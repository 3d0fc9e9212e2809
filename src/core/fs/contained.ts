/**
 * Where a note may be written, decided at write time (not when the command
 * resolved the name, since a folder or the note can be swapped for a link in
 * between): inside its workspace, through no symbolic link below the
 * workspace's root. The file itself is then opened with O_NOFOLLOW.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';

/** The marker of a workspace (as workspace.ts's isWorkspace; not imported, since it imports safe-write). */
const MARKER = path.join('.confnotes', 'config.yml');

function isWorkspaceRoot(dir: string): boolean {
  return fs.existsSync(path.join(dir, MARKER));
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The path to write for `file`: the file itself, or, when it is a link to a
 * file inside the same workspace, the link's target. Refuses a folder on the
 * way that is a link (it may lead anywhere), and a link out of the workspace.
 * A file in no workspace (a test's folder) is only held to O_NOFOLLOW.
 */
export function writablePath(file: string): string {
  const abs = path.resolve(file);
  const root = workspaceAbove(abs);
  if (!isLink(abs)) return abs;
  const target = fs.realpathSync.native(abs);
  if (root && !target.startsWith(fs.realpathSync.native(root) + path.sep))
    throw new ConfnotesError(
      `${file}: symbolic link to ${target}, outside the workspace; confnotes writes only inside it`,
    );
  return target;
}

/** The nearest workspace root above `file`, checking that no folder below it is a link. */
function workspaceAbove(file: string): string | null {
  const links: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (isWorkspaceRoot(dir)) {
      // The root may be a link (a workspace kept in a synced folder), unless it is one planted in another workspace.
      if (links.length === 0 && isLink(dir) && hasWorkspaceAbove(dir)) links.push(dir);
      if (links.length > 0)
        throw new ConfnotesError(
          `${file}: the folder ${links[links.length - 1]} is a symbolic link; confnotes writes only inside the workspace, through no link`,
        );
      return dir;
    }
    if (isLink(dir)) links.push(dir);
    if (path.dirname(dir) === dir) return null;
  }
}

function hasWorkspaceAbove(dir: string): boolean {
  for (let up = path.dirname(dir); ; up = path.dirname(up)) {
    if (isWorkspaceRoot(up)) return true;
    if (path.dirname(up) === up) return false;
  }
}
