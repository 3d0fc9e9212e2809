/** The check cache: the same result as a fresh check, and never a result of an older file. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/core/check/check.js';
import { checkCacheFormat } from '../../src/core/check/check-cache.js';
import { defaultConference, makeWorkspace, note } from '../helpers/workspace.js';

/** Files written by a test are seconds old at most; a check "a minute later" may keep them. */
const later = () => ({ cache: { now: Date.now() + 60_000 } });
const cacheFileOf = (root: string, slug = 'conf') =>
  path.join(root, '.confnotes', 'check-cache', `${slug}.json`);

function setUp() {
  const { ws, root, confDir } = makeWorkspace();
  const files = {
    good: path.join(confDir, '2013-04-16-1000-good.md'),
    bad: path.join(confDir, '2013-04-16-1100-bad.md'),
    late: path.join(confDir, '2013-04-16-1200-late.md'),
  };
  fs.writeFileSync(files.good, note({ title: 'Good', tags: '[storage]' }));
  fs.writeFileSync(files.bad, note({ title: 'Bad', rating: '9', tags: '[Storage]' }));
  fs.writeFileSync(files.late, note({ title: 'Late', date: '2013-05-01', programme: 'uid-1' }));
  return { ws, root, confDir, files };
}

describe('the check cache', () => {
  it('gives what a fresh check gives, and is used the second time', () => {
    const { ws, root } = setUp();
    const fresh = checkWorkspace(ws);
    expect(checkWorkspace(ws, later())).toEqual(fresh);
    expect(fs.existsSync(cacheFileOf(root))).toBe(true);
    // Tamper with a cached problem: the next check answers from the cache (so it was used).
    const data = JSON.parse(fs.readFileSync(cacheFileOf(root), 'utf8'));
    const entry = data.notes['conf/2013-04-16-1100-bad.md'];
    entry[4][0].message = 'from the cache';
    fs.writeFileSync(cacheFileOf(root), JSON.stringify(data));
    expect(checkWorkspace(ws, later()).problems.map((p) => p.message)).toContain('from the cache');
    expect(fresh.programmeRefs).toEqual([
      { path: 'conf/2013-04-16-1200-late.md', slug: 'conf', uid: 'uid-1', line: expect.any(Number) },
    ]);
    expect(checkWorkspace(ws, later()).programmeRefs).toEqual(fresh.programmeRefs);
  });

  it('checks again a note edited in place with the same size and its mtime put back', () => {
    const { ws, files } = setUp();
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(files.bad, when, when);
    const before = checkWorkspace(ws, later());
    expect(before.problems.filter((p) => p.path.endsWith('bad.md')).map((p) => p.rule)).toContain(
      'invalid-value',
    );
    const text = fs.readFileSync(files.bad, 'utf8').replace('rating: 9', 'rating: 3');
    fs.writeFileSync(files.bad, text);
    fs.utimesSync(files.bad, when, when);
    expect(fs.statSync(files.bad).mtimeMs).toBe(when.getTime());
    const after = checkWorkspace(ws, later());
    expect(after).toEqual(checkWorkspace(ws));
    expect(after.problems.filter((p) => p.path.endsWith('bad.md')).map((p) => p.rule)).not.toContain(
      'invalid-value',
    );
  });

  it('looks at the notes again when conference.md changes (outside-dates reads its dates)', () => {
    const { ws, root } = setUp();
    expect(checkWorkspace(ws, later()).problems.map((p) => p.rule)).toContain('outside-dates');
    fs.writeFileSync(
      path.join(root, 'conf', 'conference.md'),
      defaultConference.replace('end: 2013-04-18', 'end: 2013-05-02'),
    );
    const after = checkWorkspace(ws, later());
    expect(after.problems.map((p) => p.rule)).not.toContain('outside-dates');
    expect(after).toEqual(checkWorkspace(ws));
  });

  it('sees a note added and a note deleted', () => {
    const { ws, confDir, files } = setUp();
    checkWorkspace(ws, later());
    fs.rmSync(files.bad);
    fs.writeFileSync(path.join(confDir, '2013-04-17-0900-new.md'), note({ title: 'New', type: 'party' }));
    const after = checkWorkspace(ws, later());
    expect(after).toEqual(checkWorkspace(ws));
    expect(after.problems.some((p) => p.path.endsWith('bad.md'))).toBe(false);
    expect(after.problems.some((p) => p.path.endsWith('new.md'))).toBe(true);
  });

  it.each([
    ['not JSON', '{garbage'],
    ['empty', ''],
    ['truncated', null],
    ['another rule set', 'format'],
  ])('ignores a damaged cache (%s) and builds it again', (_, kind) => {
    const { ws, root } = setUp();
    const fresh = checkWorkspace(ws);
    checkWorkspace(ws, later());
    const good = fs.readFileSync(cacheFileOf(root), 'utf8');
    const damaged =
      kind === null
        ? good.slice(0, good.length >> 1)
        : kind === 'format'
          ? good.replace(checkCacheFormat(), 'confnotes check cache 0')
          : kind;
    fs.writeFileSync(cacheFileOf(root), damaged);
    expect(checkWorkspace(ws, later())).toEqual(fresh);
    expect(JSON.parse(fs.readFileSync(cacheFileOf(root), 'utf8')).format).toBe(checkCacheFormat());
  });

  it('keeps nothing changed in the last two seconds, and nothing without cache: true', () => {
    const { ws, root } = setUp();
    checkWorkspace(ws);
    expect(fs.existsSync(cacheFileOf(root))).toBe(false);
    checkWorkspace(ws, { cache: true });
    expect(JSON.parse(fs.readFileSync(cacheFileOf(root), 'utf8')).notes).toEqual({});
  });

  it('names the rule set, the note schema and the build in its format', () => {
    expect(checkCacheFormat()).toMatch(/^confnotes check cache 2 [0-9a-f]{16} \S+$/);
  });
});
