/**
 * Where `agenda -o` writes the plan, and whether a file there may be replaced:
 * only an earlier plan export (recognised by its PRODID) is, without --force.
 */
import fs from 'node:fs';
import { createExclusive, FileExistsError, replaceOwnFile } from '../safe-write.js';
import { PLAN_PRODID } from './plan-ics.js';

/** Larger than any plan; a bigger file is never taken for one. */
const MAX_PLAN_BYTES = 16 * 1024 * 1024;

export type PlanTarget = 'none' | 'plan' | 'other' | 'folder';

/** What is at `file` now: nothing, an earlier plan export, something else, or a folder. */
export function existingPlanTarget(file: string): PlanTarget {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'other';
  }
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile() || stat.size > MAX_PLAN_BYTES) return 'other';
  try {
    return isPlanExport(fs.readFileSync(file, 'utf8')) ? 'plan' : 'other';
  } catch {
    return 'other';
  }
}

/** A calendar whose PRODID is the plan's, as its own line near the top (a note quoting it is not one). */
export function isPlanExport(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n/, 8);
  return head[0] === 'BEGIN:VCALENDAR' && head.includes(`PRODID:${PLAN_PRODID}`);
}

/**
 * Writes the plan: a new file exclusively; over an earlier plan (or, with
 * --force, anything but a folder) atomically, so a reader sees one or the other.
 * Returns whether a file was replaced.
 */
export function writePlan(file: string, text: string, target: PlanTarget): boolean {
  if (target === 'none') {
    try {
      createExclusive(file, text);
      return false;
    } catch (error) {
      // Someone wrote that name meanwhile: only an earlier plan is replaced.
      if (!(error instanceof FileExistsError) || existingPlanTarget(file) !== 'plan') throw error;
    }
  }
  replaceOwnFile(file, text);
  return true;
}
