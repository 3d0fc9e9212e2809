import path from 'node:path';
import {
  chooseConference,
  conferenceSlugs,
  createConference,
  LINKED_FOLDER,
  linkedFolders,
  readConference,
  validateNewConference,
  type Conference,
  type NewConference,
} from '../core/workspace/conference.js';
import { scanEntries } from '../core/note/store.js';
import { findTemplate, renderTemplate, tidyFrontMatter } from '../core/templates.js';
import { readState, updateState } from '../core/workspace/workspace.js';
import { workspaceConfig } from '../core/workspace/workspace-config.js';
import { yamlValue } from '../core/front-matter/yaml-text.js';
import { NoteFileError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { renderTable, tableWidth } from '../ui/table.js';
import { visible } from '../visible.js';
import { pathForUser, workspaceOf } from './shared.js';

interface NewConfOptions extends Omit<NewConference, 'name'> {
  website?: string;
  author?: string;
}

export function runNew(env: CommandEnv, name: string, options: NewConfOptions): void {
  const ws = workspaceOf(env);
  const slug = validateNewConference({ name, ...options });
  // `--url` is the old name of `--website`; both write `website:` (Hugo reserves `url`).
  const website = options.website ?? options.url;
  if (website) {
    try {
      new URL(website);
    } catch {
      throw new UsageError(`--${options.website ? 'website' : 'url'} "${website}" is not a URL`);
    }
  }
  const values = {
    name: name.trim(),
    location: options.location ?? null,
    start: options.start,
    end: options.end,
    timezone: options.timezone ?? null,
    website: website ?? null,
    author: options.author ?? workspaceConfig(ws).author ?? null,
    disclaimer: null,
  };
  // Dates stay unquoted, as other Markdown tools expect; they were checked above.
  const yaml = {
    ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, yamlValue(value)])),
    start: values.start,
    end: values.end,
    // A workspace template of before 0.2 still says `url:`.
    url: yamlValue(values.website),
  };
  const text = tidyFrontMatter(
    renderTemplate(findTemplate(ws, 'conference', env.ctx.cwd), { ...values, yaml }),
  );
  const file = createConference(ws, slug, text);
  updateState(ws, { conference: slug, note: undefined });
  env.say(`created ${name.trim()} (${slug}); it is now the current conference`);
  env.out(pathForUser(env, file));
}

export function runUse(env: CommandEnv, slug: string): void {
  const ws = workspaceOf(env);
  chooseConference(ws, {}, slug);
  const state = readState(ws);
  updateState(ws, { conference: slug, note: state.conference === slug ? state.note : undefined });
  env.say(`current conference: ${slug}`);
}

export async function runList(env: CommandEnv, options: { json?: boolean; width?: number }): Promise<void> {
  const ws = workspaceOf(env);
  const state = readState(ws);
  const slugs = conferenceSlugs(ws);
  const current = slugs.includes(state.conference ?? '')
    ? state.conference
    : slugs.length === 1
      ? slugs[0]
      : undefined;
  for (const name of linkedFolders(ws)) env.warn(`${visible(name)}: ${LINKED_FOLDER}`);
  const rows: (Conference & { notes: number; current: boolean })[] = [];
  for (const slug of slugs) {
    try {
      const conference = readConference(ws, slug);
      // The notes `list` shows (through the same cache): a README or a half-written file is not one.
      rows.push({ ...conference, notes: scanEntries(ws, [slug]).found, current: slug === current });
    } catch (error) {
      if (error instanceof NoteFileError) env.warn(error.message);
      else throw error;
    }
  }
  if (options.json) {
    const data = rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      start: row.start,
      end: row.end,
      location: row.location,
      timezone: row.timezone,
      // Relative to the workspace, as every --json path (issue 19); abs_path for scripts.
      path: path.relative(ws.root, row.dir).split(path.sep).join('/'),
      abs_path: row.dir,
      current: row.current,
      notes: row.notes,
    }));
    env.out(JSON.stringify(data, null, 2));
    return;
  }
  if (rows.length === 0 && slugs.length > 0) {
    env.say(`none of the ${slugs.length} conference folders could be read (see the warnings above)`);
    return;
  }
  if (rows.length === 0) {
    env.say(
      'no conferences yet; start one with: confnotes conf new "Name" --start YYYY-MM-DD --end YYYY-MM-DD',
    );
    return;
  }
  const { color } = env;
  env.out(
    await renderTable(
      ['', 'slug', 'name', 'dates', 'location', 'notes'],
      rows.map((row) => [
        row.current ? color.green('*') : ' ',
        color.bold(visible(row.slug)),
        // conference.md is text anyone may have written: shown, never obeyed by the terminal.
        visible(row.name),
        visible([row.start, row.end].filter(Boolean).join(' – ')),
        visible(row.location ?? ''),
        String(row.notes),
      ]),
      {
        width: tableWidth(env.io.stdout, options.width),
        columns: { slug: 'id', location: 'secondary', name: 'main' },
        align: { 5: 'right' },
      },
    ),
  );
}
