import type { Writable } from 'node:stream';
import { parseWhen, wallTime, type WallTime } from '../core/clock.js';
import { chooseConference, readConference, type Conference } from '../core/workspace/conference.js';
import {
  draftNote,
  noteTemplate,
  renderNote,
  writeNewNote,
  type NewNoteInput,
} from '../core/note/note-new.js';
import { readState, relativeToWorkspace, updateState, type Workspace } from '../core/workspace/workspace.js';
import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { openInEditor } from './editor.js';
import { pathForUser, workspaceOf } from './shared.js';

export interface NewOptions {
  type?: string;
  speaker?: string[];
  tag?: string[];
  at?: string;
  duration?: number;
  track?: string;
  room?: string;
  conf?: string;
  rating?: number;
  favourite?: boolean;
  private?: boolean;
  link?: string[];
  summary?: string;
  template?: string;
  edit?: boolean;
  from?: string;
}

export async function run(env: CommandEnv, titleWords: string[], options: NewOptions): Promise<void> {
  if (options.from !== undefined) {
    // Notes from the imported programme (issue 6) live in their own module.
    const fromProgramme = await import('./new-from.js');
    return fromProgramme.run(env, titleWords, options);
  }
  const ws = workspaceOf(env);
  const conference = readConference(ws, chooseConference(ws, readState(ws), options.conf));
  const now = env.ctx.now();
  let at = options.at === undefined ? undefined : parseAt(options.at, now, conference);
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
    at = answers.at;
    edit = answers.edit;
  }
  const draft = draftNote(input, conference, now);
  if (conference.start && conference.end && (draft.date < conference.start || draft.date > conference.end)) {
    env.warn(`${draft.date} is outside ${conference.name} (${conference.start} to ${conference.end})`);
  }
  const text = renderNote(noteTemplate(ws, draft, env.ctx.cwd, options.template), draft);
  const file = writeNewNote(conference, draft, text);
  updateState(ws, {
    conference: conference.slug,
    note: relativeToWorkspace(ws, file),
    timezone: conference.timezone ?? undefined,
  });
  env.out(pathForUser(env, file));
  if (edit) await openInEditor(env, file);
}

function parseAt(value: string, now: Date, conference: Conference): WallTime {
  const at = parseWhen(value, wallTime(now, conference.timezone).date);
  if (!at) throw new UsageError(`--at "${value}" is not "YYYY-MM-DD HH:MM" or "HH:MM"`);
  return at;
}

async function askOnTerminal(
  env: CommandEnv,
  ws: Workspace,
  input: NewNoteInput,
  options: NewOptions,
  now: Date,
  conference: Conference,
) {
  const [{ askForMissing, terminalPrompts }, { scanNotes }, { countTags }] = await Promise.all([
    import('./new-prompts.js'),
    import('../core/note/store.js'),
    import('../core/note/note-query.js'),
  ]);
  const suggestions = countTags(scanNotes(ws).notes).map(({ tag }) => tag);
  const prompts = env.prompts ?? (await terminalPrompts(env.io.stdin, env.io.stderr as unknown as Writable));
  return askForMissing(
    prompts,
    { type: options.type, speakers: input.speakers, tags: input.tags, at: input.at, edit: options.edit },
    suggestions,
    now,
    conference.timezone,
  );
}
