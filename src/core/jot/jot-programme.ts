/**
 * What the programme says while jotting (full lane only: it reads
 * programme.yml): the talk on now, for the out-of-slot warning, and the talk
 * a capture session's `/next` switches to, its note found or created as
 * `new --from` creates it.
 */
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { endTimeText, wallTime, type WallTime } from '../clock.js';
import { createNote } from '../note/note-create.js';
import { parseNote } from '../note/note.js';
import { readNote } from '../note/store.js';
import {
  displayZone,
  findEntry,
  nextAfter,
  readProgramme,
  runningAt,
  type Programme,
  type ProgrammeEntry,
} from '../programme/programme.js';
import {
  addProgrammeFields,
  entityDecoderFor,
  noteInputOf,
  notesByEntry,
} from '../programme/programme-notes.js';
import { readConference, type Conference } from '../workspace/conference.js';
import { setCurrentNote } from '../workspace/current.js';
import type { Workspace } from '../workspace/workspace.js';

/** `<ref> "title" (room)`, as messages show an entry. */
export function entryText(entry: ProgrammeEntry): string {
  return `${entry.ref} "${entry.title}"${entry.room ? ` (${entry.room})` : ''}`;
}

interface Context {
  conference: Conference;
  programme: Programme;
}

/** The conference a note sits in and its programme, or null when it has none. */
function programmeOf(ws: Workspace, file: string): Context | null {
  const slug = path.relative(ws.root, file).split(path.sep)[0]!;
  const conference = readConference(ws, slug);
  const programme = readProgramme(ws, conference);
  return programme && programme.entries.length > 0 ? { conference, programme } : null;
}

/**
 * The talks on at `now` in the note's conference, as text; undefined without
 * a programme or a talk. The note's own talk (its `programme:` entry) is not
 * offered as another one: when it is on now, the text says it is this note's,
 * with the times the programme gives it.
 */
export function talkNow(ws: Workspace, file: string, now: Date): string | undefined {
  const found = programmeOf(ws, file);
  if (!found) return undefined;
  const own = ownEntry(ws, file);
  const on = runningAt(found.programme.entries, now);
  const texts = on.filter((entry) => entry.uid !== own).map((entry) => entryText(entry));
  const mine = on.find((entry) => entry.uid === own);
  if (mine) {
    const zone = displayZone(found.conference, found.programme);
    const [start, end] = [mine.start, mine.end].map((at) => wallTime(new Date(at), zone)) as [
      WallTime,
      WallTime,
    ];
    // As agenda shows it: `23:00–00:30+1` for a talk that runs past midnight.
    texts.push(
      `${entryText(mine)}, this note's own talk, which the programme has at ${start.time}–${endTimeText(start, end)}`,
    );
  }
  return texts.length > 0 ? texts.join(', ') : undefined;
}

/** The programme entry a note was started from, if it says (read as every note is, inside the workspace). */
function ownEntry(ws: Workspace, file: string): string | undefined {
  try {
    return readNote(ws, file).programme ?? undefined;
  } catch {
    return undefined;
  }
}

export type NextTalk =
  | { file: string; entry: ProgrammeEntry; created: boolean }
  | { choices: string[] }
  | { none: string };

/**
 * The note of the talk on now (or, when none is or the current note is it,
 * the next one), or of the entry `ref` names; created like `new --from`
 * when it has none yet, and made current. Several candidates: their texts.
 */
export async function nextTalk(
  ws: Workspace,
  file: string,
  now: Date,
  cwd: string,
  ref?: string,
): Promise<NextTalk> {
  const found = programmeOf(ws, file);
  if (!found) return { none: 'this conference has no programme; import one with: confnotes import <file>' };
  const { conference, programme } = found;
  const { entries } = programme;
  const linked = notesByEntry(ws, conference.slug);
  const current = path.relative(ws.root, file).split(path.sep).join('/');
  let candidates: ProgrammeEntry[];
  if (ref) {
    const entry = findEntry(entries, ref);
    if (!entry) return { none: `no entry "${ref}" in the programme of ${conference.name}` };
    candidates = [entry];
  } else {
    candidates = runningAt(entries, now).filter((entry) => linked.get(entry.uid)?.path !== current);
    if (candidates.length === 0) candidates = nextAfter(entries, now);
  }
  if (candidates.length === 0) return { none: 'no talk is on now and none comes next' };
  if (candidates.length > 1) return { choices: candidates.map((entry) => entryText(entry)) };
  const entry = candidates[0]!;
  const existing = linked.get(entry.uid);
  if (existing) {
    const target = path.join(ws.root, existing.path);
    setCurrentNote(ws, target, conference);
    return { file: target, entry, created: false };
  }
  if (entry.all_day) return { none: `"${entry.title}" is an all-day entry, not a talk` };
  const decode = await entityDecoderFor(entry);
  const created = createNote(ws, conference, noteInputOf(entry, displayZone(conference, programme)), {
    now,
    cwd,
    finish: (text) => {
      const filled = addProgrammeFields(text, entry, decode);
      if (parseNote(filled).meta.programme !== entry.uid)
        throw new ConfnotesError('the note template left no room for the programme field');
      return filled;
    },
  });
  return { file: created.file, entry, created: true };
}
