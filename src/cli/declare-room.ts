/** Declarations: in the room (issue 5): `jot`, `current`, `open`, and shell completion. */
import { Argument, type Command } from 'commander';
import type { CommandEnv } from '../io.js';
import { examples, NOTE_PICKED, type Load } from './common.js';

export function declareRoomCommands(program: Command, load: Load): void {
  program
    .command('jot')
    .description('add a timestamped line to the current note while the speaker talks')
    .argument(
      '[text...]',
      'what to write; with none, a capture session on a terminal, or each line piped on stdin',
    )
    .option('--at <HH:MM>', 'the time to stamp (default: now)')
    .option('--note [note]', 'another note than the current one (on a terminal, without a value: pick it)')
    .option('--todo', 'add a "- [ ]" follow-up to the Follow-ups section instead')
    .option('--quote', 'mark the line as a quote from the speaker')
    .option(
      '--since-start',
      'also stamp the time since the talk began, +12:30 (or since_start: true in config)',
    )
    .addHelpText(
      'after',
      examples([
        'confnotes jot',
        'confnotes jot iSCSI is still the default, FC needs zoning',
        'confnotes jot --quote "Easy enough for a goat"',
        'confnotes jot --todo watch the Ceilometer video',
        'pbpaste | confnotes jot',
        'tail -f talk.log | confnotes jot',
      ]),
    )
    .action(load(() => import('../commands/jot.js')));

  program
    .command('current')
    .description('print the path of the current note (the one jot writes to)')
    .option('--absolute', 'print an absolute path')
    .addHelpText('after', examples(['confnotes current', '$EDITOR "$(confnotes current)"']))
    .action(load(() => import('../commands/current.js')));

  program
    .command('open')
    .description('make a note the current one and open it in the editor')
    .argument('[note]', NOTE_PICKED)
    .option('--no-edit', 'only make it current')
    .addHelpText(
      'after',
      examples(['confnotes open fibre-channel', 'confnotes open 2013-04-16-1100 --no-edit']),
    )
    .action(load(() => import('../commands/open.js')));

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
        import('../commands/completion.js').then((m) => ({
          run: (env: CommandEnv, shell: string) => m.run(env, shell, program),
        })),
      ),
    );

  program
    .command('__complete', { hidden: true })
    .argument('<shell>')
    .argument('[words...]')
    .action(load(() => import('../commands/completion.js').then((m) => ({ run: m.candidatesFor(program) }))));
}
