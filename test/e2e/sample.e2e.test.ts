/** The sample conference shipped in notes/: a new user's first look must work, with no warning. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');

/** A copy of the sample, so tests never write into the repository. */
function sampleCopy(): string {
  const dir = path.join(tempDir(), 'notes');
  fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
  return dir;
}

describe('the shipped sample workspace', () => {
  it('lists every note of OpenStack Summit 2013 without a warning', () => {
    const dir = sampleCopy();
    const result = confnotes(['--dir', dir, 'list', '--json'], { cwd: path.dirname(dir) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const notes = JSON.parse(result.stdout) as {
      type: string;
      favourite: boolean;
      private: boolean;
      rating: number | null;
      tags: string[];
    }[];
    expect(notes.length).toBeGreaterThanOrEqual(12);
    expect(notes.length).toBeLessThanOrEqual(16);
    expect(notes.filter((note) => note.private)).toHaveLength(1);
    expect(notes.filter((note) => note.favourite)).toHaveLength(5);
    const types = new Set(notes.map((note) => note.type));
    for (const type of ['keynote', 'session', 'design-summit', 'workshop', '101', 'expo', 'hallway'])
      expect(types).toContain(type);
    const ratings = new Set(notes.map((note) => note.rating).filter(Boolean));
    expect([...ratings].sort()).toEqual([2, 3, 4, 5]);
  });

  it('has the conference, shared tags, open follow-ups and a private block', () => {
    const dir = sampleCopy();
    const conf = JSON.parse(confnotes(['--dir', dir, 'conf', 'list', '--json'], { cwd: dir }).stdout);
    expect(conf).toMatchObject([
      {
        slug: 'openstack-summit-2013',
        name: 'OpenStack Summit 2013',
        start: '2013-04-15',
        end: '2013-04-18',
        timezone: 'America/Los_Angeles',
      },
    ]);
    const tags = JSON.parse(confnotes(['--dir', dir, 'tags', '--json'], { cwd: dir }).stdout) as {
      tag: string;
      count: number;
    }[];
    expect(tags.filter((tag) => tag.count >= 3).length).toBeGreaterThanOrEqual(5);
    const texts = fs
      .readdirSync(path.join(dir, 'openstack-summit-2013'))
      .map((name) => fs.readFileSync(path.join(dir, 'openstack-summit-2013', name), 'utf8'));
    expect(texts.filter((text) => /^- \[ \] /m.test(text)).length).toBeGreaterThanOrEqual(3);
    expect(texts.filter((text) => text.includes('<!-- private -->'))).toHaveLength(1);
    for (const text of texts) expect(text).not.toMatch(/https?:\/\/(?!example\.org)/);
  });
});
