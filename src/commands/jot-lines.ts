import { parseWhen, wallTime, type WallTime } from '../core/clock.js';
import { currentNoteFile } from '../core/jot/current-note.js';
import { jotLine, type JotKind } from '../core/jot/jot.js';
import { sinceStartSetting, writeJot } from '../core/jot/jot-write.js';
import { outsideSlot, sinceStart, slotText, type Slot } from '../core/jot/slot.js';
import {
  findWorkspace,
  readState,
  relativeToWorkspace,
  type Workspace,
  type WorkspaceState,
} from '../core/workspace/workspace.js';
import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';

export interface JotOptions {
  at?: string;
  note?: string;
  todo?: boolean;
  quote?: boolean;
  sinceStart?: boolean;
}

/** What a lane adds to a jot: the talk on now, when the programme says (the full lane reads it). */
export interface JotHooks {
  /** `<ref> "title"` of the talk on at `now` in the note's conference, or undefined. */
  talkNow?: (ws: Workspace, file: string, now: Date) => Promise<string | undefined>;
  /** Added to the out-of-slot warning (the capture session offers /next). */
  offer?: string;
}

/** One note being jotted into: stamps each line with the clock read as it is written. */
export interface Jotter {
  readonly ws: Workspace;
  file: string;
  /** Writes one jot and returns the line as it stands in the note. */
  jot(kind: JotKind, text: string): Promise<string>;
}

export function makeJotter(
  env: CommandEnv,
  ws: Workspace,
  file: string,
  options: JotOptions,
  hooks: JotHooks = {},
  /** The state just read to find the note: the first line takes its zone from it. */
  state?: WorkspaceState,
): Jotter {
  const since = options.sinceStart ?? sinceStartSetting(ws);
  let warnedFor: string | undefined;
  let first = state;
  const jotter: Jotter = {
    ws,
    file,
    async jot(kind, text) {
      // The zone of the current note's conference, read per line: a session may switch conference.
      const zone = (first ?? readState(ws)).timezone;
      first = undefined;
      const now = env.ctx.now(zone);
      const wall = stampTime(wallTime(now, zone), options.at);
      const seconds = options.at === undefined ? now.getUTCSeconds() : 0;
      const stamp = (slot: Slot | null) =>
        since && slot && kind !== 'todo' ? `${wall.time} ${sinceStart(slot, wall, seconds)}` : wall.time;
      const { lines, slot } = writeJot(ws, jotter.file, kind, (slot) => [jotLine(kind, text, stamp(slot))]);
      if (slot && outsideSlot(slot, wall) && warnedFor !== jotter.file) {
        // Once per note, so a stream of late lines is not a stream of warnings.
        warnedFor = jotter.file;
        const talk = await hooks.talkNow?.(ws, jotter.file, now).catch(() => undefined);
        env.warn(
          `${wall.date} ${wall.time} is outside ${relativeToWorkspace(ws, jotter.file)} (${slotText(slot)})` +
            `${talk ? `; on now: ${talk}` : ''}${hooks.offer ? `; ${hooks.offer}` : ''}`,
        );
      }
      return lines[0]!;
    },
  };
  return jotter;
}

/** The wall time to stamp: now, or `--at HH:MM` today. */
function stampTime(now: WallTime, at: string | undefined): WallTime {
  if (at === undefined) return now;
  const parsed = parseWhen(at, now.date);
  if (!parsed || !/^\d{1,2}:\d{2}$/.test(at.trim()))
    throw new UsageError(`--at "${at}" is not a time (HH:MM)`);
  return parsed;
}

export function jotKind(options: JotOptions): JotKind {
  if (options.todo && options.quote) throw new UsageError('--todo and --quote cannot be used together');
  return options.todo ? 'todo' : options.quote ? 'quote' : 'note';
}

/**
 * Jots the words, or else each line piped on stdin as it arrives (`tail -f
 * log | confnotes jot` stamps each line when it comes), into the note
 * `pickNote` chooses (the current one when it is absent). Kept free of the
 * store so the quick lane (src/quick.ts) can bundle it small.
 */
export async function jotLines(
  env: CommandEnv,
  words: string[],
  options: JotOptions,
  pickNote: (ws: Workspace, state: WorkspaceState) => string | Promise<string> = currentNoteFile,
  hooks: JotHooks = {},
): Promise<void> {
  const kind = jotKind(options);
  const text = words.join(' ').trim();
  const piped = words.length === 0 && !env.io.stdin.isTTY;
  if (!text && !piped)
    throw new UsageError('an empty jot is not saved: confnotes jot <text...> (or pipe lines in)');
  if (options.at !== undefined) stampTime(wallTime(env.ctx.now()), options.at);

  const ws = findWorkspace(env.ctx, env.dir);
  // One read of the state gives the note and, for a single jot, its zone.
  const state = readState(ws);
  const jotter = makeJotter(env, ws, await pickNote(ws, state), options, hooks, piped ? undefined : state);
  const shown = relativeToWorkspace(ws, jotter.file);
  if (!piped) {
    env.say(`${shown}: ${await jotter.jot(kind, text)}`);
    return;
  }
  const { createInterface } = await import('node:readline');
  let count = 0;
  let last = '';
  for await (const line of createInterface({ input: env.io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    last = await jotter.jot(kind, line.trim());
    count += 1;
  }
  if (count === 0)
    throw new UsageError('an empty jot is not saved: confnotes jot <text...> (or pipe lines in)');
  env.say(`${shown}: ${count === 1 ? last : `${count} lines`}`);
}
