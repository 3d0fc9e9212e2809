/** Declarations: the conference programme (issue 6): `import` and `agenda` (`new --from` is with `new`). */
import { type Command, Option } from 'commander';
import { collect, examples, type Load, WIDTH_HELP, width } from './common.js';

export function declareProgrammeCommands(program: Command, load: Load): void {
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
    .option(
      '--update-notes',
      'bring the notes started from a talk that moved or was renamed in line: date, start, end, room, title',
    )
    .addHelpText(
      'after',
      examples([
        'confnotes import ~/Downloads/schedule.ics',
        'curl -s https://pretalx.example.org/conf/schedule/export/schedule.json | confnotes import -',
        'confnotes import schedule.json --conf fosdem-2026 --format pretalx',
        'confnotes import ~/Downloads/schedule.ics --update-notes',
      ]),
    )
    .action(load(() => import('../commands/import.js')));

  program
    .command('agenda')
    .description(
      "the imported programme in the conference's time zone: talks with a note (✎), the one on now (▶), starred ones (★)",
    )
    .option('--day <date>', 'only this day, YYYY-MM-DD')
    .option('--today', 'only today (in the conference time zone)')
    .option('--tag <tag>', 'only entries with this tag or track')
    .option('--room <room>', 'only entries in this room: its name, a prefix or a word of it (any case)')
    .option(
      '--search <text>',
      'only entries whose title, speakers, abstract, room or track contain this (any case)',
    )
    .option('--starred', 'only the talks you starred')
    .option('--star <ref>', 'star a talk you plan to attend, by its ref or uid (repeat for several)', collect)
    .option('--unstar <ref>', 'remove the star (repeat for several)', collect)
    .option('--star-from <file>', 'star the talks of a favourites export (pretalx "faved" .ics)')
    .addOption(
      new Option('--format <format>', 'table (default), json, or ics: the starred plan as iCalendar').choices(
        ['table', 'json', 'ics'],
      ),
    )
    .option('-o, --output <file>', 'write the starred plan as iCalendar to this file (- for stdout)')
    .option(
      '--remind <minutes>',
      'with the plan: a reminder this many minutes before each talk (default 10; 0: none)',
    )
    .option('--force', 'replace an -o file even if it is not an earlier plan export')
    .option('--conf <slug>', 'the conference (default: the current one)')
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText(
      'after',
      examples([
        'confnotes agenda --today',
        'confnotes agenda --day 2026-06-17 --room hall',
        'confnotes agenda --star k7m',
        'confnotes agenda --starred --json',
        'confnotes agenda --starred -o plan.ics --remind 5',
        'confnotes agenda --starred --format ics > plan.ics',
        'confnotes agenda --star-from ~/Downloads/faved.ics',
        'confnotes new --from now',
      ]),
    )
    .action(load(() => import('../commands/agenda.js')));
}
