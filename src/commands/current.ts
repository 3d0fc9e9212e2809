import { currentNoteFile } from '../core/jot/current-note.js';
import { findWorkspace } from '../core/workspace/workspace.js';
import type { CommandEnv } from '../io.js';
import { pathForUser } from './paths.js';

export function run(env: CommandEnv, options: { absolute?: boolean }): void {
  const file = currentNoteFile(findWorkspace(env.ctx, env.dir));
  env.out(options.absolute ? file : pathForUser(env, file));
}
