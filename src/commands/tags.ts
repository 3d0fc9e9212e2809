import { tagCounter } from '../core/note/note-query.js';
import { scanEntries } from '../core/note/store.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { printProblems, scopeOf, workspaceOf } from './shared.js';

export async function run(
  env: CommandEnv,
  options: { conf?: string; all?: boolean; json?: boolean; width?: number },
): Promise<void> {
  const ws = workspaceOf(env);
  // Only the cached tags are looked at: no note is built, none kept.
  const counter = tagCounter();
  const { problems } = scanEntries(ws, scopeOf(ws, options), {
    keep: (tags) => {
      counter.add(tags);
      return false;
    },
  });
  printProblems(env, problems);
  const counts = counter.counts();
  if (options.json) {
    env.out(JSON.stringify(counts, null, 2));
    return;
  }
  if (counts.length === 0) {
    env.say('no tags yet; add some with: confnotes tag <note> <tag>...');
    return;
  }
  env.out(
    await renderTable(
      ['tag', 'notes'],
      counts.map(({ tag, count }) => [tag, String(count)]),
      { width: tableWidth(env.io.stdout, options.width), columns: { tag: 'main' }, align: { 1: 'right' } },
    ),
  );
}
