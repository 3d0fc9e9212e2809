/** Tags that Obsidian, Hugo and the CLI agree on (issue 19), as a user meets them. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

describe("tags in Obsidian's alphabet", () => {
  it('new and tag write normalised tags and refuse a tag of digits with a suggestion', () => {
    const { root } = makeWorkspace();
    const env = { CONFNOTES_NOW: '2013-04-16T17:02:00Z' };
    const made = confnotes(['new', 'Rust for C++ people', '--tag', 'C++', '--tag', 'ML & AI'], {
      cwd: root,
      env,
    });
    expect(made.code, made.stderr).toBe(0);
    const file = path.join(root, made.stdout.trim());
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^tags: \[cpp, ml-ai\]$/m);

    const tagged = confnotes(['tag', 'rust', 'Node.js', 'C#'], { cwd: root });
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^tags: \[cpp, ml-ai, nodejs, csharp\]$/m);

    const before = fs.readFileSync(file, 'utf8');
    const refused = confnotes(['tag', 'rust', '2026'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"2026" is not a tag: a tag needs a letter');
    expect(refused.stderr).toContain('"y2026"');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const refusedNew = confnotes(['new', 'Other', '--tag', '2026'], { cwd: root, env });
    expect(refusedNew.code).toBe(2);
    expect(refusedNew.stderr).toContain('--tag "2026" is not a tag');
  });

  it('check flags tags outside the alphabet and --fix rewrites only them', () => {
    const { root, confDir } = makeWorkspace();
    const original = note(
      { tags: '[c++, "k8s:v1.30", storage]' },
      '## Notes\n- 10:01 kept as is: C++ & k8s:v1.30\n',
    );
    fs.writeFileSync(path.join(confDir, 'a.md'), original);
    const checked = confnotes(['check', '--json'], { cwd: root });
    expect(checked.code).toBe(1);
    const rules = JSON.parse(checked.stdout).problems.map(
      (p: { rule: string; message: string }) => p.message,
    );
    expect(rules).toEqual([
      'tag "c++" is not normalised: "cpp"',
      'tag "k8s:v1.30" is not normalised: "k8s-v130"',
    ]);
    const fixed = confnotes(['check', '--fix'], { cwd: root });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fs.readFileSync(path.join(confDir, 'a.md'), 'utf8')).toBe(
      original.replace('[c++, "k8s:v1.30", storage]', '[cpp, k8s-v130, storage]'),
    );
  });
});
