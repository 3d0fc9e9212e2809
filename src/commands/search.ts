import { isValidDate, type NoteType } from '../core/note/note.js';
import { conferenceZones } from '../core/note/note-json.js';
import { filterEntries, noteSummaryJson } from '../core/note/note-query.js';
import { scanEntries } from '../core/note/store.js';
import { searchNotes, type SearchHit } from '../core/search/search.js';
import { snippetText } from '../core/search/snippet.js';
import { conferenceSlugs } from '../core/workspace/conference.js';
import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { visible } from '../visible.js';
import { printProblems, scopeOf, workspaceOf } from './shared.js';

interface SearchOptions {
  tag?: string[];
  type?: NoteType;
  speaker?: string[];
  day?: string;
  favourite?: boolean;
  minRating?: number;
  conf?: string;
  all?: boolean;
  json?: boolean;
  width?: number;
}

export async function run(env: CommandEnv, words: string[], options: SearchOptions): Promise<void> {
  if (options.day !== undefined && !isValidDate(options.day))
    throw new UsageError(`--day "${options.day}" is not a date (YYYY-MM-DD)`);
  if (options.minRating !== undefined && (options.minRating < 1 || options.minRating > 5))
    throw new UsageError(`--min-rating ${options.minRating} is not from 1 to 5`);
  const ws = workspaceOf(env);
  // Every conference unless one is named: a search is for finding notes again, years later.
  const scope = options.conf ? scopeOf(ws, options) : conferenceSlugs(ws);
  // Notes are built only for the hits; the index reuses the scan's stamps (no second stat).
  const { entries: notes, problems } = scanEntries(ws, scope);
  printProblems(env, problems);
  const shown = filterEntries(notes, {
    tags: options.tag,
    type: options.type,
    speakers: options.speaker,
    day: options.day,
    favourite: options.favourite,
    minRating: options.minRating,
  });
  const { hits } = await searchNotes(ws, notes, shown, words);
  if (options.json) {
    const zoneOf = conferenceZones(ws);
    env.out(
      JSON.stringify(
        hits.map((hit) => hitJson(hit, zoneOf(hit.note))),
        null,
        2,
      ),
    );
    return;
  }
  if (hits.length === 0) {
    env.say(
      notes.length === 0 ? 'no notes yet; start one with: confnotes new "Talk title"' : 'no notes match',
    );
    return;
  }
  env.out(await hitTable(env, hits, options.width));
}

/** The `--json` shape: these keys first, then every `list --json` key. */
function hitJson(hit: SearchHit, zone: string | null) {
  const { id, path, conference, title, date, ...rest } = noteSummaryJson(hit.note, zone);
  return { id, path, conference, title, date, score: hit.score, snippet: snippetText(hit.snippet), ...rest };
}

function hitTable(env: CommandEnv, hits: SearchHit[], width?: number): Promise<string> {
  const { color } = env;
  // Bold where colour is on; «» where it is not (piped, NO_COLOR), so the matches still show.
  const mark = color.level > 0 ? (text: string) => color.bold(text) : (text: string) => `«${text}»`;
  const rows = hits.map(({ note, snippet }) => [
    color.dim(note.date),
    color.cyan(visible(note.conference ?? note.folder ?? '')),
    (note.private ? color.dim('(private) ') : '') + visible(note.title),
    snippet.map((s) => (s.match ? mark(visible(s.text)) : visible(s.text))).join(''),
    color.dim(visible(note.id)),
  ]);
  return renderTable(['date', 'conference', 'title', 'snippet', 'id'], rows, {
    width: tableWidth(env.io.stdout, width),
    columns: {
      id: 'id',
      conference: 'secondary',
      snippet: { give: 'secondary', min: 12 },
      title: 'main',
    },
  });
}
