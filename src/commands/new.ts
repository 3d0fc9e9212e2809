/** `confnotes new`: a note from the command line, or, on a terminal with no title, from questions. */
import type { Conference } from '../core/workspace/conference.js';
import { chosenConference } from '../core/workspace/conference.js';
import type { NewNoteInput } from '../core/note/note-new.js';
import { createNote, outsideConference } from '../core/note/note-create.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { promptsOf } from '../ui/prompts.js';
import { openInEditor } from './editor.js';
import { parseAt, type NewOptions } from './new-input.js';
import { pathForUser, workspaceOf } from './shared.js';

export async function run(env: CommandEnv, titleWords: string[], options: NewOptions): Promise<void> {
  const ws = workspaceOf(env);
  const conference = chosenConference(ws, options.conf);
  const now = env.ctx.now(conference.timezone);
  const at = options.at === undefined ? undefined : parseAt(options.at, now, conference.timezone);
  let input: NewNoteInput = {
    title: titleWords.join(' '),
    type: options.type,
    speakers: options.speaker,
    tags: options.tag,
    at,
    duration: options.duration,
    track: options.track,
    room: options.room,
    rating: options.rating,
    favourite: options.favourite,
    private: options.private,
    links: options.link,
    summary: options.summary,
  };
  let edit = options.edit ?? false;
  if (!input.title.trim()) {
    if (!env.interactive)
      throw new UsageError(
        'missing the title: confnotes new "Talk title" [options] (prompts need a terminal)',
      );
    // Only a bare `confnotes new` on a terminal asks questions; with a title it stays instant.
    const answers = await askOnTerminal(env, ws, input, options, now, conference);
    input = { ...input, ...answers };
    edit = answers.edit;
  }
  const { file, draft } = createNote(ws, conference, input, {
    now,
    cwd: env.ctx.cwd,
    template: options.template,
  });
  if (outsideConference(draft, conference))
    env.warn(`${draft.date} is outside ${conference.name} (${conference.start} to ${conference.end})`);
  env.out(pathForUser(env, file));
  if (edit) await openInEditor(env, file);
}

async function askOnTerminal(
  env: CommandEnv,
  ws: Workspace,
  input: NewNoteInput,
  options: NewOptions,
  now: Date,
  conference: Conference,
) {
  const [{ askForMissing }, { scanNotes }, { countTags }] = await Promise.all([
    import('./new-prompts.js'),
    import('../core/note/store.js'),
    import('../core/note/note-query.js'),
  ]);
  const suggestions = countTags(scanNotes(ws).notes).map(({ tag }) => tag);
  return askForMissing(
    await promptsOf(env),
    { type: options.type, speakers: input.speakers, tags: input.tags, at: input.at, edit: options.edit },
    suggestions,
    now,
    conference.timezone,
  );
}
