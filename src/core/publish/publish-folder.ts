/**
 * Writing a published copy (publish-plan.ts) into its folder, outside the
 * workspace. The copy is built beside the folder and swapped in by two
 * renames, so a site generator watching it sees the old copy or the new one,
 * never half of each. Only a folder confnotes made is ever replaced: it holds
 * MARKER_FILE; anything else (a folder with other files in it, a file, a link)
 * is refused, and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import fse from 'fs-extra';
import { ConfnotesError, fromErrno } from '../../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import type { PublishPlan } from './publish-plan.js';

/** The file that marks a folder as a published copy (site generators skip dot files). */
export const MARKER_FILE = '.confnotes-published';

/** What is at the folder now: nothing, an empty folder, a previous copy, or something it must not replace. */
export function folderState(folder: string): 'none' | 'empty' | 'copy' | 'other' {
  const stats = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!stats) return 'none';
  if (!stats.isDirectory()) return 'other';
  const names = fs.readdirSync(folder);
  if (names.length === 0) return 'empty';
  return fs.lstatSync(path.join(folder, MARKER_FILE), { throwIfNoEntry: false })?.isFile() ? 'copy' : 'other';
}

/**
 * Why `folder` cannot take a copy of `ws`'s notes, or null: inside the
 * workspace it would be read as notes; holding the workspace, replacing it would remove them.
 */
export function folderProblem(ws: Workspace, folder: string, shown: string): string | null {
  const real = (dir: string) => {
    try {
      return fs.realpathSync.native(dir);
    } catch {
      return path.resolve(dir);
    }
  };
  const root = real(ws.root);
  const parent = real(path.dirname(folder));
  const target = path.join(parent, path.basename(folder));
  if (target === root || target.startsWith(root + path.sep))
    return `${shown} is inside the workspace, where it would be read as notes; publish to a folder outside it`;
  if (root.startsWith(target + path.sep))
    return `${shown} holds the workspace; publish to a folder of its own`;
  if (!fs.lstatSync(parent, { throwIfNoEntry: false })?.isDirectory())
    return `the folder ${path.dirname(shown)} does not exist`;
  const state = folderState(folder);
  if (state === 'other')
    return `${shown} exists and is not a copy confnotes published (it has no ${MARKER_FILE}); choose an empty or new folder`;
  return null;
}

/** What a previous copy's marker says: what it was published from, and which files it wrote. */
interface Marker {
  published_by: 'confnotes';
  at: string;
  conferences: string[];
  files: string[];
}

function readMarker(folder: string): Marker | null {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(folder, MARKER_FILE), 'utf8')) as Marker;
    return Array.isArray(marker.files) && Array.isArray(marker.conferences) ? marker : null;
  } catch {
    return null;
  }
}

/** Every file under `dir` (relative, with `/`), following no link. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** What a copy would do to its folder as it is now. */
export interface FolderPlan {
  /** Files of the folder that no publish wrote (your own `_index.md`), carried into the new copy. */
  kept: string[];
  /** Conferences the previous copy held and this one does not. */
  dropped: string[];
  /** A file of yours where a note is to go (the copy stops there), or null. */
  conflict: string | null;
}

/** What publishing `plan` into `folder` would keep, drop or stop at; writes nothing. */
export function inspectFolder(folder: string, plan: PublishPlan): FolderPlan {
  const inspected: FolderPlan = { kept: [], dropped: [], conflict: null };
  if (folderState(folder) !== 'copy') return inspected;
  const previous = readMarker(folder);
  // A marker that does not list its files (damaged): everything in the folder is taken for ours.
  const ours = new Set([MARKER_FILE, ...(previous?.files ?? filesUnder(folder))]);
  const published = new Set(plan.files.map((file) => file.path));
  for (const file of filesUnder(folder)) {
    if (ours.has(file)) continue;
    if (published.has(file)) inspected.conflict ??= file;
    else inspected.kept.push(file);
  }
  inspected.dropped = (previous?.conferences ?? []).filter((slug) => !plan.conferences.includes(slug));
  return inspected;
}

/** The one-line refusal for a file of yours where a note is to go. */
export const conflictMessage = (folder: string, file: string) =>
  `${path.join(folder, file)} is not one confnotes published, and a note would take its place; move it away first`;

/**
 * Writes `plan` as the content of `folder` (see folderProblem first). A
 * previous copy is replaced whole, but for the files it did not write
 * (`_index.md`, say), which are carried over as they are; one that would
 * take a published file's place stops it, and nothing is written.
 */
export function writePublished(folder: string, plan: PublishPlan, now: Date): FolderPlan {
  const parent = path.dirname(folder);
  const name = path.basename(folder);
  removeLeftovers(parent, name);
  const stamp = `${process.pid}-${now.getTime()}`;
  const fresh = path.join(parent, `.${name}.confnotes-new-${stamp}`);
  const old = path.join(parent, `.${name}.confnotes-old-${stamp}`);
  const marker: Marker = {
    published_by: 'confnotes',
    at: now.toISOString(),
    conferences: plan.conferences,
    files: plan.files.map((file) => file.path),
  };
  try {
    const inspected = inspectFolder(folder, plan);
    if (inspected.conflict) throw new ConfnotesError(conflictMessage(folder, inspected.conflict));
    // The marker first: a folder left by a crash is then known for one of ours, and removed next time.
    fse.outputFileSync(path.join(fresh, MARKER_FILE), `${JSON.stringify(marker)}\n`);
    for (const file of plan.files) fse.outputFileSync(path.join(fresh, file.path), file.text);
    for (const file of inspected.kept)
      fse.copySync(path.join(folder, file), path.join(fresh, file), {
        dereference: false,
        errorOnExist: true,
      });
    const state = folderState(folder);
    if (state === 'other')
      throw new ConfnotesError(`${folder} changed while the copy was made; nothing replaced`);
    if (state !== 'none') fs.renameSync(folder, old);
    fs.renameSync(fresh, folder);
    return inspected;
  } catch (error) {
    if (error instanceof ConfnotesError) throw error;
    throw fromErrno(error, folder);
  } finally {
    fse.removeSync(fresh);
    fse.removeSync(old);
  }
}

/**
 * The copies an earlier publish left beside the folder when it was stopped
 * between its steps (each holds the marker): a previous copy taken away and
 * not replaced is put back (it may hold files of yours), the rest removed.
 */
function removeLeftovers(parent: string, name: string): void {
  const ours = new RegExp(
    `^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.confnotes-(new|old)-\\d+-(\\d+)$`,
  );
  const leftovers = fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && ours.test(entry.name))
    .map((entry) => {
      const [, kind, ms] = ours.exec(entry.name)!;
      return { dir: path.join(parent, entry.name), old: kind === 'old', ms: Number(ms) };
    })
    .filter((leftover) => folderState(leftover.dir) === 'copy');
  const folder = path.join(parent, name);
  const previous = leftovers
    .filter((leftover) => leftover.old)
    .sort((a, b) => a.ms - b.ms)
    .at(-1);
  if (previous && folderState(folder) === 'none') fs.renameSync(previous.dir, folder);
  for (const leftover of leftovers) if (fs.existsSync(leftover.dir)) fse.removeSync(leftover.dir);
}
