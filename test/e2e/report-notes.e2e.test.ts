/** The report of a week written by jotting in the room, as a user does: notes shown, blanks named, broken notes stop it. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

let home: string;
let ws: string;
const at = (time: string) => ({ CONFNOTES_NOW: `2013-04-16T${time}:00Z` });
const run = (args: string[], env: Record<string, string | undefined> = at('18:02')) =>
  confnotes(args, { cwd: ws, env });

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18', '--timezone', 'UTC'];
  expect(run(conf).code).toBe(0);
  expect(run(['new', 'Jotted talk', '--at', '11:00'], at('11:00')).code).toBe(0);
  expect(run(['jot', 'first point'], at('11:05')).code).toBe(0);
  expect(run(['jot', '--quote', 'we ship on Fridays'], at('11:07')).code).toBe(0);
  expect(run(['jot', 'second point'], at('11:09')).code).toBe(0);
  expect(run(['new', 'Blank talk', '--at', '14:00'], at('14:00')).code).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('jotted notes in the report', () => {
  it('shows the jots of a session without takeaways, and names the blank one', () => {
    const result = run(['report']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- first point\n\n> we ship on Fridays\n\n- second point');
    expect(result.stdout).not.toContain('11:05');
    expect(result.stderr).toContain('1 session has nothing written: Blank talk');
  });

  it('puts a talk watched after the week under "Watched later", out of the days attended', () => {
    expect(run(['new', 'On video', '--at', '2013-12-01 20:00']).code).toBe(0);
    expect(run(['jot', 'watched at home'], { CONFNOTES_NOW: '2013-12-01T20:10:00Z' }).code).toBe(0);
    const result = run(['report', '--group-by', 'day']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/## Watched later\n\n### On video\n\n\*[^\n]*Sunday 1 December/);
    expect(result.stdout).toContain('- **Days:** 1');
    expect(result.stdout).not.toMatch(/\| Sunday 1 December \|/);
    expect(result.stdout).toContain('- watched at home');
  });

  it('keeps a plain --link: on the session, and as the link of a favourite', () => {
    expect(
      run(['new', 'Linked talk', '--at', '16:00', '--link', 'https://example.org/plain', '--rating', '5'])
        .code,
    ).toBe(0);
    const result = run(['report']);
    expect(result.stdout).toContain('- **Linked talk** ([link](https://example.org/plain))');
    expect(result.stdout).toMatch(/### Linked talk\n[\s\S]*?\n\[link\]\(https:\/\/example\.org\/plain\)\n/);
  });

  it('--notes never leaves them out; a bad --notes is a usage error', () => {
    expect(run(['report', '--notes', 'never']).stdout).not.toContain('first point');
    expect(run(['report', '--notes', 'sometimes']).code).toBe(2);
  });

  it('shows them in HTML, the quote as a block quote', () => {
    const out = path.join(home, 'r.html');
    expect(run(['report', '-o', out]).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/<blockquote>\s*<p>we ship on Fridays<\/p>/);
    expect(html).toContain('<li>first point</li>');
  });
});

describe('notes that cannot be read', () => {
  const breakNotes = () => {
    const folder = path.join(ws, 'summit');
    fs.writeFileSync(
      path.join(folder, '2013-04-16-1500-broken.md'),
      '---\ntitle: Nova: the road ahead\ndate: 2013-04-16\n---\n## Notes\n',
    );
    fs.writeFileSync(path.join(folder, '2013-04-16-1600-binary.md'), Buffer.from([0, 1, 2, 0xff, 0, 10]));
  };

  it('stop the report with exit 1, naming each file and line in plain words', () => {
    breakNotes();
    const result = run(['report']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /summit\/2013-04-16-1500-broken\.md:2: .*a title containing ': ' needs quotes/,
    );
    expect(result.stderr).toMatch(/summit\/2013-04-16-1600-binary\.md/);
    expect(result.stderr).toMatch(/2 notes cannot be read; fix them, or pass --skip-broken/);
  });

  it('--skip-broken names each and goes on', () => {
    breakNotes();
    const result = run(['report', '--skip-broken']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Jotted talk');
    expect(result.stderr).toMatch(/left out: summit\/2013-04-16-1500-broken\.md:2/);
    expect(result.stderr).toMatch(/left out: summit\/2013-04-16-1600-binary\.md/);
  });
});
