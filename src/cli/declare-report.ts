/** Declarations: reading the notes back, as a trip report (issue 4) and as a check (issue 7). */
import { type Command, Option } from 'commander';
import { examples, type Load } from './common.js';

export function declareReportCommands(program: Command, load: Load): void {
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
    .addOption(
      new Option(
        '--notes <when>',
        "show a session's jotted notes: auto (when it has no takeaways), always, never",
      )
        // No commander default: the core's is auto, and the parsed options stay as given.
        .choices(['auto', 'always', 'never']),
    )
    .option('--front-matter', 'begin a Markdown report with a YAML title block (default for -o *.md)')
    .option('--no-front-matter', 'no YAML title block, even for -o *.md')
    .option('--paper <size>', 'PDF paper: a4 or letter (default: from the locale, LC_PAPER then LANG)')
    .option('--skip-broken', 'leave out notes that cannot be read (each is named), instead of stopping')
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
    .action(load(() => import('../commands/report.js')));

  program
    .command('publish')
    .description(
      'write a copy of the notes for a static site (Hugo, Eleventy): private notes and blocks left out',
    )
    .argument(
      '<folder>',
      'the folder to write the copy into: outside the workspace, its parent existing; new, empty, or a previous copy (replaced whole but for files of yours)',
    )
    .option(
      '--conf <slug>',
      'one conference (default: every conference; one left out of a previous copy is removed from it)',
    )
    .option('--all', 'every conference (the default)')
    .option('--dry-run', 'say what would be published and what left out, and write nothing')
    .option('--strict', 'publish nothing (exit 1) when a file is left out for any reason but being private')
    .option(
      '--json',
      'print JSON for scripts: {folder, written, conferences, notes, files, private_notes, private_blocks, left_out: [{path, why}], kept, dropped}',
    )
    .addHelpText(
      'after',
      examples([
        'confnotes publish ~/site/content',
        'confnotes publish ../site/content --conf openstack-summit-2013',
        'confnotes publish /tmp/preview --dry-run --json',
      ]) +
        '\nExit codes: 0 when published (files left out are named on stderr and listed in --json),\n' +
        '1 for a folder it must not write, a file of yours where a note would go, or (--strict) a file\n' +
        'left out, 2 for usage.\n',
    )
    .action(load(() => import('../commands/publish.js')));

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
    .action(load(() => import('../commands/check.js')));
}
