import fs from 'node:fs';
import { conferenceZones, noteInstants } from '../core/note/note-json.js';
import { readNote, resolveNote } from '../core/note/store.js';
import type { CommandEnv } from '../io.js';
import { pathForUser, workspaceOf } from './shared.js';

export function run(env: CommandEnv, ref: string, options: { json?: boolean; path?: boolean }): void {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  // Reading it checks it, so a broken note is an error here, not garbage output.
  const note = readNote(ws, file);
  if (options.path) {
    env.out(pathForUser(env, file));
  } else if (options.json) {
    const { file: _absolute, folder: _folder, ...fields } = note;
    const json = {
      ...fields,
      conference: note.conference ?? note.folder,
      abs_path: note.file,
      ...noteInstants(note, conferenceZones(ws)(note)),
    };
    env.out(JSON.stringify(json, null, 2));
  } else {
    env.io.stdout.write(fs.readFileSync(file, 'utf8'));
  }
}
