/** Declarations: the workspace and its conferences (`init`, `conf new|use|list|set`). */
import type { Command } from 'commander';
import { examples, type Load, WIDTH_HELP, width } from './common.js';

export function declareWorkspaceCommands(program: Command, load: Load): void {
  program
    .command('init')
    .description('create a notes workspace (never touches an existing one)')
    .argument('[path]', 'where to create it (default: ~/confnotes)')
    .addHelpText('after', examples(['confnotes init ~/notes/conferences', 'confnotes init']))
    .action(load(() => import('../commands/init.js')));

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
    .option('--website <url>', "the conference's web site")
    .option('--url <url>', 'old name of --website')
    .option('--author <name>', 'who writes the trip report')
    .addHelpText(
      'after',
      examples([
        'confnotes conf new "FOSDEM 2026" --start 2026-01-31 --end 2026-02-01 --location "Brussels, Belgium" --timezone Europe/Brussels',
      ]),
    )
    .action(load(() => import('../commands/conf.js').then((m) => ({ run: m.runNew }))));
  conf
    .command('use')
    .description('make a conference the current one')
    .argument('<slug>', 'the conference folder name')
    .addHelpText('after', examples(['confnotes conf use fosdem-2026']))
    .action(load(() => import('../commands/conf.js').then((m) => ({ run: m.runUse }))));
  conf
    .command('list')
    .description('list the conferences of the workspace')
    .option('--json', 'print JSON for scripts')
    .option('--width <n>', WIDTH_HELP, width)
    .addHelpText('after', examples(['confnotes conf list', 'confnotes conf list --json']))
    .action(load(() => import('../commands/conf.js').then((m) => ({ run: m.runList }))));
  conf
    .command('set')
    .description("change fields of a conference's conference.md (field= removes one; nothing else changes)")
    .argument(
      '<field=value...>',
      'name, location, start, end, timezone, url (or website), author, disclaimer',
    )
    .option('--conf <slug>', 'the conference (default: the current one)')
    .option('--json', 'print the conference afterwards as JSON')
    .addHelpText(
      'after',
      examples([
        'confnotes conf set timezone=Europe/Brussels location="Brussels, Belgium"',
        'confnotes conf set --conf fosdem-2026 url=https://fosdem.org/2026/ disclaimer=',
      ]),
    )
    .action(load(() => import('../commands/conf-set.js')));
}
