/** conference.md read, chosen, checked and created (conference.ts), and the workspace's config.yml (workspace-config.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseConference,
  createConference,
  linkedFolders,
  readConference,
  validateNewConference,
} from '../../src/core/workspace/conference.js';
import { workspaceConfig } from '../../src/core/workspace/workspace-config.js';
import { findWorkspace } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, testContext } from '../helpers/workspace.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function workspace(conference?: string) {
  const made = conference === undefined ? makeWorkspace() : makeWorkspace(conference);
  folders.push(path.dirname(made.root));
  return made;
}

/** A workspace object read afresh, as the next command would (the config is cached per object). */
const reread = (root: string) => findWorkspace(testContext(root));

describe('readConference', () => {
  it('takes blank fields as absent, the name from the slug, the old url key, author and disclaimer from config.yml', () => {
    const { root } = workspace(
      '---\nname: "  "\nstart: 2013-04-15\nend:\nurl: https://old.example.org\n---\nBody\n',
    );
    fs.writeFileSync(path.join(root, '.confnotes', 'config.yml'), 'author: Ada\ndisclaimer: Mine alone\n');
    const conference = readConference(reread(root), 'conf');
    expect(conference).toMatchObject({
      name: 'conf',
      start: '2013-04-15',
      end: null,
      location: null,
      url: 'https://old.example.org',
      author: 'Ada',
      disclaimer: 'Mine alone',
      body: 'Body\n',
    });
  });

  it('prefers its own website, author and disclaimer over the old key and the config', () => {
    const { root } = workspace(
      '---\nname: C\nwebsite: https://new.example.org\nurl: https://old.example.org\nauthor: Bob\ndisclaimer: Ours\n---\n',
    );
    fs.writeFileSync(path.join(root, '.confnotes', 'config.yml'), 'author: Ada\ndisclaimer: Mine alone\n');
    expect(readConference(reread(root), 'conf')).toMatchObject({
      url: 'https://new.example.org',
      author: 'Bob',
      disclaimer: 'Ours',
    });
  });

  it('names the file and the field of a bad date or time zone, and a missing conference', () => {
    const bad = (front: string) => {
      const { ws } = workspace(`---\nname: C\n${front}\n---\n`);
      return () => readConference(ws, 'conf');
    };
    expect(bad('start: 2013-13-45')).toThrow(
      /conf\/conference\.md.*start "2013-13-45" is not a date \(YYYY-MM-DD\)/,
    );
    expect(bad('end: soon')).toThrow(/end "soon" is not a date/);
    expect(bad('timezone: Mars/Olympus')).toThrow(/timezone "Mars\/Olympus" is not an IANA time zone/);
    const { ws, root } = workspace();
    expect(() => readConference(ws, 'other')).toThrow(
      `no conference "other" in ${root}; see: confnotes conf list`,
    );
  });
});

describe('workspaceConfig', () => {
  it('reads no author from a list, a number or an empty file', () => {
    for (const text of ['- author: Ada\n', 'author: 42\n', '']) {
      const { root } = workspace();
      fs.writeFileSync(path.join(root, '.confnotes', 'config.yml'), text);
      const config = workspaceConfig(reread(root));
      expect(config.author, text).toBeUndefined();
      expect(config.disclaimer, text).toBeUndefined();
    }
  });

  it('says which file is not YAML', () => {
    const { root } = workspace();
    const file = path.join(root, '.confnotes', 'config.yml');
    fs.writeFileSync(file, 'author: [unclosed\n');
    expect(() => workspaceConfig(reread(root))).toThrow(`${file}: cannot be read as YAML: `);
  });
});

describe('chooseConference', () => {
  it('takes the one named, else the current one, else the only one; says what to do otherwise', () => {
    const { ws, root } = workspace();
    expect(chooseConference(ws, {}, 'conf')).toBe('conf');
    expect(chooseConference(ws, {})).toBe('conf');
    expect(() => chooseConference(ws, {}, 'nope')).toThrow(`no conference "nope" in ${root}; known: conf`);
    fs.mkdirSync(path.join(root, 'second'));
    fs.writeFileSync(path.join(root, 'second', 'conference.md'), '---\nname: Second\n---\n');
    expect(chooseConference(ws, { conference: 'second' })).toBe('second');
    expect(() => chooseConference(ws, { conference: 'gone' })).toThrow(
      'no current conference; choose one with: confnotes conf use <slug> (one of conf, second), or pass --conf',
    );
    fs.rmSync(path.join(root, 'conf'), { recursive: true });
    fs.rmSync(path.join(root, 'second'), { recursive: true });
    expect(() => chooseConference(ws, {})).toThrow(/^no conference yet; start one with: confnotes conf new/);
    expect(() => chooseConference(ws, {}, 'nope')).toThrow(`no conference "nope" in ${root}; known: none`);
  });

  it('takes a named or current conference only where the listing would find it', () => {
    const { ws, root } = workspace();
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'outside-'));
    fs.writeFileSync(path.join(outside, 'conference.md'), '---\nname: Elsewhere\n---\n');
    fs.symlinkSync(outside, path.join(root, 'linked'));
    fs.mkdirSync(path.join(root, 'nested', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(root, 'nested', 'deeper', 'conference.md'), '---\nname: Deeper\n---\n');
    fs.mkdirSync(path.join(root, '.hidden'));
    fs.writeFileSync(path.join(root, '.hidden', 'conference.md'), '---\nname: Hidden\n---\n');
    fs.writeFileSync(path.join(root, '.confnotes', 'conference.md'), '---\nname: Own\n---\n');
    expect(() => chooseConference(ws, {}, 'linked')).toThrow(
      'linked: a link to a folder; confnotes reads no conference through a link (it could lead out of the workspace): move the folder into the workspace instead',
    );
    fs.symlinkSync(path.dirname(root), path.join(root, 'not-a-conference'));
    expect(linkedFolders(ws)).toEqual(['linked']);
    // A name too long for the file system is no conference, said as for any other.
    expect(() => chooseConference(ws, {}, 'a'.repeat(300))).toThrow(
      /^no conference "a+" in .*; known: conf$/,
    );
    for (const named of ['nested/deeper', '.hidden', '.confnotes', '..', '', 'conf/']) {
      expect(() => chooseConference(ws, {}, named || 'x/'), named).toThrow(
        /^no conference ".*" in .*; known: conf$/,
      );
      expect(chooseConference(ws, { conference: named })).toBe('conf');
    }
    expect(chooseConference(ws, { conference: 'linked' })).toBe('conf');
  });
});

describe('validateNewConference', () => {
  const base = { name: 'Summit 2013', start: '2013-04-15', end: '2013-04-18' };
  const refused = (input: Partial<typeof base> & { timezone?: string; slug?: string }) => {
    try {
      validateNewConference({ ...base, ...input });
    } catch (error) {
      return [(error as Error).message, (error as { exitCode?: number }).exitCode];
    }
    return null;
  };

  it('gives the slug of a good one, from the name or --slug', () => {
    expect(validateNewConference(base)).toBe('summit-2013');
    expect(validateNewConference({ ...base, slug: 'Mine', timezone: 'Europe/Berlin' })).toBe('mine');
  });

  it('refuses, with a usage exit, each kind of bad input', () => {
    expect(refused({ name: '  ' })?.[0]).toBe('the conference needs a name');
    expect(refused({ start: '2013-4-15' })?.[0]).toBe('--start "2013-4-15" is not a date (YYYY-MM-DD)');
    expect(refused({ end: 'later' })?.[0]).toBe('--end "later" is not a date (YYYY-MM-DD)');
    expect(refused({ end: '2013-04-14' })?.[0]).toBe('--end 2013-04-14 is before --start 2013-04-15');
    expect(refused({ timezone: 'Nowhere/Land' })?.[0]).toBe(
      '--timezone "Nowhere/Land" is not an IANA time zone (e.g. Europe/Berlin)',
    );
    expect(refused({ name: '!!!' })?.[0]).toBe(
      'the conference name has no letters or digits to make a folder name from; pass --slug',
    );
    expect(refused({ slug: 'templates' })?.[0]).toBe('"templates" is reserved; pass another --slug');
  });
});

describe('createConference', () => {
  it('writes a new conference.md and never replaces one', () => {
    const { ws, root } = workspace();
    const file = createConference(ws, 'next', '---\nname: Next\n---\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('---\nname: Next\n---\n');
    const before = fs.readFileSync(path.join(root, 'conf', 'conference.md'), 'utf8');
    expect(() => createConference(ws, 'conf', 'other')).toThrow(
      'conference "conf" already exists (conf/conference.md)',
    );
    expect(fs.readFileSync(path.join(root, 'conf', 'conference.md'), 'utf8')).toBe(before);
  });
});

describe('a conference name with a private part', () => {
  it('leaves that part out of the folder name', () => {
    expect(
      validateNewConference({
        name: 'Acme <!-- private -->Skunkworks<!-- /private --> Summit',
        start: '2026-01-01',
        end: '2026-01-03',
      }),
    ).toBe('acme-summit');
  });
});
