/**
 * `confnotes report` through the built CLI on a copy of the shipped sample:
 * Markdown and HTML against golden files (UPDATE_GOLDEN=1 rewrites them),
 * PDF read back with pdftotext, private notes absent from every format,
 * and the rules for writing over a file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findChrome } from '../../src/core/report/pdf.js';
import { confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NOTES = path.resolve(HERE, '../../notes');
const GOLDEN = path.resolve(HERE, '../golden');
const SLUG = 'openstack-summit-2013';

/** What must never leave the laptop: the private hallway note and the private block of the expo-hall note. */
const PRIVATE_TEXT = [
  'Coffee with a Large Retailer',
  'licence renewal',
  'swapped cards',
  'NVP is priced per hypervisor',
  'three people. not for the blog',
];

function sampleCopy(): { dir: string; cwd: string } {
  const cwd = tempDir();
  const dir = path.join(cwd, 'notes');
  fs.cpSync(NOTES, dir, { recursive: true, filter: (src) => !/state\.json$|cache/.test(src) });
  return { dir, cwd };
}

function report(args: string[], where = sampleCopy(), env: Record<string, string | undefined> = {}) {
  return { ...confnotes(['--dir', where.dir, 'report', ...args], { cwd: where.cwd, env }), ...where };
}

/** Compares with the golden file byte for byte; UPDATE_GOLDEN=1 writes it instead (review the diff, then commit). */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file))
    throw new Error(
      `${file} is missing; create it with UPDATE_GOLDEN=1 npx vitest run test/e2e/report.e2e.test.ts`,
    );
  const expected = fs.readFileSync(file, 'utf8');
  if (actual !== expected) {
    // The full diff is in the assertion below; this says how to accept a deliberate change.
    console.error(
      `${name} differs from the golden file; if the change is deliberate: UPDATE_GOLDEN=1 npx vitest run test/e2e/report.e2e.test.ts`,
    );
  }
  expect(actual).toBe(expected);
}

/** A tool the PDF tests need; CI installs it, so its absence is a failure that says what to install. */
function tool(name: string, pkg: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${name} is not installed; the PDF tests need it (Debian: apt install ${pkg})`);
  return found;
}

function chrome(): string {
  const found = findChrome(process.env);
  if (!found)
    throw new Error(
      'no Chromium or Chrome found (CONFNOTES_CHROME, or chromium / google-chrome on PATH); the PDF tests need it (Debian: apt install chromium)',
    );
  return found;
}

function pdfText(file: string): string {
  const result = spawnSync(tool('pdftotext', 'poppler-utils'), ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

function pdfInfo(file: string): string {
  return spawnSync(tool('pdfinfo', 'poppler-utils'), [file], { encoding: 'utf8' }).stdout;
}

describe('Markdown', () => {
  it('prints the sample trip report on stdout, equal to the golden file, with no warning', () => {
    const result = report([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectGolden(`${SLUG}.md`, result.stdout);
    for (const secret of PRIVATE_TEXT) expect(result.stdout).not.toContain(secret);
  });

  it('gives the same bytes every time, in any time zone, locale or clock', () => {
    const first = report([]).stdout;
    const second = report([SLUG], sampleCopy(), {
      TZ: 'Pacific/Kiritimati',
      LANG: 'tr_TR.UTF-8',
      CONFNOTES_NOW: '2031-01-01T00:00:00Z',
    }).stdout;
    expect(second).toBe(first);
  });

  it('includes the private note and block only with --include-private, and warns', () => {
    const result = report(['--include-private']);
    expect(result.code).toBe(0);
    // The expo-hall note's private block sits in its raw Notes section, which no report quotes.
    for (const secret of ['Coffee with a Large Retailer', 'licence renewal'])
      expect(result.stdout).toContain(secret);
    expect(result.stdout).toContain(
      '- Coffee with a Large Retailer Cloud Team\n  - Pass the contact to our account team',
    );
    expect(result.stdout).not.toContain('<!-- private');
    expect(result.stderr).toMatch(/private notes and private blocks are included/);
  });

  it('groups by day and by track', () => {
    const byDay = report(['--group-by', 'day']).stdout;
    expect(byDay.match(/^## (Monday|Tuesday|Wednesday|Thursday) .*$/gm)).toEqual([
      '## Monday 15 April',
      '## Tuesday 16 April',
      '## Wednesday 17 April',
      '## Thursday 18 April',
    ]);
    expect(byDay).toContain('*Keynote · Dana Whitfield · 09:00–09:25 · Exhibit Hall keynote stage*');
    const byTrack = report(['--group-by', 'track']).stdout;
    expect(byTrack).toMatch(
      /^## OpenStack 101\n[\s\S]*^## Design Summit\n[\s\S]*^## Workshops\n[\s\S]*^## Keynotes\n/m,
    );
    expect(byTrack).not.toContain('## Hallway\n\n### Coffee');
  });

  it('writes a file with -o, ending with the report marker, and prints its path', () => {
    const where = sampleCopy();
    fs.mkdirSync(path.join(where.cwd, 'out'));
    const result = report(['-o', 'out/report.md'], where);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('out/report.md\n');
    expect(result.stderr).toMatch(/trip report \(MD, 14 notes, 1 private left out\)/);
    const text = fs.readFileSync(path.join(result.cwd, 'out', 'report.md'), 'utf8');
    expect(text.endsWith('\n\n<!-- confnotes report -->\n')).toBe(true);
    // A .md file begins with the YAML title block (issue 15), then the report as on stdout.
    expect(text).toMatch(
      /^---\ntitle: "OpenStack Summit 2013 trip report"\nauthor: "Lena Marsh"\ndate: "2013-04-15"\n---\n\n# /,
    );
    const body = text.replace(/^---\n[\s\S]*?\n---\n\n/, '');
    expect(body.startsWith(fs.readFileSync(path.join(GOLDEN, `${SLUG}.md`), 'utf8').trimEnd())).toBe(true);
    const plain = report(['-o', 'out/plain.md', '--no-front-matter'], where);
    expect(fs.readFileSync(path.join(plain.cwd, 'out', 'plain.md'), 'utf8')).toMatch(/^# OpenStack/);
    expect(report(['--front-matter'], where).stdout).toMatch(/^---\ntitle: /);
  });

  it('uses the workspace template and --template', () => {
    const where = sampleCopy();
    fs.writeFileSync(
      path.join(where.dir, 'templates', 'report.md'),
      '{{{title}}}: {{stats.sessions}} sessions, {{followUpCount}} follow-ups\n',
    );
    expect(report([], where).stdout).toBe('OpenStack Summit 2013 trip report: 12 sessions, 29 follow-ups\n');
    fs.writeFileSync(path.join(where.cwd, 'mine.md'), '{{#favourites}}{{{title}}}\n{{/favourites}}');
    expect(report(['--template', 'mine.md'], where).stdout.split('\n')).toHaveLength(6);
  });
});

describe('HTML', () => {
  it('writes <slug>-trip-report.html in the current folder, equal to the golden file', () => {
    const result = report(['--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${SLUG}-trip-report.html\n`);
    const html = fs.readFileSync(path.join(result.cwd, `${SLUG}-trip-report.html`), 'utf8');
    expectGolden(`${SLUG}.html`, html);
    for (const secret of PRIVATE_TEXT) expect(html).not.toContain(secret);
  });

  it('takes the format from the -o name and includes private text only when asked', () => {
    const result = report(['-o', 'r.htm', '--include-private']);
    expect(result.code).toBe(0);
    const html = fs.readFileSync(path.join(result.cwd, 'r.htm'), 'utf8');
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('Coffee with a Large Retailer Cloud Team');
    expect(html).toContain('licence renewal');
  });
});

describe('PDF', () => {
  it('prints the report with Chromium: the text reads back, the private note is absent, the bytes repeat', () => {
    chrome();
    const where = sampleCopy();
    const result = report(['--format', 'pdf'], where);
    expect(result.stderr).toMatch(/trip report \(PDF, 14 notes, 1 private left out\)/);
    expect(result.code).toBe(0);
    const file = path.join(where.cwd, `${SLUG}-trip-report.pdf`);
    expect(result.stdout).toBe(`${SLUG}-trip-report.pdf\n`);
    const text = pdfText(file);
    for (const heading of [
      'OpenStack Summit 2013 trip report',
      'Introduction',
      'At a glance',
      'Keynotes',
      'Observations',
      'Personal favourites',
      'Follow-ups',
      'Videos and slides',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Orchestrating Fibre Channel in Cinder');
    for (const secret of PRIVATE_TEXT) expect(text.replace(/\s+/g, ' ')).not.toContain(secret);
    expect(pdfInfo(file)).toMatch(/^Creator:\s+confnotes report$/m);
    expect(pdfInfo(file)).toMatch(/^Title:\s+OpenStack Summit 2013 trip report$/m);
    const first = fs.readFileSync(file);
    // A previous report is replaced without asking, and the same notes give the same bytes.
    const again = report(['-o', `${SLUG}-trip-report.pdf`], where);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(file).equals(first)).toBe(true);
  });

  it('has the private note with --include-private', () => {
    chrome();
    const result = report(['-o', 'all.pdf', '--include-private']);
    expect(result.code).toBe(0);
    expect(pdfText(path.join(result.cwd, 'all.pdf')).replace(/\s+/g, ' ')).toContain(
      'Coffee with a Large Retailer',
    );
  });

  it('fails in one line saying how to install Chromium when there is none', () => {
    const empty = tempDir();
    const result = report(['--format', 'pdf'], sampleCopy(), { PATH: empty, CONFNOTES_CHROME: undefined });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/apt install chromium.*CONFNOTES_CHROME/);
    expect(fs.existsSync(path.join(result.cwd, `${SLUG}-trip-report.pdf`))).toBe(false);
    const wrong = report(['--format', 'pdf'], sampleCopy(), {
      CONFNOTES_CHROME: path.join(empty, 'nothing'),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/CONFNOTES_CHROME .*not an executable file/);
  });
});

describe('writing over a file', () => {
  it('refuses to replace a file that is not a report, replaces it with --force, and replaces a previous report', () => {
    const where = sampleCopy();
    const mine = path.join(where.cwd, 'notes-for-boss.md');
    fs.writeFileSync(mine, 'my own text\n');
    const refused = report(['-o', 'notes-for-boss.md'], where);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/notes-for-boss\.md exists and is not a confnotes report; pass --force/);
    expect(fs.readFileSync(mine, 'utf8')).toBe('my own text\n');

    const html = path.join(where.cwd, 'page.html');
    fs.writeFileSync(html, '<html><head><title>mine</title></head></html>');
    expect(report(['-o', 'page.html'], where).code).toBe(1);
    expect(report(['-o', 'page.html', '--force'], where).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toContain('content="confnotes report"');
    // Now a previous report: replaced without --force, even as another format.
    expect(report(['-o', 'page.html', '--format', 'md'], where).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toMatch(/^# OpenStack Summit 2013 trip report/);

    expect(report(['-o', 'notes-for-boss.md', '--force'], where).code).toBe(0);
    expect(fs.readFileSync(mine, 'utf8')).toMatch(/<!-- confnotes report -->\n$/);
    expect(fs.readdirSync(where.cwd).filter((name) => name.includes('.tmp') || name.startsWith('.'))).toEqual(
      [],
    );
  });

  it('will not write a Markdown report into a conference folder, or over a folder', () => {
    const where = sampleCopy();
    const inside = report(['-o', path.join(where.dir, SLUG, 'report.md')], where);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/would be read as a note/);
    const folder = report(['-o', 'notes'], where);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder/);
    const typo = report(['-o', path.join(where.dir, 'no-such-folder', 'report.md')], where);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/the folder .*no-such-folder does not exist/);
    expect(fs.existsSync(path.join(where.dir, 'no-such-folder'))).toBe(false);
  });
});

describe('bad input', () => {
  it('exits 2 for an unknown format or grouping, 1 for an unknown conference', () => {
    expect(report(['--format', 'docx']).code).toBe(2);
    expect(report(['--group-by', 'room']).code).toBe(2);
    const unknown = report(['no-such-conf']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no conference "no-such-conf"/);
  });
});

describe('help', () => {
  it('documents every option with examples', () => {
    const result = confnotes(['report', '--help'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    for (const option of [
      '--format',
      '--output',
      '--template',
      '--include-private',
      '--group-by',
      '--force',
      'Examples:',
    ])
      expect(result.stdout).toContain(option);
  });
});
