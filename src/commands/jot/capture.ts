/**
 * The capture session: `confnotes jot` with no text on a terminal. Each line
 * typed is saved as its own jot the moment Enter is pressed; no shell stands
 * in between, so quotes, `;`, `$( )` and backticks are just text. Slash
 * commands switch the note, mark a todo or a quote, or take a line back.
 */
// node:readline, not @inquirer: a capture loop is one long stream of lines, not
// a question with an answer, and inquirer redraws (and owns) the screen per prompt.
import { createInterface } from 'node:readline';
import path from 'node:path';
import { wallTime } from '../../core/clock.js';
import type { JotKind } from '../../core/jot/jot.js';
import { nextTalk, talkNow } from '../../core/jot/jot-programme.js';
import { unjot } from '../../core/jot/jot-write.js';
import { resolveNote } from '../../core/note/note-resolve.js';
import { readNote } from '../../core/note/store.js';
import { makeCurrent } from '../../core/workspace/current.js';
import { readState, relativeToWorkspace, type Workspace } from '../../core/workspace/workspace.js';
import { ConfnotesError } from '../../errors.js';
import { nodeStreamOf } from '../../fd-io.js';
import type { CommandEnv } from '../../io.js';
import { jotKind, makeJotter, type JotOptions, type Jotter } from '../jot-lines.js';

export const CAPTURE_HELP = [
  'Each line is saved as a jot when you press Enter. Commands:',
  '  /todo <text>    a "- [ ]" follow-up',
  '  /quote <text>   a quote from the speaker',
  '  /note <note>    switch to another note',
  '  /next [<ref>]   switch to the talk on now (or next) from the programme',
  '  /undo           take back the last line this session wrote',
  '  /help           this list',
  '  //text          a line that starts with "/"',
  'Ctrl-D or Ctrl-C ends the session.',
];

interface Session {
  env: CommandEnv;
  ws: Workspace;
  jotter: Jotter;
  /** What a plain line is: a note, or every line a todo or a quote with `jot --todo` / `--quote`. */
  kind: JotKind;
  /** What this session wrote, last last: the note and the line as it stands there. */
  written: { file: string; line: string }[];
}

export async function runCapture(
  env: CommandEnv,
  ws: Workspace,
  file: string,
  options: JotOptions,
): Promise<void> {
  const jotter = makeJotter(env, ws, file, options, {
    talkNow: async (w, f, now) => talkNow(w, f, now),
    offer: 'type /next to switch',
  });
  const session: Session = { env, ws, jotter, kind: jotKind(options), written: [] };
  const rl = createInterface({
    input: env.io.stdin,
    output: nodeStreamOf(env.io.stdout),
    terminal: true,
  });
  // Ctrl-C ends the session as Ctrl-D does: every line already entered is saved whole.
  rl.on('SIGINT', () => rl.close());
  env.say(`capturing into ${relativeToWorkspace(ws, file)}; /help lists the commands, Ctrl-D ends`);
  const prompt = () => {
    rl.setPrompt(promptText(session));
    rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    try {
      await handle(session, line);
    } catch (error) {
      if (!(error instanceof ConfnotesError)) throw error;
      env.warn(error.message);
    }
    prompt();
  }
  const count = session.written.length;
  env.say(`\n${count} ${count === 1 ? 'line' : 'lines'} saved`);
}

/** `fibre-channel 11:05 > `: the note (shortened) and the time a line entered now gets. */
function promptText({ env, ws, jotter }: Session): string {
  let name = path.basename(jotter.file, '.md');
  if (name.length > 40) name = `${name.slice(0, 39)}…`;
  const zone = readState(ws).timezone;
  const time = wallTime(env.ctx.now(zone), zone).time;
  return `${env.color.dim(name)} ${time} > `;
}

async function handle(session: Session, raw: string): Promise<void> {
  const line = raw.trim();
  if (!line) return;
  if (line.startsWith('//')) return jot(session, session.kind, line.slice(1));
  const command = /^\/([a-z]+)(?:\s+(.*))?$/.exec(line);
  if (!command) return jot(session, session.kind, line);
  const [, name, rest = ''] = command;
  const { env } = session;
  switch (name) {
    case 'todo':
    case 'quote':
      if (!rest.trim()) return env.warn(`/${name} needs the text: /${name} <text>`);
      return jot(session, name, rest);
    case 'note':
      if (!rest.trim()) return env.warn('/note needs a note: /note <note>');
      return switchTo(session, resolveNote(session.ws, rest.trim(), env.ctx.cwd));
    case 'next':
      return next(session, rest.trim() || undefined);
    case 'undo':
      return undo(session);
    case 'help':
      for (const text of CAPTURE_HELP) env.say(text);
      return;
    default:
      // An unknown command is not saved as text: a typo of /todo must not land in the note.
      env.warn(`unknown command /${name} (/help lists them; start the line with // to save it as text)`);
  }
}

async function jot(session: Session, kind: JotKind, text: string): Promise<void> {
  const line = await session.jotter.jot(kind, text);
  session.written.push({ file: session.jotter.file, line });
}

function switchTo(session: Session, file: string): void {
  makeCurrent(session.ws, readNote(session.ws, file));
  session.jotter.file = file;
  session.env.say(`now capturing into ${relativeToWorkspace(session.ws, file)}`);
}

async function next(session: Session, ref: string | undefined): Promise<void> {
  const { env, ws, jotter } = session;
  const found = await nextTalk(ws, jotter.file, env.ctx.now(readState(ws).timezone), env.ctx.cwd, ref);
  if ('none' in found) {
    env.warn(found.none);
    return;
  }
  if ('choices' in found) {
    env.say('several talks fit; choose one with /next <ref>:');
    for (const choice of found.choices) env.say(`  ${choice}`);
    return;
  }
  jotter.file = found.file;
  env.say(
    `${found.created ? 'started' : 'now capturing into'} ${relativeToWorkspace(ws, found.file)} ("${found.entry.title}")`,
  );
}

function undo(session: Session): void {
  const last = session.written.pop();
  if (!last) {
    session.env.warn('nothing to undo: this session has written no line yet');
    return;
  }
  const shown = relativeToWorkspace(session.ws, last.file);
  if (unjot(last.file, last.line)) session.env.say(`removed from ${shown}: ${last.line}`);
  else session.env.warn(`${shown} no longer holds "${last.line}" (edited since?); nothing removed`);
}
