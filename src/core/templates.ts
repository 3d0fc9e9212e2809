/**
 * Templates are Mustache files (logic-less): the built-in ones in the
 * project's `templates/`, overridden by name by a workspace's `templates/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { ConfnotesError } from '../errors.js';
import { findFrontMatter, FrontMatterError } from './front-matter/front-matter-bounds.js';
import { readInside } from './workspace/read-inside.js';
import type { Workspace } from './workspace/workspace.js';

export interface TemplateSource {
  name: string;
  file: string;
  text: string;
  origin: 'workspace' | 'built-in' | 'file';
}

let builtinDir: string | undefined;

/** The project's `templates/` folder, found from this module's own location. */
export function builtinTemplatesDir(): string {
  if (builtinDir) return builtinDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      fs.existsSync(path.join(dir, 'package.json')) &&
      fs.existsSync(path.join(dir, 'templates', 'note.md'))
    ) {
      builtinDir = path.join(dir, 'templates');
      return builtinDir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('the built-in templates folder is missing from this confnotes installation');
    dir = parent;
  }
}

/**
 * Finds a template by name (`keynote`, `report`, ...) or by path. A name is
 * looked up in the workspace's `templates/` first, then among the built-ins;
 * `fallbacks` are tried in turn when the name itself is not found.
 */
export function findTemplate(
  ws: Workspace | null,
  nameOrPath: string,
  cwd: string,
  fallbacks: string[] = [],
): TemplateSource {
  if (/[\\/]/.test(nameOrPath) || /\.(md|mustache|html)$/i.test(nameOrPath)) {
    const file = path.resolve(cwd, nameOrPath);
    // A path the user typed may be anywhere, but one inside the workspace may not lead out of it.
    const inside = ws !== null && file.startsWith(ws.root + path.sep);
    const text = readInside(inside ? ws.root : null, file, { shown: `template ${file}` });
    if (text === null) throw new ConfnotesError(`template ${file}: cannot be read: no such file`);
    return { name: path.basename(file), file, text, origin: 'file' };
  }
  for (const name of [nameOrPath, ...fallbacks]) {
    if (!/^[\w-]+$/.test(name))
      throw new ConfnotesError(`"${name}" is not a template name (letters, digits, - and _)`, 2);
    const places: [string, string, TemplateSource['origin']][] = [];
    if (ws) places.push([ws.root, path.join(ws.root, 'templates', `${name}.md`), 'workspace']);
    places.push([builtinTemplatesDir(), path.join(builtinTemplatesDir(), `${name}.md`), 'built-in']);
    for (const [root, file, origin] of places) {
      // Overrides are read like every workspace file: no link out, no FIFO or device (read-inside.ts).
      const text = readInside(root, file, { shown: `template ${file}` });
      if (text !== null) return { name, file, text, origin };
    }
  }
  const where = ws
    ? `${path.join(ws.root, 'templates')} or the built-in templates`
    : 'the built-in templates';
  throw new ConfnotesError(`no template "${nameOrPath}" in ${where}`, 2);
}

/** Renders without HTML escaping: values meant for YAML come pre-quoted (see note views). */
export function renderTemplate(template: TemplateSource, view: object): string {
  try {
    return Mustache.render(template.text, view, undefined, { escape: (value: unknown) => String(value) });
  } catch (error) {
    throw new ConfnotesError(`template ${template.file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Drops trailing blanks from the front-matter lines of freshly rendered text
 * (an empty value leaves "track: "), so new files start clean.
 */
export function tidyFrontMatter(text: string): string {
  let bounds: ReturnType<typeof findFrontMatter>;
  try {
    bounds = findFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return text; // no front matter to tidy; the caller's check reports it
    throw error;
  }
  const yaml = text.slice(bounds.yamlStart, bounds.yamlEnd).replace(/[ \t]+(\r?\n)/g, '$1');
  return text.slice(0, bounds.yamlStart) + yaml + text.slice(bounds.yamlEnd);
}

/** Names of every template the workspace can use, with where each comes from. */
export function listTemplates(
  ws: Workspace | null,
): { name: string; origin: TemplateSource['origin']; file: string }[] {
  const found = new Map<string, { name: string; origin: TemplateSource['origin']; file: string }>();
  const add = (dir: string, origin: TemplateSource['origin']) => {
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md');
    } catch {
      return;
    }
    for (const file of names)
      found.set(file.slice(0, -3), { name: file.slice(0, -3), origin, file: path.join(dir, file) });
  };
  add(builtinTemplatesDir(), 'built-in');
  if (ws) add(path.join(ws.root, 'templates'), 'workspace');
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
