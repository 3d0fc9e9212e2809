/**
 * The full CLI: `main`, the program and its global options. Every command,
 * option and help text is declared in src/cli/declare-*.ts, one file per
 * family; each command's code is imported only when that command runs, so
 * quick commands do not pay for heavy ones.
 */
import { Command, CommanderError } from 'commander';
import type { Context } from './context.js';
import type { Workspace } from './core/workspace/workspace.js';
import { contextFromProcess } from './process-context.js';
import { fdIo } from './fd-io.js';
import { reportError } from './exit.js';
import { makeCommandEnv, type Io } from './io.js';
import type { Prompts } from './ui/prompts.js';
import { colorLevel } from './ui/colors.js';
import { painterFor } from './ui/painter.js';
import { VERSION } from './version.js';
import { protectJotText } from './quick.js';
import { examples, type Load } from './cli/common.js';
import { declareWorkspaceCommands } from './cli/declare-workspace.js';
import { declareNoteCommands } from './cli/declare-notes.js';
import { declareSearchCommands } from './cli/declare-search.js';
import { declareReportCommands } from './cli/declare-report.js';
import { declareProgrammeCommands } from './cli/declare-programme.js';
import { declareRoomCommands } from './cli/declare-room.js';

export { VERSION };

/** For the quick lane: the talk on now, when a jot falls outside its note's slot (reads the programme). */
export const jotTalkNow = async (ws: Workspace, file: string, now: Date): Promise<string | undefined> =>
  (await import('./core/jot/jot-programme.js')).talkNow(ws, file, now);

/** Runs the CLI and returns the exit code; only bin/confnotes.js sets it on the process. */
export async function main(
  argv: string[],
  overrides: { ctx?: Partial<Context>; io?: Io; prompts?: Prompts } = {},
): Promise<number> {
  // Straight to the descriptors, as the quick lane writes: process.stdout on a pipe costs ~7 ms to create.
  const io: Io = overrides.io ?? fdIo();
  let exitCode = 0;
  try {
    const ctx = contextFromProcess(overrides.ctx);
    const program = buildProgram(ctx, io, overrides.prompts);
    await program.parseAsync(protectJotText(argv), { from: 'user' });
  } catch (error) {
    exitCode = report(error, io, overrides.ctx?.env ?? process.env);
  }
  return exitCode;
}

function report(error: unknown, io: Io, env: Record<string, string | undefined>): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  return reportError(error, io.stderr, env);
}

export function buildProgram(ctx: Context, io: Io, prompts?: Prompts): Command {
  const program = new Command('confnotes');
  const load: Load = (loader) =>
    async function (this: Command, ...args: unknown[]) {
      const globals = this.optsWithGlobals() as { dir?: string; color?: boolean };
      const env = makeCommandEnv(ctx, io, {
        paint: await painterFor(io, ctx.env, globals.color),
        color: globals.color,
        dir: globals.dir,
        prompts,
      });
      const command = await loader();
      await command.run(env, ...args);
    };

  program
    .description('Take notes at a conference from the terminal, and turn them into a trip report.')
    .version(VERSION, '-V, --version', 'print the version')
    .option(
      '--dir <path>',
      'the notes workspace to use (default: CONFNOTES_DIR, then the nearest folder with .confnotes/, then ~/confnotes)',
    )
    .option('--color', 'colour the output even when it is not a terminal (overrides NO_COLOR)')
    .option('--no-color', 'no colour, even on a terminal (as NO_COLOR does)')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Asked of our streams, not of process.stdout (which would be created for it: ~7 ms on a pipe).
      // Undefined off a terminal, as commander's own answer is (its types say number): help is then 80 wide.
      getOutHelpWidth: () => io.stdout.columns as number,
      getErrHelpWidth: () => io.stderr.columns as number,
      getOutHasColors: () => colorLevel(io.stdout, ctx.env, undefined) > 0,
      getErrHasColors: () => colorLevel(io.stderr, ctx.env, undefined) > 0,
      outputError: (text, write) => write(text.startsWith('error:') ? `confnotes: ${text.slice(7)}` : text),
    })
    .addHelpText(
      'after',
      examples([
        'confnotes init ~/confnotes',
        'confnotes conf new "KubeCon EU 2026" --start 2026-03-23 --end 2026-03-26 --timezone Europe/Amsterdam',
        'confnotes new "Scaling etcd" --speaker "Ada Lovelace" --tag kubernetes --tag storage',
        'confnotes list --tag storage',
        'confnotes --dir notes list --favourite --json',
      ]),
    );

  declareWorkspaceCommands(program, load);
  declareNoteCommands(program, load);
  declareSearchCommands(program, load);
  declareReportCommands(program, load);
  declareProgrammeCommands(program, load);
  declareRoomCommands(program, load);

  return program;
}
