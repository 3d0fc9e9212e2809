import path from 'node:path';
import { yamlLib } from '../front-matter/yaml-libs.js';
import { fastYamlData } from '../front-matter/fast-yaml.js';
import { ConfnotesError } from '../../errors.js';
import { keepParse, keptParse, regularFileStamp } from './parsed-file-cache.js';
import { readInside } from './read-inside.js';
import { CONFIG_FILE, MARKER_DIR, type Workspace, type WorkspaceConfig } from './workspace.js';

const loaded = new WeakMap<Workspace, WorkspaceConfig>();

/**
 * The workspace's `.confnotes/config.yml`, read once per process, and parsed
 * only when it changed since it was last (parsed-file-cache.ts).
 */
export function workspaceConfig(ws: Workspace): WorkspaceConfig {
  const cached = loaded.get(ws);
  if (cached) return cached;
  const stamp = regularFileStamp(ws, MARKER_DIR, CONFIG_FILE);
  const key = `${MARKER_DIR}/${CONFIG_FILE}`;
  const kept = stamp && keptParse(ws, key, stamp, readConfigText, isConfigFields);
  if (kept) {
    const config = withoutNulls(kept);
    loaded.set(ws, config);
    return config;
  }
  const file = path.join(ws.root, MARKER_DIR, CONFIG_FILE);
  // Only a regular file inside the workspace, and small (read-inside.ts).
  const text = readInside(ws.root, file, { shown: key, maxBytes: 1024 * 1024 }) ?? '';
  const fields = readConfigText(text, file);
  if (stamp) keepParse(ws, key, stamp, readConfigText, fields);
  const config = withoutNulls(fields);
  loaded.set(ws, config);
  return config;
}

/** What the config gives, null where it gives nothing. */
interface ConfigFields {
  author: string | null;
  disclaimer: string | null;
}

function isConfigFields(value: unknown): value is ConfigFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return (
    Object.keys(fields).length === 2 &&
    (['author', 'disclaimer'] as const).every((k) => fields[k] === null || typeof fields[k] === 'string')
  );
}

const withoutNulls = (fields: ConfigFields): WorkspaceConfig => ({
  author: fields.author ?? undefined,
  disclaimer: fields.disclaimer ?? undefined,
});

function readConfigText(text: string, file: string): ConfigFields {
  try {
    // The plain shape through fast-yaml.ts (as a note's front matter), the rest through `yaml`.
    const data: unknown =
      fastYamlData(text)?.data ?? yamlLib().parse(text, { schema: 'core', maxAliasCount: 10 });
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const raw = data as Record<string, unknown>;
      return {
        author: typeof raw.author === 'string' ? raw.author : null,
        disclaimer: typeof raw.disclaimer === 'string' ? raw.disclaimer : null,
      };
    }
  } catch (error) {
    throw new ConfnotesError(`${file}: cannot be read as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { author: null, disclaimer: null };
}
