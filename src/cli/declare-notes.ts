/** Declarations: notes (`new`, `tag`, `untag`, `list`, `tags`, `show`, `edit`, `templates`, `set`, `rm`, `restore`). */
import { type Command, Option } from 'commander';
import { NOTE_TYPES } from '../core/note/note-types.js';
import {
  collect,
  examples,
  integer,
  NOTE_ARGUMENT,
  NOTE_PICKED,
  type Load,
  WIDTH_HELP,
  width,
} from './common.js';

export function declareNoteCommands(program: Command, load: Load): void {
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
      '--from <ref|now|next>',
      'fill the note from the imported programme: an entry ref (or uid), the talk on now, or the next one',
    )
    .addHelpText(
      'after',
      examples([
        'confnotes new "Orchestrating Fibre Channel in Cinder" --speaker "Jane Roe" --tag storage --tag cinder',
        'confnotes new "Opening keynote" --type keynote --at "2013-04-16 09:00" --duration 30',
        'confnotes new "Quantum lab" -t workshop --room B110 --edit',
      ]),
    )
    .action(function (this: Command, ...args: unknown[]) {
      // `new --from` fills the note from the programme: its own module, so plain `new` loads less.
      const from = (this.opts() as { from?: string }).from !== undefined;
      return load(() => (from ? import('../commands/new-from.js') : import('../commands/new.js'))).apply(
        this,
        args,
      );
    });

  program
    .command('tag')
    .description('add tags to a note (changes nothing else in the file)')
    .argument('[note]', NOTE_PICKED)
    .argument('[tags...]', 'tags to add (on a terminal, asked for when left out)')
    .addHelpText(
      'after',
      examples(['confnotes tag 2013-04-16-1100 storage enterprise', 'confnotes tag fibre "Storage/Cinder"']),
    )
    .action(load(() => import('../commands/tag.js').then((m) => ({ run: m.runTag }))));
  program
    .command('untag')
    .description('remove tags from a note (changes nothing else in the file)')
    .argument('<note>', NOTE_ARGUMENT)
    .argument('<tags...>', 'tags to remove')
    .addHelpText('after', examples(['confnotes untag 2013-04-16-1100 enterprise']))
    .action(load(() => import('../commands/tag.js').then((m) => ({ run: m.runUntag }))));

  program
    .command('list')
    .alias('ls')
    .description('list notes as a table, or as JSON for scripts')
    .option('--tag <tag>', 'only notes with this tag or a child of it (repeat: all of them)', collect)
    .addOption(new Option('-t, --type <type>', 'only notes of this type').choices([...NOTE_TYPES]))
    .option('--day <date>', 'only notes of this day, YYYY-MM-DD')
    .option('--favourite', 'only favourites')
    .option('--min-rating <n>', 'only notes rated at least n', integer('--min-rating'))
    .option(
      '--speaker <name>',
      'only talks by a speaker whose name holds this (any case or accents; repeat: all)',
      collect,
    )
    .option('--search <text>', 'only notes whose title, speakers, summary or text contain this (any case)')
    .option('--conf <slug>', 'one conference (default: the current one)')
    .option('--all', 'every conference')
    .addOption(new Option('--sort <key>', 'order').choices(['time', 'title', 'rating']).default('time'))
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText(
      'after',
      examples([
        'confnotes list',
        'confnotes list --tag storage --min-rating 4',
        'confnotes list --all --type keynote --json',
        'confnotes list --day 2013-04-16 --sort rating',
        'confnotes list --all --speaker muller',
      ]),
    )
    .action(load(() => import('../commands/list.js')));

  program
    .command('tags')
    .description('every tag with its number of notes, most used first')
    .option('--conf <slug>', 'one conference (default: the current one)')
    .option('--all', 'every conference')
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText('after', examples(['confnotes tags', 'confnotes tags --all --json']))
    .action(load(() => import('../commands/tags.js')));

  program
    .command('show')
    .description('print a note')
    .argument('[note]', NOTE_PICKED)
    .option('--json', 'print its fields as JSON instead')
    .option('--path', 'print only its path')
    .addHelpText('after', examples(['confnotes show 2013-04-16-1100', 'confnotes show fibre --json']))
    .action(load(() => import('../commands/show.js')));

  program
    .command('edit')
    .description('open a note in $VISUAL, else $EDITOR, else vi')
    .argument('[note]', NOTE_PICKED)
    .addHelpText(
      'after',
      examples(['confnotes edit fibre', 'EDITOR="code -w" confnotes edit 2013-04-16-1100']),
    )
    .action(load(() => import('../commands/edit.js')));

  program
    .command('templates')
    .description('list the note and report templates, and where each comes from')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText('after', examples(['confnotes templates']))
    .action(load(() => import('../commands/templates.js')));

  // Fixes without an editor: set fields, move a note to the trash and back.
  program
    .command('set')
    .description(
      'change front-matter fields of a note (field= removes one; nothing else in the file changes)',
    )
    .argument('[note]', NOTE_PICKED)
    .argument(
      '[field=value...]',
      '(on a terminal, asked for when left out) type, title, rating, room, track, speakers (comma-separated), summary, favourite, private, date, start, end; links as video=, slides=, link=URL (written flat); private=true also writes the flags site generators honour',
    )
    .option('--json', 'print the note afterwards as JSON (the list --json shape)')
    .addHelpText(
      'after',
      examples([
        'confnotes set fibre rating=4 room=B110',
        'confnotes set 2013-04-16-1100 speakers="Jane Roe, John Doe" favourite=true',
        'confnotes set fibre slides=https://example.org/fibre.pdf summary=',
      ]),
    )
    .action(load(() => import('../commands/set.js')));
  program
    .command('rm')
    .description('move a note to .confnotes/trash/ (never deletes; see restore)')
    .argument('<note>', NOTE_ARGUMENT)
    .option('--json', 'print what was moved as JSON')
    .addHelpText('after', examples(['confnotes rm fibre', 'confnotes rm conf/2013-04-16-1100-fibre.md']))
    .action(load(() => import('../commands/rm.js')));
  program
    .command('restore')
    .description('bring a note back from the trash; without a name, list the trash')
    .argument('[name]', 'its name in the trash (or a unique prefix of it or of the note id)')
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText(
      'after',
      examples(['confnotes restore', 'confnotes restore 20130416T180200Z.conf~2013-04-16-1100-fibre.md']),
    )
    .action(load(() => import('../commands/restore.js')));
}
