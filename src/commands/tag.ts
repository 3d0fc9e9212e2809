import { FrontMatterError } from '../core/front-matter/front-matter.js';
import { rewrite } from '../core/safe-write.js';
import { normaliseTag, whyNotATag } from '../core/slug.js';
import { resolveNote } from '../core/note/note-resolve.js';
import { readNoteText } from '../core/note/store.js';
import { editTags, type TagEdit, type TagEditResult } from '../core/front-matter/tag-edit.js';
import { relativeToWorkspace } from '../core/workspace/workspace.js';
import { NoteFileError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { missingArgument, needsTerminal, noteFile, splitAnswer } from '../ui/note-picker.js';
import { promptsOf } from '../ui/prompts.js';
import { workspaceOf } from './shared.js';

/**
 * `tag <note> <tags...>`. On a terminal either may be left out: with no note,
 * the picker chooses it; with no tags, they are asked for after the note.
 */
export async function runTag(env: CommandEnv, ref: string | undefined, tags: string[]): Promise<void> {
  needsTerminal(env, ref !== undefined, missingArgument('note'));
  needsTerminal(env, tags.length > 0, missingArgument('tags'));
  const given = tags.length > 0 ? checked(tags) : [];
  const ws = workspaceOf(env);
  const file = await noteFile(env, ws, ref);
  change(env, ws, file, { add: given.length > 0 ? given : await askTags(env) });
}

export function runUntag(env: CommandEnv, ref: string, tags: string[]): void {
  const edit = { remove: checked(tags) };
  const ws = workspaceOf(env);
  change(env, ws, resolveNote(ws, ref, env.ctx.cwd), edit);
}

async function askTags(env: CommandEnv): Promise<string[]> {
  const answer = await (await promptsOf(env)).input({
    message: 'Tags to add (comma-separated)',
    required: true,
    validate: (value) => {
      const parts = splitAnswer(value);
      if (parts.length === 0) return 'give at least one tag';
      const bad = parts.find((tag) => !normaliseTag(tag));
      return bad === undefined || whyNotATag(bad);
    },
  });
  return checked(splitAnswer(answer));
}

function checked(tags: string[]): string[] {
  const parts = tags.flatMap((tag) => tag.split(','));
  for (const tag of parts) {
    if (!normaliseTag(tag)) throw new UsageError(whyNotATag(tag));
  }
  return parts;
}

function change(env: CommandEnv, ws: Workspace, file: string, edit: TagEdit): void {
  const shown = relativeToWorkspace(ws, file);
  // Read and check first, so a broken note is reported before any lock is taken.
  readNoteText(file, shown);
  let result: TagEditResult | undefined;
  try {
    rewrite(file, (old) => {
      result = editTags(old, edit);
      return result.text;
    });
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
  const done = result!;
  const changed = [...done.added.map((tag) => `+${tag}`), ...done.removed.map((tag) => `-${tag}`)];
  env.say(changed.length ? `${shown}: ${changed.join(' ')}` : `${shown}: no change`);
  env.out(done.tags.join(' '));
}
