/** Small helpers several commands share (quick commands import paths.ts only: this one loads the store). */
export { pathForUser } from './paths.js';
import { chooseConference, conferenceSlugs, isConference } from '../core/workspace/conference.js';
import type { NoteFileError } from '../errors.js';
import { UsageError } from '../errors.js';
import { findWorkspace, readState, type Workspace } from '../core/workspace/workspace.js';
import type { CommandEnv } from '../io.js';

export function workspaceOf(env: CommandEnv): Workspace {
  return findWorkspace(env.ctx, env.dir);
}

/** Conferences a listing covers: --all, --conf, else the current (or only) one, else all. */
export function scopeOf(ws: Workspace, options: { conf?: string; all?: boolean }): string[] {
  if (options.all && options.conf) throw new UsageError('--conf and --all cannot be used together');
  if (options.all) return conferenceSlugs(ws);
  if (options.conf) return [chooseConference(ws, {}, options.conf)];
  const state = readState(ws);
  if (state.conference && isConference(ws, state.conference)) return [state.conference];
  return conferenceSlugs(ws);
}

export function printProblems(env: CommandEnv, problems: NoteFileError[]): void {
  for (const problem of problems) env.warn(problem.message);
}
