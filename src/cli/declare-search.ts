/** Declarations: finding notes again, by words and by speaker (issue 17). */
import { type Command, Option } from 'commander';
import { NOTE_TYPES } from '../core/note/note-types.js';
import { collect, examples, integer, type Load, WIDTH_HELP, width } from './common.js';

export function declareSearchCommands(program: Command, load: Load): void {
  program
    .command('search')
    .description('find notes by words in their title, speakers, tags, summary or text, most relevant first')
    .argument(
      '<words...>',
      'words to find (all of them; the last one also as a prefix); "a phrase" in quotes',
    )
    .option('--tag <tag>', 'only notes with this tag or a child of it (repeat: all of them)', collect)
    .addOption(new Option('-t, --type <type>', 'only notes of this type').choices([...NOTE_TYPES]))
    .option('--speaker <name>', 'only talks by a speaker whose name holds this (repeat: all)', collect)
    .option('--day <date>', 'only notes of this day, YYYY-MM-DD')
    .option('--favourite', 'only favourites')
    .option('--min-rating <n>', 'only notes rated at least n', integer('--min-rating'))
    .option('--conf <slug>', 'one conference (default: every conference)')
    .option('--all', 'every conference (the default)')
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText(
      'after',
      examples([
        'confnotes search zoning',
        'confnotes search muller storage --conf openstack-summit-2013',
        'confnotes search "fibre channel" --min-rating 4',
        'confnotes search \'"fibre channel" zon\' --json',
      ]),
    )
    .action(load(() => import('../commands/search.js')));

  program
    .command('speakers')
    .description('every speaker with the number of their talks you have notes of, most first')
    .option('--conf <slug>', 'one conference (default: every conference)')
    .option('--all', 'every conference (the default)')
    .option('--json', 'print JSON for scripts: [{speaker, count, notes}]')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText('after', examples(['confnotes speakers', 'confnotes speakers --conf fosdem-2026 --json']))
    .action(load(() => import('../commands/speakers.js')));
}
