/**
 * Which folders of a workspace are conferences: those at its top holding a
 * conference.md, never one reached through a link (named apart, so that it is
 * not skipped without a word).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFERENCE_FILE, RESERVED_FOLDERS } from './layout.js';
import type { Workspace } from './workspace.js';

/** A folder name a conference can have: not hidden, not one of confnotes' own, one path segment. */
export const conferenceName = (name: string): boolean =>
  name !== '' && !name.startsWith('.') && !RESERVED_FOLDERS.has(name) && !/[\\/]/.test(name);

/**
 * True when `slug` is one of conferenceSlugs(ws), found without listing the
 * workspace: a command given its conference checks that folder alone (a
 * lifetime of conferences would cost a stat each).
 */
export function isConference(ws: Workspace, slug: string): boolean {
  if (!conferenceName(slug)) return false;
  try {
    // lstat, as the listing's directory entries are: a link to a folder is not taken for one.
    return (
      fs.lstatSync(path.join(ws.root, slug)).isDirectory() &&
      fs.existsSync(path.join(ws.root, slug, CONFERENCE_FILE))
    );
  } catch {
    return false;
  }
}

/**
 * Names at the top of the workspace that are links to folders: never read as
 * conferences (a link can lead anywhere, and confnotes reads only what is
 * inside the workspace), but named, so that such a folder is not skipped
 * without a word.
 */
export function linkedFolders(ws: Workspace): string[] {
  return topFolders(
    ws,
    (entry) => entry.isSymbolicLink(),
    (full) => fs.statSync(full, { throwIfNoEntry: false })?.isDirectory() === true,
  );
}

/** Why a linked folder is not read as a conference, and what to do: for messages. */
export const LINKED_FOLDER =
  'a link to a folder; confnotes reads no conference through a link (it could lead out of the workspace): move the folder into the workspace instead';

/** Slugs of every folder holding a conference.md, sorted. */
export function conferenceSlugs(ws: Workspace): string[] {
  return topFolders(
    ws,
    (entry) => entry.isDirectory(),
    (full) => fs.existsSync(path.join(full, CONFERENCE_FILE)),
  );
}

/** The sorted names at the top of the workspace that a conference could have, of the kind asked for. */
function topFolders(
  ws: Workspace,
  kind: (entry: fs.Dirent) => boolean,
  holds: (full: string) => boolean,
): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(ws.root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => kind(entry) && conferenceName(entry.name) && holds(path.join(ws.root, entry.name)))
    .map((entry) => entry.name)
    .sort();
}
