import { trashNote } from '../core/note/note-trash.js';
import { resolveNote } from '../core/note/note-resolve.js';
import type { CommandEnv } from '../io.js';
import { zoneOfNoteFile } from '../core/workspace/conference.js';
import { workspaceOf } from './shared.js';

export function run(env: CommandEnv, ref: string, options: { json?: boolean }): void {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  // A CONFNOTES_NOW without an offset is a wall time in the note's conference, as everywhere.
  const done = trashNote(ws, file, env.ctx.now(zoneOfNoteFile(ws, file)));
  env.say(
    `moved ${done.from} to the trash as ${done.entry.name}${done.wasCurrent ? '; there is no current note now' : ''}`,
  );
  env.say(`bring it back with: confnotes restore ${done.entry.name}`);
  if (options.json)
    env.out(
      JSON.stringify({ path: done.from, trash: done.entry.name, was_current: done.wasCurrent }, null, 2),
    );
}
