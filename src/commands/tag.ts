import { FrontMatterError } from '../core/front-matter/front-matter.js';
import { rewrite } from '../core/safe-write.js';
import { normaliseTag, whyNotATag } from '../core/slug.js';
import { resolveNote, readNoteText } from '../core/note/store.js';
import { editTags, type TagEdit, type TagEditResult } from '../core/front-matter/tag-edit.js';
import { relativeToWorkspace } from '../core/workspace/workspace.js';
import { NoteFileError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { workspaceOf } from './shared.js';

export function runTag(env: CommandEnv, ref: string, tags: string[]): void {
  change(env, ref, { add: checked(tags) });
}

export function runUntag(env: CommandEnv, ref: string, tags: string[]): void {
  change(env, ref, { remove: checked(tags) });
}

function checked(tags: string[]): string[] {
  const parts = tags.flatMap((tag) => tag.split(','));
  for (const tag of parts) {
    if (!normaliseTag(tag)) throw new UsageError(whyNotATag(tag));
  }
  return parts;
}

function change(env: CommandEnv, ref: string, edit: TagEdit): void {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
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
