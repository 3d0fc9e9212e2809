/**
 * conference.md and config.yml through the parsed-file cache: what a kept
 * entry gives is what reading the file gives; an edit (even one that puts the
 * size and mtime back), a broken file, a link, a damaged or tampered cache are
 * never answered from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConference } from '../../src/core/workspace/conference.js';
import { PARSED_FILE_CACHE } from '../../src/core/workspace/parsed-file-cache.js';
import { workspaceConfig } from '../../src/core/workspace/workspace-config.js';
import { findWorkspace, MARKER_DIR } from '../../src/core/workspace/workspace.js';
import { defaultConference, makeWorkspace, testContext } from '../helpers/workspace.js';

const roots: string[] = [];
beforeEach(() => {
  // Files written by a test are new; the cache keeps only files unchanged for 2 s: be a minute later.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
});
afterEach(() => {
  vi.useRealTimers();
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

function setUp(conference = defaultConference) {
  const made = makeWorkspace(conference);
  roots.push(made.root);
  return {
    ...made,
    cacheFile: path.join(made.root, MARKER_DIR, PARSED_FILE_CACHE),
    confFile: path.join(made.confDir, 'conference.md'),
  };
}

/** A Workspace object of its own, as a new process would have (workspaceConfig keeps one per object). */
const fresh = (root: string) => findWorkspace(testContext(root));
const plain = (conference: ReturnType<typeof readConference>) => JSON.parse(JSON.stringify(conference));
const kept = (cacheFile: string) => JSON.parse(fs.readFileSync(cacheFile, 'utf8')).files;
/** The cache is written once a command's synchronous work is done: wait for that. */
const written = () => new Promise((resolve) => setImmediate(resolve));

describe('the parsed-file cache', () => {
  it('answers readConference from the kept fields while conference.md is unchanged, body and all', async () => {
    const { root, ws, cacheFile } = setUp();
    const first = plain(readConference(ws, 'conf'));
    await written();
    expect(first).toMatchObject({
      name: 'Test Conf 2013',
      timezone: 'America/Los_Angeles',
      body: '## Introduction\n\nHello.\n',
    });
    expect(Object.keys(kept(cacheFile))).toContain('conf/conference.md');
    // Mark the kept entry: a second reading that shows the mark came from the cache.
    const file = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    file.files['conf/conference.md'][5].location = 'From the cache';
    fs.writeFileSync(cacheFile, JSON.stringify(file));
    const again = plain(readConference(fresh(root), 'conf'));
    expect(again).toEqual({ ...first, location: 'From the cache' });
  });

  it('reads conference.md again after an edit that puts its size and mtime back', () => {
    const { root, ws, confFile } = setUp();
    expect(readConference(ws, 'conf').location).toBe('Portland');
    const before = fs.statSync(confFile);
    fs.writeFileSync(confFile, defaultConference.replace('Portland', 'Portlnad'));
    fs.utimesSync(confFile, before.atime, before.mtime);
    vi.setSystemTime(Date.now() + 60_000);
    expect(readConference(fresh(root), 'conf').location).toBe('Portlnad');
  });

  it('never keeps a broken conference.md: it is reported every time', async () => {
    const { root, ws, confFile, cacheFile } = setUp();
    readConference(ws, 'conf');
    await written();
    fs.writeFileSync(confFile, defaultConference.replace('start: 2013-04-15', 'start: someday'));
    vi.setSystemTime(Date.now() + 60_000);
    for (let i = 0; i < 2; i++)
      expect(() => readConference(fresh(root), 'conf')).toThrow(
        /conference\.md(:\d+)?: start "someday" is not a date/,
      );
    await written();
    // What is kept is the good version's, which the broken file's stamp does not match.
    expect(kept(cacheFile)['conf/conference.md'][0]).not.toBe(fs.statSync(confFile).size);
  });

  it('does not keep a file changed in the last 2 seconds', () => {
    const { ws, cacheFile } = setUp();
    vi.useRealTimers();
    expect(readConference(ws, 'conf').name).toBe('Test Conf 2013');
    expect(fs.existsSync(cacheFile)).toBe(false);
  });

  it('goes through readInside for a conference.md that is a link, every time', () => {
    const { root, confFile, cacheFile } = setUp();
    const outside = path.join(path.dirname(root), 'outside.md');
    fs.writeFileSync(outside, defaultConference);
    fs.rmSync(confFile);
    fs.symlinkSync(outside, confFile);
    for (let i = 0; i < 2; i++)
      expect(() => readConference(fresh(root), 'conf')).toThrow(/outside the workspace/);
    expect(fs.existsSync(cacheFile) && kept(cacheFile)['conf/conference.md']).toBeFalsy();
  });

  it('ignores a damaged cache, an entry of the wrong shape, another reader or another build', async () => {
    const { root, ws, cacheFile } = setUp();
    const expected = plain(readConference(ws, 'conf'));
    await written();
    const good = fs.readFileSync(cacheFile, 'utf8');
    const tamper = (change: (file: { format: string; files: Record<string, unknown[]> }) => void) => {
      const file = JSON.parse(good);
      change(file);
      fs.writeFileSync(cacheFile, JSON.stringify(file));
    };
    const cases: ((file: { format: string; files: Record<string, unknown[]> }) => void)[] = [
      (file) => {
        file.files['conf/conference.md']![5] = { name: 'Evil' };
      },
      (file) => {
        (file.files['conf/conference.md']![5] as Record<string, unknown>).name = 42;
      },
      (file) => {
        file.files['conf/conference.md']![4] = '0000000000000000';
      },
      (file) => {
        file.format = 'confnotes parsed files 0';
      },
      (file) => {
        file.files['conf/conference.md']![0] = 1;
      },
    ];
    for (const change of cases) {
      tamper(change);
      expect(plain(readConference(fresh(root), 'conf'))).toEqual(expected);
      await written();
    }
    fs.writeFileSync(cacheFile, '{"format": ');
    expect(plain(readConference(fresh(root), 'conf'))).toEqual(expected);
    await written();
    expect(kept(cacheFile)['conf/conference.md']).toBeDefined();
  });

  it('keeps config.yml, and sees its change, in the author a conference without one takes', async () => {
    const { root, ws, confFile, cacheFile } = setUp();
    fs.writeFileSync(path.join(root, MARKER_DIR, 'config.yml'), 'author: Ada Byron\n');
    vi.setSystemTime(Date.now() + 60_000);
    expect(readConference(ws, 'conf').author).toBe('Ada Byron');
    expect(workspaceConfig(fresh(root)).author).toBe('Ada Byron');
    await written();
    expect(kept(cacheFile)['.confnotes/config.yml']?.[5]).toEqual({ author: 'Ada Byron', disclaimer: null });
    fs.writeFileSync(path.join(root, MARKER_DIR, 'config.yml'), 'author: Grace Hopper\n');
    vi.setSystemTime(Date.now() + 60_000);
    expect(readConference(fresh(root), 'conf').author).toBe('Grace Hopper');
    // The conference's own author wins over the config's, cached or not.
    fs.writeFileSync(confFile, defaultConference.replace('location: Portland', 'author: Linus'));
    vi.setSystemTime(Date.now() + 60_000);
    expect(readConference(fresh(root), 'conf').author).toBe('Linus');
    expect(readConference(fresh(root), 'conf').author).toBe('Linus');
  });

  it("writes the cache once, when the command's synchronous work is done, with every file kept", async () => {
    const { root, ws, cacheFile } = setUp();
    const slugs = Array.from({ length: 30 }, (_, i) => `conf-${i}`);
    for (const slug of slugs) {
      fs.mkdirSync(path.join(root, slug));
      fs.writeFileSync(path.join(root, slug, 'conference.md'), defaultConference.replace('Test Conf', slug));
    }
    vi.setSystemTime(Date.now() + 60_000);
    for (const slug of slugs) readConference(ws, slug);
    expect(fs.existsSync(cacheFile)).toBe(false);
    await written();
    // With the config.yml each conference's defaults come from.
    expect(Object.keys(kept(cacheFile)).sort()).toEqual(
      ['.confnotes/config.yml', ...slugs.map((slug) => `${slug}/conference.md`)].sort(),
    );
    for (const slug of slugs) expect(readConference(fresh(root), slug).name).toBe(`${slug} 2013`);
  });

  it('drops the entries of conferences gone when it writes', async () => {
    const { root, ws, cacheFile } = setUp();
    fs.mkdirSync(path.join(root, 'other'));
    fs.writeFileSync(
      path.join(root, 'other', 'conference.md'),
      defaultConference.replace('Test Conf', 'Other'),
    );
    vi.setSystemTime(Date.now() + 60_000);
    readConference(ws, 'conf');
    readConference(ws, 'other');
    await written();
    expect(Object.keys(kept(cacheFile))).toEqual(
      expect.arrayContaining(['conf/conference.md', 'other/conference.md']),
    );
    fs.rmSync(path.join(root, 'other'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'conf', 'conference.md'),
      defaultConference.replace('Portland', 'Salem'),
    );
    vi.setSystemTime(Date.now() + 60_000);
    expect(readConference(fresh(root), 'conf').location).toBe('Salem');
    await written();
    expect(Object.keys(kept(cacheFile))).not.toContain('other/conference.md');
  });
});
