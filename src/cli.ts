/**
 * The command surface: every command, option and help text is declared here;
 * each command's code is imported only when that command runs, so quick
 * commands do not pay for heavy ones.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { contextFromProcess, processIo } from './process-context.js';
import { ConfnotesError } from './errors.js';
import { reportError } from './exit.js';
import { makeCommandEnv, type CommandEnv, type Io } from './io.js';
import { NOTE_TYPES } from './core/note/note-types.js';
import type { Prompts } from './commands/new-prompts.js';
import { VERSION } from './version.js';
import { protectJotText } from './quick.js';

export { VERSION };

// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument list; commander hands them over untyped
type Loader = () => Promise<{ run: (env: CommandEnv, ...args: any[]) => Promise<void> | void }>;

/** Runs the CLI and returns the exit code; only bin/confnotes.js sets it on the process. */
export async function main(
  argv: string[],
  overrides: { ctx?: Partial<Context>; io?: Io; prompts?: Prompts } = {},
): Promise<number> {
  const io: Io = overrides.io ?? processIo();
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

const collect = (value: string, previous: string[] = []) => [...previous, value];
const integer = (name: string) => (value: string) => {
  if (!/^-?\d+$/.test(value.trim())) throw new ConfnotesError(`${name} "${value}" is not a whole number`, 2);
  return Number(value);
};

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function buildProgram(ctx: Context, io: Io, prompts?: Prompts): Command {
  const program = new Command('confnotes');
  const load = (loader: Loader) =>
    async function (this: Command, ...args: unknown[]) {
      const env = makeCommandEnv(ctx, io, this.optsWithGlobals().dir as string | undefined, prompts);
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
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
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

  program
    .command('init')
    .description('create a notes workspace (never touches an existing one)')
    .argument('[path]', 'where to create it (default: ~/confnotes)')
    .addHelpText('after', examples(['confnotes init ~/notes/conferences', 'confnotes init']))
    .action(load(() => import('./commands/init.js')));

  const conf = program
    .command('conf')
    .description('create, choose and list conferences')
    .addHelpText(
      'after',
      examples([
        'confnotes conf new "OpenStack Summit 2013" --start 2013-04-15 --end 2013-04-18',
        'confnotes conf list',
      ]),
    );
  conf
    .command('new')
    .description('create a conference folder with its conference.md, and make it current')
    .argument('<name>', 'the conference name, e.g. "FOSDEM 2026"')
    .requiredOption('--start <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--end <date>', 'last day, YYYY-MM-DD')
    .option('--location <text>', 'city, country')
    .option('--timezone <zone>', 'IANA time zone of the venue, e.g. Europe/Brussels')
    .option('--slug <slug>', 'folder name (default: from the name)')
    .option('--url <url>', "the conference's web site")
    .option('--author <name>', 'who writes the trip report')
    .addHelpText(
      'after',
      examples([
        'confnotes conf new "FOSDEM 2026" --start 2026-01-31 --end 2026-02-01 --location "Brussels, Belgium" --timezone Europe/Brussels',
      ]),
    )
    .action(load(() => import('./commands/conf.js').then((m) => ({ run: m.runNew }))));
  conf
    .command('use')
    .description('make a conference the current one')
    .argument('<slug>', 'the conference folder name')
    .addHelpText('after', examples(['confnotes conf use fosdem-2026']))
    .action(load(() => import('./commands/conf.js').then((m) => ({ run: m.runUse }))));
  conf
    .command('list')
    .description('list the conferences of the workspace')
    .option('--json', 'print JSON for scripts')
    .addHelpText('after', examples(['confnotes conf list', 'confnotes conf list --json']))
    .action(load(() => import('./commands/conf.js').then((m) => ({ run: m.runList }))));

  program
    .command('new')
    .description('scaffold a note for a session from a template; prints its path')
    .argument('[title...]', 'the session title')
    .addOption(new Option('-t, --type <type>', 'kind of session').choices([...NOTE_TYPES]))
    .option('-s, --speaker <name>', 'a speaker (repeat for several)', collect)
    .option('--tag <tag>', 'a tag (repeat, or comma-separated)', collect)
    .option('--at <when>', 'start, "YYYY-MM-DD HH:MM" or "HH:MM" (default: now, in the conference time zone)')
    .option(
      '--duration <minutes>',
      'length in minutes (default by type: keynote 30, session 40, workshop 90)',
      integer('--duration'),
    )
    .option('--track <track>', 'the track')
    .option('--room <room>', 'the room')
    .option('--conf <slug>', 'the conference (default: the current one)')
    .option('--rating <n>', 'your rating, 1 to 5', integer('--rating'))
    .option('--favourite', 'mark as a favourite to recommend')
    .option('--private', 'keep it out of trip reports')
    .option('--link <url>', 'a link, or kind=URL such as slides=https://… (repeatable)', collect)
    .option('--summary <text>', 'the one-line summary used by the report')
    .option('--template <name>', 'a template name (see `confnotes templates`) or a file')
    .option('-e, --edit', 'open the note in $VISUAL / $EDITOR afterwards')
    .option(
      '--from <uid|now|next>',
      'fill the note from the imported programme: an entry uid, the talk on now, or the next one',
    )
    .addHelpText(
      'after',
      examples([
        'confnotes new "Orchestrating Fibre Channel in Cinder" --speaker "Jane Roe" --tag storage --tag cinder',
        'confnotes new "Opening keynote" --type keynote --at "2013-04-16 09:00" --duration 30',
        'confnotes new "Quantum lab" -t workshop --room B110 --edit',
      ]),
    )
    .action(load(() => import('./commands/new.js')));

  program
    .command('tag')
    .description('add tags to a note (changes nothing else in the file)')
    .argument('<note>', 'note id, a unique prefix of it or of its title, or a path')
    .argument('<tags...>', 'tags to add')
    .addHelpText(
      'after',
      examples(['confnotes tag 2013-04-16-1100 storage enterprise', 'confnotes tag fibre "Storage/Cinder"']),
    )
    .action(load(() => import('./commands/tag.js').then((m) => ({ run: m.runTag }))));
  program
    .command('untag')
    .description('remove tags from a note (changes nothing else in the file)')
    .argument('<note>', 'note id, a unique prefix of it or of its title, or a path')
    .argument('<tags...>', 'tags to remove')
    .addHelpText('after', examples(['confnotes untag 2013-04-16-1100 enterprise']))
    .action(load(() => import('./commands/tag.js').then((m) => ({ run: m.runUntag }))));

  program
    .command('list')
    .alias('ls')
    .description('list notes as a table, or as JSON for scripts')
    .option('--tag <tag>', 'only notes with this tag or a child of it (repeat: all of them)', collect)
    .addOption(new Option('-t, --type <type>', 'only notes of this type').choices([...NOTE_TYPES]))
    .option('--day <date>', 'only notes of this day, YYYY-MM-DD')
    .option('--favourite', 'only favourites')
    .option('--min-rating <n>', 'only notes rated at least n', integer('--min-rating'))
    .option('--search <text>', 'only notes whose title, speakers, summary or text contain this (any case)')
    .option('--conf <slug>', 'one conference (default: the current one)')
    .option('--all', 'every conference')
    .addOption(new Option('--sort <key>', 'order').choices(['time', 'title', 'rating']).default('time'))
    .option('--json', 'print JSON for scripts')
    .addHelpText(
      'after',
      examples([
        'confnotes list',
        'confnotes list --tag storage --min-rating 4',
        'confnotes list --all --type keynote --json',
        'confnotes list --day 2013-04-16 --sort rating',
      ]),
    )
    .action(load(() => import('./commands/list.js')));

  program
    .command('tags')
    .description('every tag with its number of notes, most used first')
    .option('--conf <slug>', 'one conference (default: the current one)')
    .option('--all', 'every conference')
    .option('--json', 'print JSON for scripts')
    .addHelpText('after', examples(['confnotes tags', 'confnotes tags --all --json']))
    .action(load(() => import('./commands/tags.js')));

  program
    .command('show')
    .description('print a note')
    .argument('<note>', 'note id, a unique prefix of it or of its title, or a path')
    .option('--json', 'print its fields as JSON instead')
    .option('--path', 'print only its path')
    .addHelpText('after', examples(['confnotes show 2013-04-16-1100', 'confnotes show fibre --json']))
    .action(load(() => import('./commands/show.js')));

  program
    .command('edit')
    .description('open a note in $VISUAL, else $EDITOR, else vi')
    .argument('<note>', 'note id, a unique prefix of it or of its title, or a path')
    .addHelpText(
      'after',
      examples(['confnotes edit fibre', 'EDITOR="code -w" confnotes edit 2013-04-16-1100']),
    )
    .action(load(() => import('./commands/edit.js')));

  program
    .command('templates')
    .description('list the note and report templates, and where each comes from')
    .addHelpText('after', examples(['confnotes templates']))
    .action(load(() => import('./commands/templates.js')));

  program
    .command('report')
    .description("compile a conference's notes into one trip report (Markdown, HTML or PDF)")
    .argument('[conf-slug]', 'the conference (default: the current one)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'md, html or pdf (default: from the -o file name, else md)',
      ).choices(['md', 'html', 'pdf']),
    )
    .option(
      '-o, --output <file>',
      'write to this file (md goes to stdout without it; html and pdf default to <slug>-trip-report.<ext>)',
    )
    .option(
      '--template <file>',
      'a report template file or name (default: templates/report.md of the workspace, else the built-in one)',
    )
    .option('--include-private', 'include private notes and <!-- private --> blocks')
    .addOption(
      new Option('--group-by <key>', 'group the sessions by type, day or track')
        .choices(['type', 'day', 'track'])
        .default('type'),
    )
    .option('--force', 'replace an existing -o file even if it is not a confnotes report')
    .addHelpText(
      'after',
      examples([
        'confnotes report > trip-report.md',
        'confnotes report openstack-summit-2013 --format html',
        'confnotes report -o report.pdf',
        'confnotes report --group-by day --template templates/email.md',
        'confnotes --dir notes report --format html -o /tmp/openstack.html',
      ]),
    )
    .action(load(() => import('./commands/report.js')));

  // @report-commands (issue 4)
  program
    .command('check')
    .description('find every problem in the notes (exit 1 if any), and repair the safe ones with --fix')
    .option('--conf <slug>', 'one conference (default: the current one)')
    .option('--all', 'every conference')
    .option(
      '--json',
      'print JSON for scripts: {checked, problems: [{path, line, rule, message, fixable}], fixed}',
    )
    .option('--fix', 'normalise tags and remove white space around front-matter keys, changing nothing else')
    .addHelpText(
      'after',
      examples([
        'confnotes check --all',
        'confnotes check --fix',
        'confnotes check --conf fosdem-2026 --json',
      ]),
    )
    .action(load(() => import('./commands/check.js')));
  // @check-commands (issue 7)
  program
    .command('import')
    .description(
      "import the conference programme (iCalendar .ics, Pentabarf/frab schedule.xml, pretalx/frab schedule.json, schedule v2 JSON) into the conference's programme.yml",
    )
    .argument('<file>', 'the exported programme; - reads stdin')
    .option('--conf <slug>', 'the conference (default: the current one)')
    .addOption(
      new Option('--format <format>', 'the file format (default: detected from the content)').choices([
        'ics',
        'pretalx',
        'pentabarf',
        'c3voc',
      ]),
    )
    .option('--replace', 'import even when the file shares no talk with the programme already imported')
    .addHelpText(
      'after',
      examples([
        'confnotes import ~/Downloads/schedule.ics',
        'curl -s https://pretalx.example.org/conf/schedule/export/schedule.json | confnotes import -',
        'confnotes import schedule.json --conf fosdem-2026 --format pretalx',
      ]),
    )
    .action(load(() => import('./commands/import.js')));

  program
    .command('agenda')
    .description(
      "the imported programme in the conference's time zone: talks with a note (✎), the one on now (▶), starred ones (★)",
    )
    .option('--day <date>', 'only this day, YYYY-MM-DD')
    .option('--today', 'only today (in the conference time zone)')
    .option('--tag <tag>', 'only entries with this tag or track')
    .option('--room <room>', 'only entries in this room')
    .option(
      '--search <text>',
      'only entries whose title, speakers, abstract, room or track contain this (any case)',
    )
    .option('--starred', 'only the talks you starred')
    .option('--star <uid>', 'star a talk you plan to attend (repeat for several)', collect)
    .option('--unstar <uid>', 'remove the star (repeat for several)', collect)
    .option('--conf <slug>', 'the conference (default: the current one)')
    .option('--json', 'print JSON for scripts')
    .addHelpText(
      'after',
      examples([
        'confnotes agenda --today',
        'confnotes agenda --day 2026-06-17 --room "Hall A"',
        'confnotes agenda --star SCS26-T6@spree-cloud.example.org',
        'confnotes agenda --starred --json',
        'confnotes new --from now',
      ]),
    )
    .action(load(() => import('./commands/agenda.js')));
  // @schedule-commands (issue 6)
  program
    .command('jot')
    .description('add a timestamped line to the current note while the speaker talks')
    .argument('[text...]', 'what to write; with none, each line piped on stdin')
    .option('--at <HH:MM>', 'the time to stamp (default: now)')
    .option('--note <note>', 'another note than the current one')
    .option('--todo', 'add a "- [ ]" follow-up to the Follow-ups section instead')
    .option('--quote', 'mark the line as a quote from the speaker')
    .addHelpText(
      'after',
      examples([
        'confnotes jot iSCSI is still the default, FC needs zoning',
        'confnotes jot --quote "Easy enough for a goat"',
        'confnotes jot --todo watch the Ceilometer video',
        'pbpaste | confnotes jot',
      ]),
    )
    .action(load(() => import('./commands/jot.js')));

  program
    .command('current')
    .description('print the path of the current note (the one jot writes to)')
    .option('--absolute', 'print an absolute path')
    .addHelpText('after', examples(['confnotes current', '$EDITOR "$(confnotes current)"']))
    .action(load(() => import('./commands/current.js')));

  program
    .command('open')
    .description('make a note the current one and open it in the editor')
    .argument('<note>', 'note id, a unique prefix of it or of its title, or a path')
    .option('--no-edit', 'only make it current')
    .addHelpText(
      'after',
      examples(['confnotes open fibre-channel', 'confnotes open 2013-04-16-1100 --no-edit']),
    )
    .action(load(() => import('./commands/open.js')));

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples([
        'confnotes completion bash > ~/.local/share/bash-completion/completions/confnotes',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expansion in an example command, not a template
        'confnotes completion zsh > "${fpath[1]}/_confnotes"',
        'confnotes completion fish > ~/.config/fish/completions/confnotes.fish',
      ]),
    )
    .action(
      load(() =>
        import('./commands/completion.js').then((m) => ({
          run: (env: CommandEnv, shell: string) => m.run(env, shell, program),
        })),
      ),
    );

  program
    .command('__complete', { hidden: true })
    .argument('<kind>', 'notes, tags or conferences')
    .action(load(() => import('./commands/completion.js').then((m) => ({ run: m.runCandidates }))));

  // @room-commands (issue 5)

  return program;
}
