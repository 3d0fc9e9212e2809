import { parseWhen, wallTime } from '../core/clock.js';
import { currentNoteFile } from '../core/jot/current-note.js';
import { findFrontMatter, FrontMatterError } from '../core/front-matter/front-matter-bounds.js';
import { checkJotSize, checkJotTarget, checkJotText } from '../core/jot/jot-target.js';
import { FOLLOW_UPS_HEADING, jotLine, NOTES_HEADING, planJot, type JotKind } from '../core/jot/jot.js';
import { extend } from '../core/safe-write.js';
import {
  findWorkspace,
  readState,
  relativeToWorkspace,
  type Workspace,
} from '../core/workspace/workspace.js';
import { NoteFileError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';

export interface JotOptions {
  at?: string;
  note?: string;
  todo?: boolean;
  quote?: boolean;
}

/**
 * Jots into the note `pickNote` chooses (the current one when it is absent).
 * Kept free of the store so the quick lane (src/quick.ts) can bundle it small.
 */
export async function jotLines(
  env: CommandEnv,
  words: string[],
  options: JotOptions,
  pickNote: (ws: Workspace) => string | Promise<string> = currentNoteFile,
): Promise<void> {
  if (options.todo && options.quote) throw new UsageError('--todo and --quote cannot be used together');
  const kind: JotKind = options.todo ? 'todo' : options.quote ? 'quote' : 'note';
  let texts = [words.join(' ')];
  if (words.length === 0 && !env.io.stdin.isTTY)
    texts = (await (await import('node:stream/consumers')).text(env.io.stdin)).split(/\r?\n/);
  texts = texts.map((text) => text.trim()).filter(Boolean);
  if (texts.length === 0)
    throw new UsageError('an empty jot is not saved: confnotes jot <text...> (or pipe lines in)');

  const ws = findWorkspace(env.ctx, env.dir);
  const file = await pickNote(ws);
  const state = readState(ws);
  const today = wallTime(env.ctx.now(), state.timezone);
  let time = today.time;
  if (options.at !== undefined) {
    const at = parseWhen(options.at, today.date);
    if (!at || !/^\d{1,2}:\d{2}$/.test(options.at.trim()))
      throw new UsageError(`--at "${options.at}" is not a time (HH:MM)`);
    time = at.time;
  }
  const lines = texts.map((text) => jotLine(kind, text, time));
  const shown = relativeToWorkspace(ws, file);
  try {
    checkJotTarget(ws.root, file);
    extend(file, (old) => {
      checkJotText(file, old);
      const { bodyStart } = findFrontMatter(old);
      return checkJotSize(
        old,
        kind === 'todo'
          ? planJot(old, bodyStart, FOLLOW_UPS_HEADING, lines, NOTES_HEADING)
          : planJot(old, bodyStart, NOTES_HEADING, lines),
      );
    });
  } catch (error) {
    if (error instanceof FrontMatterError)
      throw new NoteFileError(shown, error.line, `${error.message}; nothing was added`);
    throw error;
  }
  env.say(`${shown}: ${lines.length === 1 ? lines[0] : `${lines.length} lines`}`);
}
