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

/** What a name at the top of the workspace is, for a conference. */
export type FolderKind = 'conference' | 'linked conference' | 'none';

/**
 * What `slug` is: one of conferenceSlugs(ws), a link to a folder holding a
 * conference.md (never read: see linkedFolders), or neither. A command given
 * its conference looks at that name alone, not at every folder (a lifetime of
 * conferences would cost a stat each); the name must be in the workspace's
 * listing as it is spelled, so a case-insensitive file system takes `X` for
 * no folder `x`.
 */
export function folderKind(ws: Workspace, slug: string): FolderKind {
  if (!conferenceName(slug)) return 'none';
  let entry: fs.Dirent | undefined;
  try {
    entry = fs.readdirSync(ws.root, { withFileTypes: true }).find((found) => found.name === slug);
  } catch {
    return 'none';
  }
  if (!entry || !holdsConference(path.join(ws.root, slug))) return 'none';
  if (entry.isDirectory()) return 'conference';
  return entry.isSymbolicLink() ? 'linked conference' : 'none';
}

/** True when `slug` is one of conferenceSlugs(ws): see folderKind. */
export const isConference = (ws: Workspace, slug: string): boolean => folderKind(ws, slug) === 'conference';

/**
 * Names at the top of the workspace that are links to a conference's folder:
 * never read as conferences (a link can lead anywhere, and confnotes reads
 * only what is inside the workspace), but named, so that such a folder is not
 * skipped without a word. A link to any other folder is the writer's own.
 */
export function linkedFolders(ws: Workspace): string[] {
  return topFolders(ws, (entry) => entry.isSymbolicLink());
}

/** Why a linked folder is not read as a conference, and what to do: for messages. */
export const LINKED_FOLDER =
  'a link to a folder; confnotes reads no conference through a link (it could lead out of the workspace): move the folder into the workspace instead';

/** Slugs of every folder holding a conference.md, sorted. */
export function conferenceSlugs(ws: Workspace): string[] {
  return topFolders(ws, (entry) => entry.isDirectory());
}

/** Whether a folder holds a conference.md (through a link only to say that it is not read). */
const holdsConference = (dir: string): boolean => fs.existsSync(path.join(dir, CONFERENCE_FILE));

/** The sorted names at the top of the workspace of the kind asked for that hold a conference.md. */
function topFolders(ws: Workspace, kind: (entry: fs.Dirent) => boolean): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(ws.root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter(
      (entry) => kind(entry) && conferenceName(entry.name) && holdsConference(path.join(ws.root, entry.name)),
    )
    .map((entry) => entry.name)
    .sort();
}
