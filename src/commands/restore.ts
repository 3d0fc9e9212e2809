import { findTrashEntry, listTrash, restoreNote } from '../core/note/note-trash.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { workspaceOf } from './shared.js';

export async function run(
  env: CommandEnv,
  name: string | undefined,
  options: { json?: boolean; width?: number },
): Promise<void> {
  const ws = workspaceOf(env);
  if (name === undefined) {
    const entries = listTrash(ws);
    if (options.json) {
      const rows = entries.map((entry) => ({
        name: entry.name,
        path: entry.path,
        removed_at: entry.removedAt,
      }));
      env.out(JSON.stringify(rows, null, 2));
    } else if (entries.length === 0) env.say('the trash is empty');
    else
      env.out(
        await renderTable(
          ['removed', 'note', 'name'],
          entries.map((entry) => [entry.removedAt, entry.path, entry.name]),
          // The trash name (what restore takes) goes first, as every table's reference does.
          { width: tableWidth(env.io.stdout, options.width), columns: { name: 'id', note: 'main' } },
        ),
      );
    return;
  }
  const entry = findTrashEntry(ws, name);
  const back = restoreNote(ws, entry);
  env.say(`restored ${back} from the trash`);
  if (options.json) env.out(JSON.stringify({ path: back, trash: entry.name }, null, 2));
}
