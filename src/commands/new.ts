import { parseWhen, wallTime } from '../core/clock.js';
import { chooseConference, readConference } from '../core/conference.js';
import { draftNote, noteTemplate, renderNote, writeNewNote } from '../core/note-new.js';
import { readState, relativeToWorkspace, updateState } from '../core/workspace.js';
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
}

export async function run(env: CommandEnv, titleWords: string[], options: NewOptions): Promise<void> {
  const ws = workspaceOf(env);
  const conference = readConference(ws, chooseConference(ws, readState(ws), options.conf));
  const title = titleWords.join(' ');
  if (!title.trim()) throw new UsageError('missing the title: confnotes new "Talk title" [options]');
  const now = env.ctx.now();
  let at;
  if (options.at !== undefined) {
    at = parseWhen(options.at, wallTime(now, conference.timezone).date);
    if (!at) throw new UsageError(`--at "${options.at}" is not "YYYY-MM-DD HH:MM" or "HH:MM"`);
  }
  const draft = draftNote(
    {
      title,
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
    },
    conference,
    now,
  );
  if (conference.start && conference.end && (draft.date < conference.start || draft.date > conference.end)) {
    env.warn(`${draft.date} is outside ${conference.name} (${conference.start} to ${conference.end})`);
  }
  const text = renderNote(noteTemplate(ws, draft, env.ctx.cwd, options.template), draft);
  const file = writeNewNote(conference, draft, text);
  updateState(ws, { conference: conference.slug, note: relativeToWorkspace(ws, file) });
  env.out(pathForUser(env, file));
  if (options.edit) await openInEditor(env, file);
}
