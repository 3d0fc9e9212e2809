/**
 * `confnotes publish <folder>`: the notes as a static site's content with
 * nothing private in it, checked with Debian's hugo building the copy: no
 * private note, no private block (nested, in a one-line field, in any
 * spelling) reaches a page, the text around the blocks does; a file it cannot
 * be sure of is left out and named; every other note is copied byte for byte;
 * only a folder it made itself is ever replaced, and never one inside or
 * holding the workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { buildSite as buildHugoSite, requireHugo } from '../helpers/hugo.js';
import { snapshot, tempDir } from '../helpers/workspace.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');
const CONF = 'openstack-summit-2013';

const buildSite = (site: string) =>
  buildHugoSite(site, 'baseURL = "https://example.org/"\ntitle = "Notes"\ncontentDir = "content"\n');

/** The workspace's files but its own caches (a scan may refresh them). */
const notesOf = (dir: string) => new Map([...snapshot(dir)].filter(([file]) => !file.includes('.confnotes')));

const textsUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({
      file: path.join(entry.parentPath, entry.name),
      text: fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'),
    }));

const NOTES: Record<string, string> = {
  // Nested blocks, a block in a one-line field, a marker spelt with dashes and capitals.
  'nested.md': `---
title: Nested blocks
type: session
date: 2013-04-16
start: "11:00"
summary: "KEEP-SUMMARY <!-- private -->SECRET-FIELD<!-- /private --> KEEP-SUMMARY-END"
---
## Notes
- KEEP-BEFORE
<!--- PRIVATE: pricing --->
- SECRET-OUTER
<!-- private -->
- SECRET-INNER
<!-- /private -->
- SECRET-AFTER-INNER
<!-- /private -->
- KEEP-AFTER
`,
  // A marker misspelt: not surely private, not surely public. Left out, and named.
  'misspelt.md': `---
title: Misspelt marker
type: session
date: 2013-04-16
---
<!-- privat -->
SECRET-MISSPELT
<!-- /privat -->
`,
  // A block that opens in the front matter and closes in the body.
  'open-in-front-matter.md': `---
title: Block across the front matter
type: session
date: 2013-04-16
summary: "<!-- private -->SECRET-ACROSS"
---
still SECRET-ACROSS <!-- /private -->
`,
  // Markers typed wrong, and a comment never closed: when in doubt, out.
  'broken-opener.md': `---
title: Broken opener
type: session
date: 2013-04-16
---
<!-- private ->
SECRET-BROKEN
<!-- /private -->
`,
  'prvate.md': `---
title: Misspelt both ways
type: session
date: 2013-04-16
---
<!-- prvate -->SECRET-PRVATE<!-- /prvate -->
`,
  'unclosed-comment.md': `---
title: Comment never closed
type: session
date: 2013-04-16
---
public
<!-- private
SECRET-UNCLOSED
`,
  // A block written with YAML escapes: no marker in the text, one in the value.
  'escaped.md': `---
title: Escaped marker
type: session
date: 2013-04-16
summary: "pub \\u003C!\\u002D\\u002D private \\u002D\\u002D>SECRET-ESCAPED\\u003C!\\u002D\\u002D /private \\u002D\\u002D>"
---
`,
  // A merge key: private, as YAML 1.1 readers (Hugo's) read it.
  'merged.md': `---
title: Merged flags
type: session
date: 2013-04-16
d: &d
  private: true
<<: *d
---
SECRET-MERGED
`,
  // Anchors and aliases: other YAML readers may read them otherwise. Out, and named.
  'anchored.md': `---
title: Anchored
type: session
date: 2013-04-16
speakers: &who [Ada Byron]
hosts: *who
---
`,
  'private-yes.md': `---
title: Private in another spelling
type: session
date: 2013-04-16
private: yes
---
SECRET-PRIVATE-YES
`,
};

describe('confnotes publish', () => {
  let root: string;
  let ws: string;

  beforeAll(() => {
    root = tempDir('confnotes-publish-');
    ws = path.join(root, 'ws');
    fs.cpSync(SAMPLE, ws, { recursive: true });
    for (const [name, text] of Object.entries(NOTES)) fs.writeFileSync(path.join(ws, CONF, name), text);
    // The private part of a title is in the file name `new` gives it.
    const titled = confnotes(
      [
        'new',
        'Lunch with <!-- private -->ACMECORP<!-- /private --> team',
        '--conf',
        CONF,
        '--at',
        '2013-04-16 12:30',
      ],
      { cwd: ws },
    );
    // `new` leaves the private part of a title out of the file name...
    expect(titled.stdout.trim()).toBe(`${CONF}/2013-04-16-1230-lunch-with-team.md`);
    // ...but a file named by hand (or by an older version) may hold it.
    fs.writeFileSync(
      path.join(ws, CONF, 'lunch-with-acmecorp.md'),
      '---\ntitle: Lunch with <!-- private -->ACMECORP<!-- /private -->\ntype: hallway\ndate: 2013-04-16\n---\n',
    );
    // A conference folder named by hand after a name whose part is private: the whole conference stays out.
    fs.mkdirSync(path.join(ws, 'acme-skunkworks-summit'));
    fs.writeFileSync(
      path.join(ws, 'acme-skunkworks-summit', 'conference.md'),
      '---\nname: Acme <!-- private -->Skunkworks<!-- /private --> Summit\nstart: 2013-05-01\nend: 2013-05-02\n---\n',
    );
    fs.writeFileSync(
      path.join(ws, 'acme-skunkworks-summit', 'talk.md'),
      '---\ntitle: A public talk\ntype: session\ndate: 2013-05-01\n---\nSECRET-FOLDER-NOTE\n',
    );
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes a copy Hugo builds with no private text in it, and names what it left out', () => {
    requireHugo();
    const site = path.join(root, 'site');
    fs.mkdirSync(site);
    const before = notesOf(ws);
    const result = confnotes(['publish', path.join(site, 'content'), '--json'], { cwd: ws });
    expect(result.code, result.stderr).toBe(0);
    expect(notesOf(ws)).toEqual(before);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      written: true,
      conferences: ['acme-skunkworks-summit', CONF],
      private_notes: 3,
    });
    const why = Object.fromEntries(
      report.left_out.map((left: { path: string; why: string }) => [path.basename(left.path), left.why]),
    );
    expect(Object.keys(why).sort()).toEqual([
      'acme-skunkworks-summit',
      'anchored.md',
      'broken-opener.md',
      'escaped.md',
      'lunch-with-acmecorp.md',
      'misspelt.md',
      'open-in-front-matter.md',
      'prvate.md',
      'unclosed-comment.md',
    ]);
    expect(why['broken-opener.md']).toMatch(/a closing private marker closes nothing/);
    expect(why['prvate.md']).toMatch(/looks like a broken private marker/);
    expect(why['unclosed-comment.md']).toMatch(/looks like a broken private marker/);
    expect(why['escaped.md']).toMatch(/YAML escapes/);
    expect(why['anchored.md']).toMatch(/YAML anchors, aliases or a merge key/);
    expect(why['lunch-with-acmecorp.md']).toMatch(/file name holds a word its fields mark private/);
    expect(why['acme-skunkworks-summit']).toMatch(
      /conference folder is named with a word conference\.md marks private/,
    );
    expect(result.stderr).toMatch(
      /misspelt\.md: left out: line 6: a comment that looks like a private marker but is not one/,
    );
    // Reasons name paths and lines, never the private text.
    expect(result.stderr).not.toMatch(/SECRET|ACMECORP|Skunkworks/);
    expect(result.stderr).toMatch(/open-in-front-matter\.md: left out: a private block in the front matter/);
    expect(result.stderr).toMatch(
      /^published 16 notes of 2 conferences to .*content \(left out: 3 private notes, 4 private blocks, 9 files named above\)$/m,
    );

    const built = buildSite(site);
    expect(built.status, built.stderr).toBe(0);
    const pages = textsUnder(path.join(site, 'out'));
    expect(
      pages.filter((page) =>
        /SECRET|ACMECORP|acmecorp|Coffee with a Large Retailer|grilled me on FC|not cheap/.test(page.text),
      ),
    ).toEqual([]);
    const nested = fs.readFileSync(path.join(site, 'out', CONF, 'nested', 'index.html'), 'utf8');
    for (const kept of ['KEEP-SUMMARY', 'KEEP-SUMMARY-END', 'KEEP-BEFORE', 'KEEP-AFTER'])
      expect(nested).toContain(kept);
    expect(pages.some((page) => page.text.includes('Orchestrating Fibre Channel in Cinder'))).toBe(true);
    expect(pages.filter((page) => /confnotes-published|programme/.test(page.file))).toEqual([]);

    // A note without a private block is copied byte for byte; one with blocks keeps every other byte.
    const copy = path.join(site, 'content', CONF);
    const intro = '2013-04-15-1000-introduction-to-openstack-and-its-projects.md';
    expect(fs.readFileSync(path.join(copy, intro))).toEqual(fs.readFileSync(path.join(ws, CONF, intro)));
    expect(fs.readFileSync(path.join(copy, 'nested.md'), 'utf8')).toBe(
      '---\ntitle: Nested blocks\ntype: session\ndate: 2013-04-16\nstart: "11:00"\nsummary: "KEEP-SUMMARY  KEEP-SUMMARY-END"\n---\n## Notes\n- KEEP-BEFORE\n- KEEP-AFTER\n',
    );
    expect(fs.existsSync(path.join(copy, 'programme.yml'))).toBe(false);
    expect(fs.existsSync(path.join(site, 'content', 'templates'))).toBe(false);
  }, 180_000);

  it('with --strict, publishes nothing while a file is left out', () => {
    const out = path.join(root, 'strict');
    const strict = confnotes(['publish', out, '--strict'], { cwd: ws });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /^confnotes: 9 files left out \(named above\); nothing published \(--strict\)$/m,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('replaces its own previous copy whole, and says what it would do with --dry-run', () => {
    const out = path.join(root, 'again');
    expect(confnotes(['publish', out], { cwd: ws }).code).toBe(0);
    const gone = path.join(ws, CONF, 'nested.md');
    const kept = fs.readFileSync(gone);
    fs.rmSync(gone);
    try {
      const dry = confnotes(['publish', out, '--dry-run', '--json'], { cwd: ws });
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout).written).toBe(false);
      expect(dry.stderr).toMatch(/^would publish 15 notes/m);
      expect(fs.existsSync(path.join(out, CONF, 'nested.md'))).toBe(true);
      const again = confnotes(['publish', out], { cwd: ws });
      expect(again.code, again.stderr).toBe(0);
      expect(fs.existsSync(path.join(out, CONF, 'nested.md'))).toBe(false);
      expect(fs.existsSync(path.join(out, '.confnotes-published'))).toBe(true);
      // Nothing of the work is left beside the folder.
      expect(fs.readdirSync(root).filter((name) => name.includes('confnotes-'))).toEqual([]);
    } finally {
      fs.writeFileSync(gone, kept);
    }
  });

  it('keeps files of yours in its folder, refuses to publish over one, and recovers from a stop between its renames', () => {
    const out = path.join(root, 'kept');
    expect(confnotes(['publish', out], { cwd: ws }).code).toBe(0);
    fs.writeFileSync(path.join(out, '_index.md'), '---\ntitle: My notes\n---\n');
    const dry = confnotes(['publish', out, '--dry-run', '--json'], { cwd: ws });
    expect(dry.stderr).toMatch(/^would keep 1 file of yours in .*kept: _index\.md$/m);
    expect(JSON.parse(dry.stdout)).toMatchObject({ written: false, kept: ['_index.md'] });
    const again = confnotes(['publish', out, '--json'], { cwd: ws });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^kept 1 file of yours in .*kept: _index\.md$/m);
    expect(JSON.parse(again.stdout).kept).toEqual(['_index.md']);
    expect(fs.readFileSync(path.join(out, '_index.md'), 'utf8')).toBe('---\ntitle: My notes\n---\n');

    // A file of yours where a note is to go: nothing replaced.
    const note = path.join(ws, CONF, 'nested.md');
    const text = fs.readFileSync(note);
    fs.rmSync(note);
    expect(confnotes(['publish', out], { cwd: ws }).code).toBe(0);
    fs.writeFileSync(path.join(out, CONF, 'nested.md'), 'mine\n');
    fs.writeFileSync(note, text);
    const before = notesOf(out);
    // The dry run refuses as the publish would.
    const dryRefused = confnotes(['publish', out, '--dry-run'], { cwd: ws });
    expect(dryRefused.code).toBe(1);
    expect(dryRefused.stderr).toMatch(/nested\.md is not one confnotes published/);
    const refused = confnotes(['publish', out], { cwd: ws });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /nested\.md is not one confnotes published, and a note would take its place/,
    );
    expect(notesOf(out)).toEqual(before);
    fs.rmSync(path.join(out, CONF, 'nested.md'));

    // Stopped after taking the old copy away: the next publish puts it back first, so your file survives.
    const aside = path.join(root, '.kept.confnotes-old-99999-1');
    fs.renameSync(out, aside);
    const recovered = confnotes(['publish', out], { cwd: ws });
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, '_index.md'), 'utf8')).toBe('---\ntitle: My notes\n---\n');
    expect(fs.existsSync(path.join(out, CONF, 'nested.md'))).toBe(true);
    expect(fs.readdirSync(root).filter((name) => name.includes('confnotes-'))).toEqual([]);
  });

  it('warns when a conference of the previous copy is not in the new one', () => {
    const out = path.join(root, 'two');
    expect(
      confnotes(['conf', 'new', 'Other Summit', '--start', '2014-05-12', '--end', '2014-05-16'], { cwd: ws })
        .code,
    ).toBe(0);
    try {
      expect(confnotes(['publish', out], { cwd: ws }).code).toBe(0);
      expect(fs.existsSync(path.join(out, 'other-summit', 'conference.md'))).toBe(true);
      const one = confnotes(['publish', out, '--conf', CONF], { cwd: ws });
      expect(one.code, one.stderr).toBe(0);
      expect(one.stderr).toMatch(
        /the previous copy's .*other-summit is no longer in .*two \(not published this time\)/,
      );
      expect(fs.existsSync(path.join(out, 'other-summit'))).toBe(false);
    } finally {
      fs.rmSync(path.join(ws, 'other-summit'), { recursive: true, force: true });
      expect(confnotes(['conf', 'use', CONF], { cwd: ws }).code).toBe(0);
    }
  });

  it('refuses a folder it did not make, one inside the workspace or holding it, and writes nothing', () => {
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'index.md'), 'mine\n');
    const before = notesOf(root);
    const cases: [string, RegExp][] = [
      [other, /other exists and is not a copy confnotes published/],
      [path.join(ws, 'site'), /is inside the workspace, where it would be read as notes/],
      [path.join(ws, CONF, 'site'), /is inside the workspace/],
      [root, /holds the workspace/],
      [path.join(root, 'no', 'such'), /the folder .*no does not exist/],
      [path.join(other, 'index.md'), /exists and is not a copy confnotes published/],
    ];
    for (const [folder, message] of cases) {
      const result = confnotes(['publish', folder], { cwd: ws });
      expect(result.code, folder).toBe(1);
      expect(result.stderr, folder).toMatch(message);
      expect(result.stderr.trim().split('\n'), folder).toHaveLength(1);
    }
    expect(notesOf(root)).toEqual(before);
    const usage = confnotes(['publish'], { cwd: ws });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing required argument 'folder'/);
  });
});
