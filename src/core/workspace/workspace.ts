import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../context.js';
import { ConfnotesError } from '../../errors.js';
import { readInside } from './read-inside.js';
import { createExclusive, ensureDir, FileExistsError, replaceOwnFile } from '../safe-write.js';

/** The folder that marks a workspace, with its configuration inside. */
export const MARKER_DIR = '.confnotes';
export const CONFIG_FILE = 'config.yml';
const STATE_FILE = 'state.json';

export interface WorkspaceConfig {
  /** Used as the report's author when a conference names none. */
  author?: string;
  /** Used as the report's disclaimer when a conference has none. */
  disclaimer?: string;
}

export interface Workspace {
  root: string;
  /** How it was found, for messages: --dir, CONFNOTES_DIR, ancestor or default. */
  foundBy: 'option' | 'env' | 'ancestor' | 'default';
}

/** What the user was last working on; not notes, so safe to lose. */
export interface WorkspaceState {
  conference?: string;
  /** Workspace-relative path of the current note. */
  note?: string;
  /** The current note's conference time zone, kept here so `jot` need not read conference.md. */
  timezone?: string;
}

export function isWorkspace(dir: string): boolean {
  return fs.existsSync(path.join(dir, MARKER_DIR, CONFIG_FILE));
}

/** The per-user default workspace: `$CONFNOTES_HOME` or `~/confnotes`. */
export function defaultWorkspaceDir(ctx: Context): string {
  return ctx.env.CONFNOTES_HOME || path.join(ctx.homeDir, 'confnotes');
}

/**
 * Finds the workspace: the --dir option, then CONFNOTES_DIR, then the nearest
 * ancestor of the working directory holding `.confnotes/`, then the default.
 */
export function findWorkspace(ctx: Context, dirOption?: string): Workspace {
  const explicit = (dir: string, how: string, foundBy: Workspace['foundBy']): Workspace => {
    const root = path.resolve(ctx.cwd, dir);
    if (!isWorkspace(root)) {
      throw new ConfnotesError(
        `${root} (from ${how}) is not a confnotes workspace; create it with: confnotes init ${quoteArg(root)}`,
      );
    }
    return load(root, foundBy);
  };
  if (dirOption) return explicit(dirOption, '--dir', 'option');
  if (ctx.env.CONFNOTES_DIR) return explicit(ctx.env.CONFNOTES_DIR, 'CONFNOTES_DIR', 'env');
  for (let dir = path.resolve(ctx.cwd); ; dir = path.dirname(dir)) {
    if (isWorkspace(dir)) return load(dir, 'ancestor');
    if (path.dirname(dir) === dir) break;
  }
  const fallback = defaultWorkspaceDir(ctx);
  if (isWorkspace(fallback)) return load(fallback, 'default');
  throw new ConfnotesError(
    `no confnotes workspace here or above ${ctx.cwd}, and none at ${fallback}; create one with: confnotes init ${quoteArg(fallback)} (or pass --dir)`,
  );
}

function load(root: string, foundBy: Workspace['foundBy']): Workspace {
  // The configuration is read only by the commands that need it (workspace-config.ts),
  // so quick commands do not load a YAML parser.
  return { root, foundBy };
}

const CONFIG_TEXT = `# confnotes workspace: this folder holds one sub-folder per conference.
# Optional defaults for trip reports (a conference's own conference.md wins):
# author: Your Name
# disclaimer: These are my personal notes; opinions are my own.
`;

const README_TEXT = `# Conference notes

This folder is a confnotes workspace. Each conference has a folder with a
\`conference.md\` (its dates, place, your introduction and observations) and one
Markdown note per session, named so that \`ls\` lists them in time order.

- \`confnotes conf new "Name" --start YYYY-MM-DD --end YYYY-MM-DD\` starts a conference.
- \`confnotes new "Talk title" --speaker "Name" --tag topic\` starts a note.
- \`confnotes list\`, \`confnotes tags\` and \`confnotes report\` read them back.

Put your own note templates in \`templates/\` (same names as the built-in ones)
to override them. \`.confnotes/state.json\` only remembers the current
conference and note; it is safe to delete.
`;

/** Creates a workspace; an existing one is left exactly as it is. */
export function initWorkspace(dir: string): { root: string; created: boolean } {
  const root = path.resolve(dir);
  if (isWorkspace(root)) return { root, created: false };
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) {
    throw new ConfnotesError(`${root}: exists and is not a folder`);
  }
  ensureDir(path.join(root, MARKER_DIR));
  ensureDir(path.join(root, 'templates'));
  createIfAbsent(path.join(root, MARKER_DIR, CONFIG_FILE), CONFIG_TEXT);
  createIfAbsent(path.join(root, 'README.md'), README_TEXT);
  // Kept in git, a workspace shares its notes, not this machine's current note, cache or locks.
  createIfAbsent(
    path.join(root, MARKER_DIR, '.gitignore'),
    'state.json\ncache-*.json\nnotes-cache/\ncheck-cache/\nprogramme-cache/\nsearch/\n*.lock\n*.tmp*\n',
  );
  return { root, created: true };
}

function createIfAbsent(file: string, text: string): void {
  try {
    createExclusive(file, text);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
  }
}

/** State is a few short strings; anything larger is not ours. */
const MAX_STATE_BYTES = 64 * 1024;

export function readState(ws: Workspace): WorkspaceState {
  // A link out of the workspace, a FIFO or a device is refused by name (read-inside.ts).
  const text = readInside(ws.root, path.join(ws.root, MARKER_DIR, STATE_FILE), {
    shown: `${MARKER_DIR}/${STATE_FILE}`,
    maxBytes: MAX_STATE_BYTES,
  });
  if (text === null) return {};
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const raw = data as Record<string, unknown>;
    return {
      conference: typeof raw.conference === 'string' ? raw.conference : undefined,
      note: typeof raw.note === 'string' ? raw.note : undefined,
      timezone: typeof raw.timezone === 'string' ? raw.timezone : undefined,
    };
  } catch {
    // Missing or damaged state only means "nothing is current".
    return {};
  }
}

export function updateState(ws: Workspace, change: Partial<WorkspaceState>): void {
  const next = { ...readState(ws), ...change };
  replaceOwnFile(path.join(ws.root, MARKER_DIR, STATE_FILE), `${JSON.stringify(next, null, 2)}\n`);
}

/** Quotes a path for a command the user can copy, only when it needs it. */
export function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A workspace-relative, `/`-separated path. A plain path below the root is
 * cut by a slice (path.relative showed in profiles at 10,000 notes); anything
 * with `.`/`..` segments, doubled or trailing separators goes to path.relative.
 */
export function relativeToWorkspace(ws: Workspace, file: string): string {
  const prefix = ws.root.endsWith(path.sep) ? ws.root : ws.root + path.sep;
  if (path.sep === '/' && file.startsWith(prefix)) {
    const rest = file.slice(prefix.length);
    if (
      rest !== '' &&
      !rest.startsWith('/') &&
      !rest.includes('//') &&
      !rest.endsWith('/') &&
      !/(?:^|\/)\.\.?(?:\/|$)/.test(rest)
    )
      return rest;
  }
  return path.relative(ws.root, file).split(path.sep).join('/');
}
