import { scanNotes } from '../core/note/store.js';
import { countSpeakers } from '../core/search/speakers.js';
import { conferenceSlugs } from '../core/workspace/conference.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { visible } from '../visible.js';
import { printProblems, scopeOf, workspaceOf } from './shared.js';

export async function run(
  env: CommandEnv,
  options: { conf?: string; all?: boolean; json?: boolean; width?: number },
): Promise<void> {
  const ws = workspaceOf(env);
  // Every conference unless one is named, as for search: people are seen again over the years.
  const scope = options.conf ? scopeOf(ws, options) : conferenceSlugs(ws);
  const { notes, problems } = scanNotes(ws, scope);
  printProblems(env, problems);
  const speakers = countSpeakers(notes);
  if (options.json) {
    env.out(JSON.stringify(speakers, null, 2));
    return;
  }
  if (speakers.length === 0) {
    env.say('no speakers yet; name them with: confnotes new "Talk title" --speaker "Name"');
    return;
  }
  env.out(
    await renderTable(
      ['speaker', 'talks'],
      speakers.map(({ speaker, count }) => [visible(speaker), String(count)]),
      {
        width: tableWidth(env.io.stdout, options.width),
        columns: { speaker: 'main' },
        align: { 1: 'right' },
      },
    ),
  );
}
