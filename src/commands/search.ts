import { isValidDate, type NoteType } from '../core/note/note.js';
import { conferenceZones } from '../core/note/note-json.js';
import { noteSummaryJson } from '../core/note/note-query.js';
import { noteRefs } from '../core/programme/programme-notes.js';
import type { SearchHit } from '../core/search/search.js';
import { searchScope } from '../core/search/search-scope.js';
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
  // Every note is stat'ed against its conference's index; only conferences with a change are scanned and re-indexed.
  const filter = {
    tags: options.tag,
    type: options.type,
    speakers: options.speaker,
    day: options.day,
    favourite: options.favourite,
    minRating: options.minRating,
  };
  const { hits, notes } = await searchScope(ws, scope, words, filter, (problems) =>
    printProblems(env, problems),
  );
  if (options.json) {
    const zoneOf = conferenceZones(ws);
    const refOf = noteRefs(ws);
    env.out(
      JSON.stringify(
        hits.map((hit) => ({ ...hitJson(hit, zoneOf(hit.note)), ref: refOf(hit.note) })),
        null,
        2,
      ),
    );
    return;
  }
  if (hits.length === 0) {
    env.say(notes === 0 ? 'no notes yet; start one with: confnotes new "Talk title"' : 'no notes match');
    return;
  }
  env.out(await hitTable(env, hits, options.width));
}

/** The `--json` shape: these keys first, then every `list --json` key (`ref`, added by the caller, last as there). */
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
