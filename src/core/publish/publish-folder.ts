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

/** Writes `plan` as the whole content of `folder` (see folderProblem first), replacing a previous copy. */
export function writePublished(folder: string, plan: PublishPlan, now: Date): void {
  const parent = path.dirname(folder);
  const stamp = `${process.pid}-${now.getTime()}`;
  const fresh = path.join(parent, `.${path.basename(folder)}.confnotes-new-${stamp}`);
  const old = path.join(parent, `.${path.basename(folder)}.confnotes-old-${stamp}`);
  try {
    fse.ensureDirSync(fresh);
    for (const file of plan.files) fse.outputFileSync(path.join(fresh, file.path), file.text);
    const marker = { published_by: 'confnotes', at: now.toISOString(), conferences: plan.conferences };
    fs.writeFileSync(path.join(fresh, MARKER_FILE), `${JSON.stringify(marker)}\n`);
    const state = folderState(folder);
    if (state === 'other')
      throw new ConfnotesError(`${folder} changed while the copy was made; nothing replaced`);
    if (state !== 'none') fs.renameSync(folder, old);
    fs.renameSync(fresh, folder);
  } catch (error) {
    if (error instanceof ConfnotesError) throw error;
    throw fromErrno(error, folder);
  } finally {
    fse.removeSync(fresh);
    fse.removeSync(old);
  }
}
