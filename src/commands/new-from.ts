import path from 'node:path';
import { wallTime } from '../core/clock.js';
import { chosenConference, type Conference } from '../core/workspace/conference.js';
import type { NewNoteInput } from '../core/note/note-new.js';
import { createNote } from '../core/note/note-create.js';
import { parseNote } from '../core/note/note.js';
import {
  displayZone,
  findEntry,
  nextAfter,
  readProgramme,
  runningAt,
  starredFirst,
  type ProgrammeEntry,
} from '../core/programme/programme.js';
import {
  addProgrammeFields,
  entityDecoderFor,
  noteInputOf,
  notesByEntry,
  type LinkedNote,
} from '../core/programme/programme-notes.js';
import { setCurrentNote } from '../core/workspace/current.js';
import { ConfnotesError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { fitToTerminal, promptsOf } from '../ui/prompts.js';
import { visible } from '../visible.js';
import { openInEditor } from './editor.js';
import { parseAt, type NewOptions } from './new-input.js';
import { pathForUser, workspaceOf } from './shared.js';

/** The options given that only shape a new note (`--tag`, `--rating`…), as typed: an existing note keeps its own. */
function optionsForANewNote(options: NewOptions): string[] {
  const shaping: (keyof NewOptions)[] = [
    'type',
    'speaker',
    'tag',
    'at',
    'duration',
    'track',
    'room',
    'rating',
    'favourite',
    'private',
    'link',
    'summary',
    'template',
  ];
  return shaping
    .filter((key) => {
      const value = options[key];
      return value !== undefined && !(Array.isArray(value) && value.length === 0);
    })
    .map((key) => `--${key}`);
}

/**
 * `new --from <ref|uid|now|next>`: the note for a programme entry, filled in from
 * it, created exclusively and made current, exactly as `new` would. Options
 * given with it override (or, for tags and links, add to) the programme's.
 */
export async function run(env: CommandEnv, titleWords: string[], options: NewOptions): Promise<void> {
  if (titleWords.length > 0) throw new UsageError('give either a title or --from, not both');
  const ref = (options.from ?? '').trim();
  if (!ref)
    throw new UsageError('--from needs a programme entry ref (see: confnotes agenda), uid, now or next');
  const ws = workspaceOf(env);
  const conference = chosenConference(ws, options.conf);
  const programme = readProgramme(ws, conference);
  if (!programme || programme.entries.length === 0) {
    throw new ConfnotesError(
      `${conference.name} has no programme yet; import one with: confnotes import <schedule.ics | schedule.json>`,
    );
  }
  const zone = displayZone(conference, programme);
  const now = env.ctx.now(zone);
  const notes = notesByEntry(ws, conference.slug);
  const entry = await chooseEntry(env, programme.entries, ref, now, zone, conference, notes);

  const existing = notes.get(entry.uid);
  if (existing) {
    // One note per talk: a second `new --from` takes you back to the first instead of starting a duplicate.
    const file = path.join(ws.root, existing.path);
    setCurrentNote(ws, file, conference);
    env.say(`"${entry.title}" already has a note, ${existing.id}; it is the current note again`);
    const unused = optionsForANewNote(options);
    if (unused.length > 0)
      env.warn(
        `${unused.join(', ')} not applied: the note exists; change it with: confnotes set ${existing.id} field=value (tags: confnotes tag ${existing.id} <tag>)`,
      );
    env.out(pathForUser(env, file));
    if (options.edit) await openInEditor(env, file);
    return;
  }
  if (entry.status !== 'confirmed') env.warn(`"${entry.title}" is ${entry.status} in the programme`);
  if (entry.all_day)
    throw new ConfnotesError(
      `${entry.uid} ("${entry.title}") is an all-day entry, not a talk; start its note with: confnotes new "${entry.title}" --at HH:MM`,
    );

  const fromProgramme = noteInputOf(entry, zone);
  const input: NewNoteInput = {
    ...fromProgramme,
    type: options.type ?? fromProgramme.type,
    speakers: options.speaker ?? fromProgramme.speakers,
    tags: [...(fromProgramme.tags ?? []), ...(options.tag ?? [])],
    at: options.at === undefined ? fromProgramme.at : parseAt(options.at, now, zone),
    duration: options.duration ?? fromProgramme.duration,
    track: options.track ?? fromProgramme.track,
    room: options.room ?? fromProgramme.room,
    rating: options.rating,
    favourite: options.favourite,
    private: options.private,
    links: [...(fromProgramme.links ?? []), ...(options.link ?? [])],
    summary: options.summary,
  };
  const decode = await entityDecoderFor(entry);
  const { file, draft } = createNote(ws, conference, input, {
    now,
    cwd: env.ctx.cwd,
    template: options.template,
    finish: (text) => {
      const filled = addProgrammeFields(text, entry, decode);
      if (parseNote(filled).meta.programme !== entry.uid)
        throw new ConfnotesError('the note template left no room for the programme field');
      return filled;
    },
  });
  env.say(`${entry.title} (${draft.date} ${draft.start}–${draft.end}${draft.room ? `, ${draft.room}` : ''})`);
  env.out(pathForUser(env, file));
  if (options.edit) await openInEditor(env, file);
}

async function chooseEntry(
  env: CommandEnv,
  entries: ProgrammeEntry[],
  ref: string,
  now: Date,
  zone: string | null,
  conference: Conference,
  notes: Map<string, LinkedNote>,
): Promise<ProgrammeEntry> {
  const at = (entry: ProgrammeEntry) => {
    const wall = wallTime(new Date(entry.start), zone);
    return `${wall.date} ${wall.time}`;
  };
  const nowText = `${wallTime(now, zone).date} ${wallTime(now, zone).time}`;
  if (ref === 'now' || ref === 'next') {
    const candidates = ref === 'now' ? runningAt(entries, now) : nextAfter(entries, now);
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length === 0) {
      if (ref === 'next')
        throw new ConfnotesError(
          `nothing in the programme starts after ${nowText} (${zone ?? 'machine time'})`,
        );
      const next = nextAfter(entries, now)[0];
      throw new ConfnotesError(
        `no talk is on at ${nowText} (${zone ?? 'machine time'})${next ? `; next: ${next.uid} "${next.title}" at ${at(next)} (confnotes new --from next)` : ''}`,
      );
    }
    if (env.interactive)
      return pick(
        env,
        candidates,
        notes,
        ref === 'now'
          ? `${candidates.length} talks are on now; which one are you in?`
          : `${candidates.length} talks start at ${at(candidates[0]!)}; which one?`,
      );
    const listed = candidates
      .map((entry) => `${entry.ref} "${entry.title}"${entry.room ? ` (${entry.room})` : ''} [${entry.uid}]`)
      .join(', ');
    throw new UsageError(
      `${candidates.length} talks are ${ref === 'now' ? 'on now' : 'next'}, choose one with --from <ref>: ${listed}`,
    );
  }
  const found = findEntry(entries, ref);
  if (found === null)
    throw new ConfnotesError(
      `no entry "${ref}" in the programme of ${conference.name}; see: confnotes agenda`,
    );
  return found;
}

/** "Which talk are you in?": starred talks first, each marked ★ when starred and ✎ when it has a note. */
async function pick(
  env: CommandEnv,
  candidates: ProgrammeEntry[],
  notes: Map<string, LinkedNote>,
  message: string,
): Promise<ProgrammeEntry> {
  const prompts = await promptsOf(env);
  const fitLine = await fitToTerminal(env);
  return prompts.select({
    message,
    choices: starredFirst(candidates).map((entry) => ({
      // programme.yml is text anyone could have edited: shown, never obeyed by the terminal.
      // A long title is cut to the terminal, never the marks after it.
      name: fitLine(
        visible(`${entry.starred ? '★ ' : ''}${entry.title}`),
        visible(`${entry.room ? ` · ${entry.room}` : ''}${notes.has(entry.uid) ? ' ✎ has a note' : ''}`),
      ),
      value: entry,
      description: visible([entry.speakers.join(', '), entry.ref].filter(Boolean).join(' · ')),
    })),
  });
}
