/** Front matter every tool reads (issue 19): no nulls, no type changes, flat links, `website`, a migration. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findFrontMatter } from '../../src/core/front-matter/front-matter-bounds.js';
import { confnotes } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const env = { CONFNOTES_NOW: '2013-04-16T17:02:00Z' };

/** The front matter as a YAML 1.1 and a YAML 1.2 reader see it; the two must agree. */
function readBoth(text: string): Record<string, unknown> {
  const bounds = findFrontMatter(text);
  const yaml = text.slice(bounds.yamlStart, bounds.yamlEnd);
  const old = parse(yaml, { version: '1.1' }) as Record<string, unknown>;
  const now = parse(yaml, { version: '1.2' }) as Record<string, unknown>;
  // A 1.1 reader makes a date of `2013-04-16` (a timestamp); that is the one difference allowed.
  const day = (_: string, value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/.test(value) ? value.slice(0, 10) : value;
  expect(JSON.stringify(old, day)).toBe(JSON.stringify(now, day));
  return now;
}

const noNulls = (data: Record<string, unknown>) =>
  expect(Object.entries(data).filter(([, value]) => value === null || value === '')).toEqual([]);

describe('front matter every tool reads', () => {
  it('new writes only fields with a value, quotes what would change type, and links flat', () => {
    const { root } = makeWorkspace();
    const bare = confnotes(['new', 'Bare talk'], { cwd: root, env });
    expect(bare.code, bare.stderr).toBe(0);
    const bareData = readBoth(fs.readFileSync(path.join(root, bare.stdout.trim()), 'utf8'));
    noNulls(bareData);
    expect(Object.keys(bareData)).not.toContain('track');
    expect(Object.keys(bareData)).not.toContain('summary');

    const full = confnotes(
      [
        'new',
        'Basics',
        '--type',
        '101',
        '--room',
        '101',
        '--link',
        'https://youtu.be/x',
        '--link',
        'paper=https://example.org/p',
      ],
      { cwd: root, env },
    );
    expect(full.code, full.stderr).toBe(0);
    const text = fs.readFileSync(path.join(root, full.stdout.trim()), 'utf8');
    expect(text).toMatch(/^type: "101"$/m);
    expect(text).toMatch(/^room: "101"$/m);
    expect(text).toMatch(/^video: https:\/\/youtu\.be\/x$/m);
    expect(text).toMatch(/^paper: https:\/\/example\.org\/p$/m);
    expect(text).not.toContain('links:');
    const data = readBoth(text);
    noNulls(data);
    expect(data.type).toBe('101');

    const shown = confnotes(['show', 'basics', '--json'], { cwd: root });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).links).toEqual({
      video: 'https://youtu.be/x',
      paper: 'https://example.org/p',
    });
    const checked = confnotes(['check'], { cwd: root });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const refused = confnotes(['new', 'X', '--link', 'title=https://example.org'], { cwd: root, env });
    expect(refused.code).toBe(2);
  });

  it('conf new writes website (from --website or the old --url), and the report reads url too', () => {
    const { root } = makeWorkspace();
    for (const [flag, slug] of [
      ['--website', 'a-2026'],
      ['--url', 'b-2026'],
    ] as const) {
      const made = confnotes(
        ['conf', 'new', slug, '--start', '2026-01-01', '--end', '2026-01-02', flag, 'https://example.org/c'],
        { cwd: root },
      );
      expect(made.code, made.stderr).toBe(0);
      const text = fs.readFileSync(path.join(root, slug, 'conference.md'), 'utf8');
      expect(text).toMatch(/^website: https:\/\/example\.org\/c$/m);
      expect(text).not.toMatch(/^url:/m);
      noNulls(readBoth(text));
    }
  });
});

describe('check --fix on an old conference.md', () => {
  it('renames url to website, and the conference still reads its site', () => {
    const { root, confDir } = makeWorkspace(
      '---\nname: Old Conf\nstart: 2013-04-15\nend: 2013-04-18\nurl: https://example.org/old\n---\n## Introduction\n\nHi.\n',
    );
    const checked = confnotes(['check'], { cwd: root });
    expect(checked.stdout + checked.stderr).toContain('[conference-url, fixable]');
    const fixed = confnotes(['check', '--fix'], { cwd: root });
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    const text = fs.readFileSync(path.join(confDir, 'conference.md'), 'utf8');
    expect(text).toBe(
      '---\nname: Old Conf\nstart: 2013-04-15\nend: 2013-04-18\nwebsite: https://example.org/old\n---\n## Introduction\n\nHi.\n',
    );
  });
});
