import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoteText, checkWorkspace, fixText, isUrl, nearMiss } from '../../src/core/check/check.js';
import { makeWorkspace, note, snapshot } from '../helpers/workspace.js';

const rules = (text: string) =>
  checkNoteText(text, 'conf/x.md').map((problem) => `${problem.line}:${problem.rule}`);

describe('checkNoteText', () => {
  it('finds nothing wrong with a complete note', () => {
    expect(
      checkNoteText(
        // Links as flat properties (issue 19); the nested map is the old form, which check flags.
        note({ tags: '[storage, cinder/fc]', slides: '"https://example.org/s"' }),
        'x.md',
      ),
    ).toEqual([]);
  });

  it('reports broken YAML and a front matter that never closes, with their lines', () => {
    expect(rules('---\ntitle: a\ntags: [a, b\n---\n')).toEqual(['3:broken-yaml']);
    expect(rules('---\ntitle: a\n')).toEqual(['1:front-matter']);
    expect(rules('')).toEqual(['1:front-matter']);
    expect(rules('---js\n{}\n---\n')).toEqual(['1:front-matter']);
  });

  it('reports missing fields, bad dates and times, and an end before the start', () => {
    expect(rules('---\ntype: session\n---\n')).toEqual(['2:missing-field', '2:missing-field']);
    expect(rules(note({ date: '2013-02-30' }))).toEqual(['5:invalid-date']);
    expect(rules(note({ start: '"25:00"', end: '"9:5"' }))).toEqual(['6:invalid-time', '7:invalid-time']);
    expect(rules(note({ start: '"11:00"', end: '"10:40"' }))).toEqual(['7:end-before-start']);
    expect(rules(note({ type: 'talk', rating: '9', favourite: 'yes' }))).toEqual([
      '3:invalid-value',
      '8:invalid-value',
      '9:invalid-value',
    ]);
  });

  it('reports tags that are not normalised, repeated or empty, as fixable', () => {
    const problems = checkNoteText(note({ tags: '[Storage, "#cinder", storage, " "]' }), 'x.md');
    expect(problems.map((problem) => [problem.rule, problem.fixable])).toEqual([
      ['tag-not-normalised', true],
      ['tag-not-normalised', true],
      ['tag-not-normalised', true],
      ['tag-not-normalised', true],
    ]);
  });

  it('reports a tag of digits alone with a suggestion, and --fix leaves it (only the writer knows what it meant)', () => {
    const text = note({ tags: '[2026, Storage, true, "!!", ~]' });
    const problems = checkNoteText(text, 'x.md');
    expect(problems.map((problem) => [problem.message, problem.fixable])).toEqual([
      [
        '"2026" is not a tag: a tag needs a letter (Obsidian reads 2026 as a number); try "y2026" or "year-2026"; rename it by hand',
        false,
      ],
      ['tag "Storage" is not normalised: "storage"', true],
      ['tag true is not text (YAML reads it as a boolean): "true"', true],
      ['tag "!!" has nothing left once normalised; it would be dropped', true],
      ['an empty tag', true],
    ]);
    const { text: fixed, changes } = fixText(text);
    expect(fixed).toContain('tags: [2026, storage, "true"]');
    expect(changes).not.toContainEqual(expect.stringContaining('2026'));
    expect(checkNoteText(fixed, 'x.md').map((problem) => problem.fixable)).toEqual([false]);
  });

  it('does not call fixable what --fix leaves: nested links it cannot flatten', () => {
    const problems = checkNoteText(note({ links: '[a, b]' }), 'x.md').filter(
      (p) => p.rule === 'nested-links',
    );
    expect(problems.map((problem) => problem.fixable)).toEqual([false]);
    const flat = checkNoteText(note({ links: '{video: "https://example.org/v"}' }), 'x.md');
    expect(flat.filter((p) => p.rule === 'nested-links').map((problem) => problem.fixable)).toEqual([true]);
  });

  it('reports links that are not URLs', () => {
    expect(
      rules(
        note({
          links: '{slides: example.org/slides, video: "https://example.org/v", bad: "javascript:alert(1)"}',
        }),
      ),
    ).toEqual(['8:link-not-url', '8:link-not-url', '8:nested-links']);
    expect(isUrl('https://example.org/a')).toBe(true);
    expect(isUrl('mailto:a@example.org')).toBe(true);
    expect(isUrl('https://')).toBe(false);
    expect(isUrl('see slides')).toBe(false);
  });

  it("keeps the user's own fields, but names a likely misspelling of a known one", () => {
    expect(rules(note({ mood: 'tired', 'my-notes': '{a: 1}' }))).toEqual([]);
    expect(rules(note({ tag: 'storage' }))).toEqual(['8:unknown-field']);
    expect(rules(note({ speaker: 'Ada' }))).toEqual(['8:unknown-field']);
    expect(nearMiss('summray', new Set())).toBe('summary');
    expect(nearMiss('Title', new Set())).toBe('title');
    // Both present: the user means both.
    expect(nearMiss('stars', new Set(['start']))).toBeNull();
    expect(nearMiss('mood', new Set())).toBeNull();
  });

  it('reports white space around a key as fixable', () => {
    const problems = checkNoteText(note({ 'summary  ': 'x', '"room "': 'B1' }), 'x.md');
    expect(problems.map((problem) => [problem.line, problem.rule, problem.fixable])).toEqual([
      [8, 'key-whitespace', true],
      [9, 'key-whitespace', true],
    ]);
  });
});

describe('fixText', () => {
  it('normalises tags in a flow list and changes no other byte', () => {
    const before =
      '---\ntitle: "Q"  # mine\ntags: [Storage,  "#Cinder", storage, keep]\nmood: {a: 1}\n---\nbody  \n';
    const { text, changes } = fixText(before);
    expect(text).toBe(before.replace('[Storage,  "#Cinder", storage, keep]', '[storage,  cinder, keep]'));
    expect(changes).toHaveLength(3);
    expect(fixText(text)).toEqual({ text, changes: [] });
  });

  it('normalises a block list, keeping comments and CRLF line ends', () => {
    const before =
      '---\r\ntitle: t\r\ntags:\r\n  - Storage   # why\r\n  - "  "\r\n  - ha\r\n---\r\n## Notes\r\n';
    expect(fixText(before).text).toBe(
      '---\r\ntitle: t\r\ntags:\r\n  - storage   # why\r\n  - ha\r\n---\r\n## Notes\r\n',
    );
  });

  it('normalises a single tag and trims keys', () => {
    expect(fixText('---\ntitle: t\ntags: Big Data\n---\n').text).toBe('---\ntitle: t\ntags: big-data\n---\n');
    expect(fixText('---\ntitle   : t\n"room ": B1\n---\n').text).toBe('---\ntitle: t\nroom: B1\n---\n');
  });

  it('leaves a note it cannot read alone', () => {
    for (const text of ['---\ntags: [A\n---\n', 'no front matter', ''])
      expect(fixText(text)).toEqual({ text, changes: [] });
  });
});

describe('checkWorkspace', () => {
  it('finds duplicate ids, notes outside conferences and unreadable files, and writes nothing', () => {
    const { root, ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'a.md'), note({}));
    fs.mkdirSync(path.join(confDir, 'day2'));
    fs.writeFileSync(path.join(confDir, 'day2', 'a.md'), note({}));
    fs.writeFileSync(path.join(root, 'stray.md'), note({}));
    fs.mkdirSync(path.join(root, 'drafts'));
    fs.writeFileSync(path.join(root, 'drafts', 'b.md'), note({}));
    fs.writeFileSync(path.join(confDir, 'bin.md'), Buffer.from([0x2d, 0x00, 0x01]));
    const before = snapshot(root);
    const { checked, problems } = checkWorkspace(ws);
    expect(checked).toBe(4);
    expect(problems.map((problem) => `${problem.path}:${problem.rule}`)).toEqual([
      'conf/a.md:duplicate-id',
      'conf/bin.md:unreadable',
      'conf/day2/a.md:duplicate-id',
      'drafts/b.md:outside-conference',
      'stray.md:outside-conference',
    ]);
    expect(checkWorkspace(ws, { workspaceWide: false }).problems).toHaveLength(3);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports a conference.md whose end is before its start', () => {
    const { ws } = makeWorkspace('---\nname: X\nstart: 2013-04-18\nend: 2013-04-15\n---\n');
    expect(
      checkWorkspace(ws).problems.map((problem) => `${problem.path}:${problem.line}:${problem.rule}`),
    ).toEqual(['conf/conference.md:4:end-before-start']);
  });
});

describe('checkProgrammes', () => {
  const entry = (uid: string) =>
    `  - uid: ${uid}\n    title: Talk ${uid}\n    start: 2013-04-16T11:00:00-07:00\n    end: 2013-04-16T11:40:00-07:00\n    all_day: false\n    room: ~\n    track: ~\n    tags: []\n    speakers: []\n    url: ~\n    abstract: ~\n    status: confirmed\n    starred: false\n`;

  it('reports a note whose programme entry is gone, and a programme.yml that does not read', async () => {
    const { ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'a.md'), note({ programme: 'talk-1' }));
    fs.writeFileSync(path.join(confDir, 'b.md'), note({ programme: 'talk-2' }));
    const { checkProgrammes } = await import('../../src/core/check/check.js');
    const found = () => checkWorkspace(ws);
    expect(found().programmeRefs).toEqual([
      { path: 'conf/a.md', line: 8, uid: 'talk-1', slug: 'conf' },
      { path: 'conf/b.md', line: 8, uid: 'talk-2', slug: 'conf' },
    ]);
    // No programme imported yet: both point at nothing.
    expect(
      (await checkProgrammes(ws, ['conf'], found().programmeRefs)).map(
        (problem) => `${problem.path}:${problem.rule}`,
      ),
    ).toEqual(['conf/a.md:programme-entry-missing', 'conf/b.md:programme-entry-missing']);
    fs.writeFileSync(
      path.join(confDir, 'programme.yml'),
      `timezone: America/Los_Angeles\nsource: ~\nentries:\n${entry('talk-1')}`,
    );
    const problems = await checkProgrammes(ws, ['conf'], found().programmeRefs);
    expect(problems.map((problem) => `${problem.path}:${problem.line}:${problem.rule}`)).toEqual([
      'conf/b.md:8:programme-entry-missing',
    ]);
    expect(problems[0]!.message).toContain('"talk-2" is not in conf/programme.yml');
    fs.writeFileSync(path.join(confDir, 'programme.yml'), 'entries: [\n');
    expect(
      (await checkProgrammes(ws, ['conf'], found().programmeRefs)).map(
        (problem) => `${problem.path}:${problem.rule}`,
      ),
    ).toEqual(['conf/programme.yml:programme']);
  });
});

describe('front matter nested too deeply (a fix found by the hostile suite)', () => {
  it('says so, with a line, instead of the parser\'s "Maximum call stack size exceeded"', () => {
    const deep = `---\ntitle: Deep\ndate: 2013-04-16\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`;
    const [problem] = checkNoteText(deep, 'x.md');
    expect(problem).toMatchObject({
      rule: 'broken-yaml',
      message: 'the front matter is nested too deeply to read',
    });
    expect(problem!.line).toBeGreaterThanOrEqual(4);
  });
});
