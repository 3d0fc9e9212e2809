import { endTimeText, wallTime } from '../core/clock.js';
import { chosenConference } from '../core/workspace/conference.js';
import { isValidDate } from '../core/note/note.js';
import {
  displayZone,
  filterEntries,
  findEntry,
  isRunning,
  readProgramme,
  updateProgramme,
  type ProgrammeEntry,
} from '../core/programme/programme.js';
import { notesByEntry, type LinkedNote } from '../core/programme/programme-notes.js';
import { ConfnotesError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { visible } from '../visible.js';
import { checkPlanOptions, clashNote, starredClashes, wantsIcs, type PlanOptions } from './agenda/plan.js';
import { workspaceOf } from './shared.js';

interface AgendaOptions extends PlanOptions {
  starFrom?: string;
  day?: string;
  today?: boolean;
  tag?: string;
  room?: string;
  search?: string;
  starred?: boolean;
  star?: string[];
  unstar?: string[];
  json?: boolean;
  conf?: string;
  width?: number;
}

export async function run(env: CommandEnv, options: AgendaOptions): Promise<void> {
  if (options.day !== undefined && options.today)
    throw new UsageError('--day and --today cannot be used together');
  if (options.day !== undefined && !isValidDate(options.day))
    throw new UsageError(`--day "${options.day}" is not a date (YYYY-MM-DD)`);
  if (options.star !== undefined && options.unstar !== undefined)
    throw new UsageError('--star and --unstar cannot be used together');
  checkPlanOptions(options);
  const ws = workspaceOf(env);
  const conference = chosenConference(ws, options.conf);
  const programme = readProgramme(ws, conference);
  if (!programme)
    throw new ConfnotesError(
      `${conference.name} has no programme yet; import one with: confnotes import <schedule.ics | schedule.json>`,
    );
  const zone = displayZone(conference, programme);
  // The export and --star-from are loaded when asked for: a listing never reads a schedule's decoder
  // nor the plan's file output (~1-2 ms of every agenda).
  if (options.starFrom !== undefined)
    return (await import('./agenda/star-from.js')).starFromFile(env, ws, conference, options.starFrom, zone);

  const toStar = options.star ?? options.unstar;
  if (toStar !== undefined) {
    const starred = options.star !== undefined;
    // Every ref or uid is resolved before anything is written: one unknown changes nothing.
    const entries = toStar.map((ref) => resolve(programme.entries, ref));
    const uids = new Set(entries.map((entry) => entry.uid));
    updateProgramme(ws, conference, (current) => {
      if (!current) return null;
      if (!current.entries.some((one) => uids.has(one.uid) && one.starred !== starred)) return null;
      return {
        ...current,
        entries: current.entries.map((one) => (uids.has(one.uid) ? { ...one, starred } : one)),
      };
    });
    for (const entry of entries)
      env.say(`${starred ? '★ starred' : 'unstarred'}: ${entry.title} (${entry.ref}, ${when(entry, zone)})`);
    return;
  }

  const now = env.ctx.now(zone);
  const day = options.today ? wallTime(now, zone).date : options.day;
  // The iCalendar export is the plan: always the starred talks (the other filters narrow it).
  const starredOnly = options.starred || wantsIcs(options);
  const chosen = filterEntries(
    programme.entries,
    { day, tag: options.tag, room: options.room, search: options.search, starred: starredOnly },
    zone,
  );
  if (wantsIcs(options))
    return (await import('./agenda/plan-export.js')).exportPlan(env, conference, chosen, options);
  const notes = notesByEntry(ws, conference.slug);
  const clashes = starredClashes(programme.entries);
  if (options.json || options.format === 'json') {
    env.out(
      JSON.stringify(
        chosen.map((entry) => ({
          ...entryJson(entry, notes.get(entry.uid), now),
          clashes: clashes.get(entry.uid) ?? [],
        })),
        null,
        2,
      ),
    );
    return;
  }
  if (chosen.length === 0) {
    env.say(programme.entries.length === 0 ? 'the programme is empty' : 'no entries match');
    return;
  }
  const titles = new Map(programme.entries.map((entry) => [entry.uid, entry.title]));
  const note = (entry: ProgrammeEntry) => clashNote(entry, clashes, titles, env.color);
  env.out(await agendaTable(env, chosen, notes, now, zone, note, options.width));
  const clashing = chosen.some((entry) => (clashes.get(entry.uid) ?? []).length > 0) ? '  ⚠ clash' : '';
  env.say(
    env.errColor.dim(
      `times in ${zone ?? 'the machine time zone'} · ▶ on now  ✎ has a note  ★ starred${clashing}`,
    ),
  );
}

function resolve(entries: ProgrammeEntry[], ref: string): ProgrammeEntry {
  const found = findEntry(entries, ref.trim());
  if (found === null) throw new ConfnotesError(`no entry "${ref}" in the programme; see: confnotes agenda`);
  return found;
}

/** The `agenda --json` shape: the keys the issue promises, then a few more. */
function entryJson(entry: ProgrammeEntry, note: LinkedNote | undefined, now: Date) {
  return {
    uid: entry.uid,
    title: entry.title,
    start: entry.start,
    end: entry.end,
    room: entry.room,
    track: entry.track,
    speakers: entry.speakers,
    url: entry.url,
    abstract: entry.abstract,
    status: entry.status,
    note: note?.id ?? null,
    all_day: entry.all_day,
    tags: entry.tags,
    starred: entry.starred,
    now: entry.status === 'confirmed' && isRunning(entry, now),
    ref: entry.ref,
  };
}

function when(entry: ProgrammeEntry, zone: string | null): string {
  if (entry.all_day)
    return entry.start === entry.end ? `${entry.start} all day` : `${entry.start} to ${entry.end}`;
  const start = wallTime(new Date(entry.start), zone);
  const end = wallTime(new Date(entry.end), zone);
  // A talk past midnight as a timetable shows it (`23:00–00:30+1`): a second date would widen the
  // column of every row, and cut the rooms of all of them.
  return `${start.date} ${start.time}–${endTimeText(start, end)}`;
}

async function agendaTable(
  env: CommandEnv,
  entries: ProgrammeEntry[],
  notes: Map<string, LinkedNote>,
  now: Date,
  zone: string | null,
  note: (entry: ProgrammeEntry) => string = () => '',
  width?: number,
): Promise<string> {
  const { color } = env;
  const rows = entries.map((entry) => {
    const running = entry.status === 'confirmed' && isRunning(entry, now);
    const marks = `${running ? color.green('▶') : ' '}${notes.has(entry.uid) ? color.cyan('✎') : ' '}${entry.starred ? color.yellow('★') : ' '}`;
    const off = entry.status !== 'confirmed';
    // programme.yml is text anyone could have edited: no escape sequence or bidi control reaches the terminal.
    const shown = visible(entry.title);
    const title = `${off ? color.dim(`${shown} (${entry.status})`) : running ? color.bold(shown) : shown}${note(entry)}`;
    return [
      marks,
      color.dim(when(entry, zone)),
      visible(entry.room ?? ''),
      title,
      color.dim(visible(entry.speakers.join(', '))),
      color.dim(entry.ref),
    ];
  });
  return renderTable(['', 'when', 'room', 'title', 'speakers', 'ref'], rows, {
    width: tableWidth(env.io.stdout, width),
    // The reference (a short ref, or a long uid) gives way first, then speakers; title and room keep
    // the most, and a room name of up to 16 characters (most are) is never cut for the title's sake.
    columns: { ref: 'id', uid: 'id', speakers: 'secondary', title: 'main', room: { give: 'main', min: 16 } },
  });
}
