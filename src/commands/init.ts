import path from 'node:path';
import { defaultWorkspaceDir, initWorkspace } from '../core/workspace/workspace.js';
import type { CommandEnv } from '../io.js';

export function run(env: CommandEnv, target: string | undefined): void {
  const dir = target ? path.resolve(env.ctx.cwd, target) : defaultWorkspaceDir(env.ctx);
  const { root, created } = initWorkspace(dir);
  if (created) {
    env.say(`created a confnotes workspace in ${root}`);
    env.say('next: confnotes conf new "Conference name" --start YYYY-MM-DD --end YYYY-MM-DD');
  } else {
    env.say(`${root} is a confnotes workspace already; nothing changed`);
  }
  env.out(root);
}
