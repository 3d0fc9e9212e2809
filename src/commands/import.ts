import fs from 'node:fs';
import path from 'node:path';
import { wallTime } from '../core/clock.js';
import { chosenConference } from '../core/workspace/conference.js';
import type { EntryChange, ProgrammeEntry } from '../core/programme/programme.js';
import { importProgramme, readExportStream } from '../core/programme/programme-import.js';
import { describeDrift } from '../core/programme/note-drift.js';
import { followProgramme } from '../core/programme/notes-follow.js';
import { decodeSchedule, MAX_SCHEDULE_BYTES, type ScheduleFormat } from '../core/programme/schedule.js';
import { cannotRead, ConfnotesError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { visible } from '../visible.js';
import { workspaceOf } from './shared.js';

interface ImportOptions {
  conf?: string;
  format?: ScheduleFormat;
  replace?: boolean;
  updateNotes?: boolean;
}

export async function run(env: CommandEnv, file: string, options: ImportOptions): Promise<void> {
  const ws = workspaceOf(env);
  const conference = chosenConference(ws, options.conf);
  const fromStdin = file === '-';
  const shown = fromStdin ? '<stdin>' : file;
  const bytes = fromStdin
    ? await readExportStream(env.io.stdin, shown)
    : await readFile(path.resolve(env.ctx.cwd, file), shown);
  const text = decodeSchedule(bytes, shown);
  const outcome = await importProgramme(ws, conference, text, {
    format: options.format,
    shown,
    source: fromStdin ? 'stdin' : path.basename(file),
    replace: options.replace,
  });
  for (const warning of outcome.parsed.warnings) env.warn(`${shown}: ${warning}`);
  const { merge, zone } = outcome;
  const when = (entry: ProgrammeEntry) =>
    entry.all_day ? `${entry.start} (all day)` : shownTime(entry.start, zone);
  const { color } = env;
  // The export's and programme.yml's text is shown without escape sequences or bidi controls.
  for (const { entry } of merge.added)
    env.out(
      `${color.green('added    ')} ${visible(`${entry.uid}  ${when(entry)}  ${entry.title}`)}${entry.status === 'cancelled' ? ' (cancelled)' : ''}`,
    );
  for (const change of merge.changed)
    env.out(
      `${color.yellow('changed  ')} ${visible(`${change.entry.uid}  ${change.entry.title}: ${describeChange(change, zone)}`)}`,
    );
  for (const { entry } of merge.removed)
    env.out(`${color.red('removed  ')} ${visible(`${entry.uid}  ${when(entry)}  ${entry.title}`)}`);
  if (outcome.followed > 0)
    env.say(
      `${shown}: ${outcome.followed} ${outcome.followed === 1 ? 'talk has' : 'talks have'} a new UID in this export; matched to the talk already imported, kept under its stored UID`,
    );
  const total = merge.entries.filter((entry) => entry.status !== 'removed').length;
  const counts = `${merge.added.length} added, ${merge.changed.length} changed, ${merge.removed.length} removed, ${merge.cancelled.length} newly cancelled`;
  if (outcome.written)
    env.say(
      `${outcome.file}: ${total} ${total === 1 ? 'entry' : 'entries'} (${counts}); times in ${zone ?? 'the machine time zone'}`,
    );
  else
    env.say(
      `${outcome.file}: already up to date (${total} ${total === 1 ? 'entry' : 'entries'}, nothing changed)`,
    );
  // Notes started from a talk follow it when asked (--update-notes); otherwise import says how many differ.
  const follow = followProgramme(ws, conference.slug, merge.entries, zone, { write: !!options.updateNotes });
  for (const skipped of follow.skipped) env.warn(visible(skipped));
  for (const stale of follow.stale)
    env.say(
      visible(
        `${stale.path}: its talk ${stale.uid} is ${stale.status} in the programme; the note is kept as it is`,
      ),
    );
  if (options.updateNotes) {
    for (const note of follow.notes)
      for (const field of note.fields)
        env.out(`${color.cyan('updated  ')} ${visible(`${note.path}  ${describeDrift(field)}`)}`);
    if (follow.notes.length > 0)
      env.say(
        `${follow.notes.length} ${follow.notes.length === 1 ? 'note' : 'notes'} updated to the programme`,
      );
  } else if (follow.notes.length > 0) {
    const n = follow.notes.length;
    env.say(
      `${n} ${n === 1 ? 'note differs' : 'notes differ'} from the programme (time, room or title); update ${n === 1 ? 'it' : 'them'} with: confnotes import ${fromStdin ? '-' : visible(file)} --update-notes (or confnotes check --fix)`,
    );
  }
}

function shownTime(iso: string, zone: string | null): string {
  const wall = wallTime(new Date(iso), zone);
  return `${wall.date} ${wall.time}`;
}

function describeChange(change: EntryChange, zone: string | null): string {
  return (change.fields ?? [])
    .map(({ field, from, to }) => {
      if (
        (field === 'start' || field === 'end') &&
        typeof from === 'string' &&
        typeof to === 'string' &&
        from.includes('T') &&
        to.includes('T')
      ) {
        return `${field} ${shownTime(from, zone)} → ${shownTime(to, zone)}`;
      }
      if (field === 'abstract') return 'abstract';
      const show = (value: unknown) =>
        Array.isArray(value)
          ? value.join(', ') || '(none)'
          : value === null || value === ''
            ? '(none)'
            : String(value);
      return `${field} ${show(from)} → ${show(to)}`;
    })
    .join('; ');
}

/** A regular file is read whole (after a size check); a pipe or device as a stream, up to the limit. */
async function readFile(file: string, shown: string): Promise<Buffer> {
  try {
    const stats = fs.statSync(file);
    if (stats.isDirectory()) throw new ConfnotesError(`${shown}: is a folder, not a programme file`);
    if (!stats.isFile()) return await readExportStream(fs.createReadStream(file), shown);
    if (stats.size > MAX_SCHEDULE_BYTES)
      throw new ConfnotesError(
        `${shown}: ${(stats.size / 1048576).toFixed(1)} MB is too large for a programme`,
      );
    return fs.readFileSync(file);
  } catch (error) {
    throw cannotRead(error, shown);
  }
}
