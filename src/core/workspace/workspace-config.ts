import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { fastYamlData } from '../front-matter/fast-yaml.js';
import { ConfnotesError } from '../../errors.js';
import { readInside } from './read-inside.js';
import { CONFIG_FILE, MARKER_DIR, type Workspace, type WorkspaceConfig } from './workspace.js';

const loaded = new WeakMap<Workspace, WorkspaceConfig>();

/** The workspace's `.confnotes/config.yml`, read once. */
export function workspaceConfig(ws: Workspace): WorkspaceConfig {
  const cached = loaded.get(ws);
  if (cached) return cached;
  const file = path.join(ws.root, MARKER_DIR, CONFIG_FILE);
  let config: WorkspaceConfig = {};
  // Only a regular file inside the workspace, and small (read-inside.ts).
  const text =
    readInside(ws.root, file, { shown: `${MARKER_DIR}/${CONFIG_FILE}`, maxBytes: 1024 * 1024 }) ?? '';
  try {
    // The plain shape through fast-yaml.ts (as a note's front matter), the rest through `yaml`.
    const data: unknown =
      fastYamlData(text)?.data ?? parseYamlText(text, { schema: 'core', maxAliasCount: 10 });
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
