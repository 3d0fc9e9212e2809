/**
 * Private in any spelling, through the built CLI: a note whose `private` is
 * not the plain boolean (which the note model reads as false) and private
 * markers in a front-matter field stay out of every report format.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): { root: string; confDir: string } {
  const { root, confDir } = makeWorkspace();
  made.push(path.dirname(root));
  return { root, confDir };
}

describe('report', () => {
  it('leaves out notes marked private in any spelling, and marked parts of fields, in Markdown and HTML', () => {
    const { root, confDir } = workspace();
    const spellings = ['"true"', 'yes', 'on', '1'];
    spellings.forEach((value, i) => {
      fs.writeFileSync(path.join(confDir, `secret-${i}.md`), note({ title: `Secret ${i}`, private: value }));
    });
    fs.writeFileSync(path.join(confDir, 'shouting.md'), note({ title: 'Secret loud', PRIVATE: 'yes' }));
    fs.writeFileSync(
      path.join(confDir, 'public.md'),
      note({
        title: 'Public talk',
        summary: '"Good <!-- PRIVATE -->pricing from VMware<!-- /private -->talk"',
      }),
    );
    for (const format of ['md', 'html']) {
      const out = path.join(path.dirname(root), `report.${format}`);
      const result = confnotes(['--dir', root, 'report', 'conf', '-o', out], { cwd: root });
      expect(result.stderr).toContain('1 note, 5 private left out');
      expect(result.code).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      expect(text).toContain('Public talk');
      expect(text).not.toContain('Secret');
      expect(text).not.toContain('VMware');
    }
    const all = confnotes(['--dir', root, 'report', 'conf', '--include-private'], { cwd: root });
    expect(all.stdout).toContain('Secret loud');
    expect(all.stdout).toContain('pricing from VMware');
  });
});
