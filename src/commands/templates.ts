import { listTemplates } from '../core/templates.js';
import { findWorkspace, type Workspace } from '../core/workspace/workspace.js';
import { ConfnotesError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';

export async function run(env: CommandEnv, options: { width?: number } = {}): Promise<void> {
  let ws: Workspace | null = null;
  try {
    ws = findWorkspace(env.ctx, env.dir);
  } catch (error) {
    if (!(error instanceof ConfnotesError)) throw error;
  }
  const rows = listTemplates(ws).map((template) => [template.name, template.origin, template.file]);
  env.out(
    await renderTable(['name', 'from', 'file'], rows, {
      width: tableWidth(env.io.stdout, options.width),
      columns: { file: 'secondary', name: 'main' },
    }),
  );
}
