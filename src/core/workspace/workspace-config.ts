import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { ConfnotesError } from '../../errors.js';
import { CONFIG_FILE, MARKER_DIR, type Workspace, type WorkspaceConfig } from './workspace.js';

const loaded = new WeakMap<Workspace, WorkspaceConfig>();

/** The workspace's `.confnotes/config.yml`, read once. */
export function workspaceConfig(ws: Workspace): WorkspaceConfig {
  const cached = loaded.get(ws);
  if (cached) return cached;
  const file = path.join(ws.root, MARKER_DIR, CONFIG_FILE);
  let config: WorkspaceConfig = {};
  try {
    const data: unknown = parseYamlText(fs.readFileSync(file, 'utf8'), { schema: 'core', maxAliasCount: 10 });
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const raw = data as Record<string, unknown>;
      config = {
        author: typeof raw.author === 'string' ? raw.author : undefined,
        disclaimer: typeof raw.disclaimer === 'string' ? raw.disclaimer : undefined,
      };
    }
  } catch (error) {
    throw new ConfnotesError(`${file}: cannot be read as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  loaded.set(ws, config);
  return config;
}
