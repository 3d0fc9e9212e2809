import path from 'node:path';
import type { CommandEnv } from '../io.js';

/** A path the user can paste from where they stand. */
export function pathForUser(env: CommandEnv, file: string): string {
  const rel = path.relative(env.ctx.cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
