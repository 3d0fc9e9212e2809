import fs from 'node:fs';
import { conferenceZones, noteInstants } from '../core/note/note-json.js';
import { readNote } from '../core/note/store.js';
import type { CommandEnv } from '../io.js';
import { missingArgument, needsTerminal, noteFile } from '../ui/note-picker.js';
import { pathForUser, workspaceOf } from './shared.js';

/** Prints a note; with none named, on a terminal, the one picked. */
export async function run(
  env: CommandEnv,
  ref: string | undefined,
  options: { json?: boolean; path?: boolean },
): Promise<void> {
  needsTerminal(env, ref !== undefined, missingArgument('note'));
  const ws = workspaceOf(env);
  const file = await noteFile(env, ws, ref);
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
