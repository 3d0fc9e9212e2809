import { isValidDate, type NoteType } from '../core/note/note.js';
import {
  noteSummaryJson,
  selectListed,
  sortNotes,
  tagFilter,
  type NoteSort,
} from '../core/note/note-query.js';
import { conferenceZones } from '../core/note/note-json.js';
import { type ListedNote, scanEntries } from '../core/note/store.js';
import { noteRefs } from '../core/programme/programme-notes.js';
import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { visible } from '../visible.js';
import { printProblems, scopeOf, workspaceOf } from './shared.js';

interface ListOptions {
  tag?: string[];
  type?: NoteType;
  day?: string;
  favourite?: boolean;
  minRating?: number;
  speaker?: string[];
  search?: string;
  conf?: string;
  all?: boolean;
  sort?: NoteSort;
  json?: boolean;
  width?: number;
}

export async function run(env: CommandEnv, options: ListOptions): Promise<void> {
  if (options.day !== undefined && !isValidDate(options.day))
    throw new UsageError(`--day "${options.day}" is not a date (YYYY-MM-DD)`);
  if (options.minRating !== undefined && (options.minRating < 1 || options.minRating > 5)) {
    throw new UsageError(`--min-rating ${options.minRating} is not from 1 to 5`);
  }
  const ws = workspaceOf(env);
  // Notes are built only for the ones shown (see ScannedNote); with --tag only the tag's are kept.
  const keep = tagFilter(options.tag) ?? undefined;
  const { entries, problems, found } = scanEntries(ws, scopeOf(ws, options), { keep });
  printProblems(env, problems);
  const chosen = sortNotes(
    selectListed(entries, {
      tags: options.tag,
      type: options.type,
      day: options.day,
      favourite: options.favourite,
      minRating: options.minRating,
      speakers: options.speaker,
      search: options.search,
    }),
    options.sort,
  );
  if (options.json) {
    const zoneOf = conferenceZones(ws);
    const refOf = noteRefs(ws);
    env.out(
      JSON.stringify(
        chosen.map((note) => ({ ...noteSummaryJson(note, zoneOf(note)), ref: refOf(note) })),
        null,
        2,
      ),
    );
    return;
  }
  if (chosen.length === 0) {
    env.say(found === 0 ? 'no notes yet; start one with: confnotes new "Talk title"' : 'no notes match');
    return;
  }
  env.out(await noteTable(env, chosen, options.width));
}

export function noteTable(env: CommandEnv, notes: ListedNote[], width?: number): Promise<string> {
  const { color } = env;
  const rows = notes.map((note) => [
    color.dim(`${note.date} ${note.start ?? '     '}`),
    color.cyan(note.type),
    (note.favourite ? color.red('♥ ') : '') +
      (note.private ? color.dim('(private) ') : '') +
      visible(note.title),
    color.dim(visible(note.tags.join(' '))),
    note.rating ? color.yellow('★'.repeat(note.rating)) + color.dim('☆'.repeat(5 - note.rating)) : '',
    color.dim(visible(note.id)),
  ]);
  return renderTable(['when', 'type', 'title', 'tags', 'rating', 'id'], rows, {
    width: tableWidth(env.io.stdout, width),
    // The id goes first (a unique prefix of the title finds a note too), then tags; the title keeps its room.
    columns: { id: 'id', tags: 'secondary', title: 'main' },
  });
}
