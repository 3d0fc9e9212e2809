/** Finding, rendering and listing templates (templates.ts): paths, names, fallbacks and what is refused. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTemplate, listTemplates, renderTemplate, tidyFrontMatter } from '../../src/core/templates.js';
import { makeWorkspace, tempDir } from '../helpers/workspace.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function workspace() {
  const made = makeWorkspace();
  folders.push(path.dirname(made.root));
  return made;
}

describe('findTemplate', () => {
  it('reads a path outside any workspace, and says when it is missing', () => {
    const dir = tempDir();
    folders.push(dir);
    fs.writeFileSync(path.join(dir, 'mine.mustache'), 'Hello {{name}}');
    expect(findTemplate(null, 'mine.mustache', dir)).toMatchObject({
      name: 'mine.mustache',
      origin: 'file',
      text: 'Hello {{name}}',
    });
    const missing = path.join(dir, 'sub', 'none.md');
    expect(() => findTemplate(null, 'sub/none.md', dir)).toThrow(
      `template ${missing}: cannot be read: no such file`,
    );
  });

  it('takes the workspace override first, then a fallback, then the built-in; refuses a bad name', () => {
    const { ws, root } = workspace();
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates', 'talk.md'), 'mine');
    expect(findTemplate(ws, 'talk', root)).toMatchObject({ origin: 'workspace', text: 'mine' });
    expect(findTemplate(ws, 'nothing-here', root, ['talk'])).toMatchObject({
      name: 'talk',
      origin: 'workspace',
    });
    expect(findTemplate(ws, 'report', root).origin).toBe('built-in');
    expect(findTemplate(null, 'report', root).origin).toBe('built-in');
    expect(() => findTemplate(ws, 'nothing-here', root)).toThrow(
      `no template "nothing-here" in ${path.join(root, 'templates')} or the built-in templates`,
    );
    expect(() => findTemplate(null, 'nothing-here', root)).toThrow(
      'no template "nothing-here" in the built-in templates',
    );
    expect(() => findTemplate(ws, 'a b', root)).toThrow(
      '"a b" is not a template name (letters, digits, - and _)',
    );
  });
});

describe('renderTemplate and tidyFrontMatter', () => {
  it('renders without HTML escapes; a broken template names its file', () => {
    const source = { name: 't', file: '/x/t.md', text: 'a {{v}} b', origin: 'file' as const };
    expect(renderTemplate(source, { v: '<&>' })).toBe('a <&> b');
    expect(() => renderTemplate({ ...source, text: '{{#open}} never closed' }, {})).toThrow(
      /^template \/x\/t\.md: /,
    );
  });

  it('drops trailing blanks in the front matter only, and leaves text without one as it is', () => {
    expect(tidyFrontMatter('---\ntrack: \ntitle: T\t\n---\nbody  \n')).toBe(
      '---\ntrack:\ntitle: T\n---\nbody  \n',
    );
    expect(tidyFrontMatter('no front matter  \n')).toBe('no front matter  \n');
  });
});

describe('listTemplates', () => {
  it('lists the built-ins, a workspace override in their place, never a README', () => {
    const { ws, root } = workspace();
    const builtins = listTemplates(null);
    expect(builtins.every((one) => one.origin === 'built-in')).toBe(true);
    expect(builtins.map((one) => one.name)).toContain('report');
    fs.rmSync(path.join(root, 'templates'), { recursive: true, force: true });
    expect(listTemplates(ws)).toEqual(builtins); // no templates/ folder
    fs.mkdirSync(path.join(root, 'templates'));
    fs.writeFileSync(path.join(root, 'templates', 'report.md'), 'mine');
    fs.writeFileSync(path.join(root, 'templates', 'README.md'), 'about');
    const listed = listTemplates(ws);
    expect(listed.find((one) => one.name === 'report')?.origin).toBe('workspace');
    expect(listed.map((one) => one.name)).not.toContain('README');
    expect(listed).toHaveLength(builtins.length);
  });
});
