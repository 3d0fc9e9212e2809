/**
 * The sample folder as a Hugo site's content (issue 19), with Debian's hugo
 * and the config the README gives: it builds, the private note is nowhere in
 * the output, the public ones are, and neither programme.yml nor the
 * workspace's own files are copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { buildSite as buildHugoSite, requireHugo } from '../helpers/hugo.js';
import { tempDir } from '../helpers/workspace.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../notes');
/** The README's Hugo config: the notes folder is the content, and what is not a page stays out. */
const CONFIG = `baseURL = "https://example.org/"
title = "Conference notes"
contentDir = "content"
ignoreFiles = ['programme\\.yml$', '(^|/)\\.confnotes/', '(^|/)templates/', '(^|/)README\\.md$']
`;

const buildSite = (site: string) => buildHugoSite(site, CONFIG);

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('a Hugo site built from the notes folder', () => {
  it('uses the config the README gives', () => {
    const readme = fs.readFileSync(path.join(path.dirname(SAMPLE), 'README.md'), 'utf8');
    expect(readme).toContain(CONFIG.split('\n').find((line) => line.startsWith('ignoreFiles'))!);
  });

  it('builds, and publishes the public notes but not the private one nor programme.yml', () => {
    requireHugo();
    const site = tempDir('confnotes-hugo-');
    fs.cpSync(SAMPLE, path.join(site, 'content'), { recursive: true });
    const built = buildSite(site);
    expect(built.status, built.stderr).toBe(0);
    const out = path.join(site, 'out');
    const files = filesUnder(out);
    const leaks = files.filter((file) =>
      /Coffee with a Large Retailer|grilled me on FC/i.test(fs.readFileSync(file, 'latin1')),
    );
    expect(leaks).toEqual([]);
    expect(
      files.some((file) => fs.readFileSync(file, 'utf8').includes('Orchestrating Fibre Channel in Cinder')),
    ).toBe(true);
    expect(
      fs.existsSync(
        path.join(
          out,
          'openstack-summit-2013',
          '2013-04-15-1000-introduction-to-openstack-and-its-projects',
          'index.html',
        ),
      ),
    ).toBe(true);
    expect(files.filter((file) => /programme\.yml$|\.confnotes/.test(file))).toEqual([]);
    // The workspace's README.md (init writes one) is no page of the site.
    expect(fs.existsSync(path.join(out, 'readme'))).toBe(false);
    fs.rmSync(site, { recursive: true, force: true });
  }, 180_000);

  it('leaves out a note marked private in any spelling, once check --fix has flagged it', () => {
    requireHugo();
    const site = tempDir('confnotes-hugo-');
    const ws = path.join(site, 'content');
    fs.cpSync(SAMPLE, ws, { recursive: true });
    const spellings = ['private: yes', 'private:', 'private: ~', 'Private: true', 'private: "true"'];
    const files = spellings.map((spelling, i) => {
      const made = confnotes(
        [
          'new',
          `Secret ${i}`,
          '--conf',
          'openstack-summit-2013',
          '--at',
          '2013-04-16 10:00',
          '--summary',
          `LEAKME${i}`,
        ],
        { cwd: ws },
      );
      expect(made.code, made.stderr).toBe(0);
      const file = made.stdout.trim();
      const text = fs.readFileSync(path.resolve(ws, file), 'utf8');
      expect(text).toContain('private: false');
      fs.writeFileSync(path.resolve(ws, file), text.replace('private: false', spelling));
      return file;
    });
    // Every spelling is private to list as to the report.
    const listed = JSON.parse(
      confnotes(['list', '--json', '--conf', 'openstack-summit-2013'], { cwd: ws }).stdout,
    ) as {
      path: string;
      private: boolean;
    }[];
    for (const file of files)
      expect(listed.find((note) => file.endsWith(note.path))?.private, file).toBe(true);
    const checked = confnotes(['check'], { cwd: ws });
    for (let i = 0; i < spellings.length; i++) expect(checked.stdout).toContain(`secret-${i}.md`);
    expect(checked.stdout).toContain('private note without draft');
    // Exit 1: the odd spellings are still reported (invalid-value, unknown-field), not guessed at.
    const fixed = confnotes(['check', '--fix'], { cwd: ws });
    expect(fixed.stderr.match(/flags added: draft/g)).toHaveLength(spellings.length);
    for (const file of files)
      expect(fs.readFileSync(path.resolve(ws, file), 'utf8')).toContain('draft: true');
    const built = buildSite(site);
    expect(built.status, built.stderr).toBe(0);
    const leaks = filesUnder(path.join(site, 'out')).filter((file) =>
      /LEAKME/.test(fs.readFileSync(file, 'latin1')),
    );
    expect(leaks).toEqual([]);
    fs.rmSync(site, { recursive: true, force: true });
  }, 180_000);
});
