/** Jotted with --since-start in the room, linked to the recording in the HTML report (issue 16). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

let home: string;
let ws: string;
const at = (time: string) => ({ CONFNOTES_NOW: `2013-04-16T${time}Z` });
const run = (args: string[], env: Record<string, string | undefined> = at('18:02:00')) =>
  confnotes(args, { cwd: ws, env });

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18', '--timezone', 'UTC'];
  expect(run(conf).code).toBe(0);
  expect(run(['new', 'Recorded talk', '--at', '11:00', '--duration', '90'], at('11:00:00')).code).toBe(0);
  expect(run(['jot', '--since-start', 'the demo starts'], at('11:12:30')).code).toBe(0);
  expect(run(['jot', '--since-start', '--quote', 'ship it'], at('12:02:03')).code).toBe(0);
  expect(run(['jot', 'no stamp here'], at('12:10:00')).code).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const html = () => {
  const result = run(['report', '--format', 'html', '-o', 'r.html']);
  expect(result.code, result.stderr).toBe(0);
  return fs.readFileSync(path.join(ws, 'r.html'), 'utf8');
};

describe('+12:30 in the HTML report', () => {
  it('links each stamp to its moment of a YouTube recording; the Markdown report links too', () => {
    const note = fs.readFileSync(
      path.join(ws, 'summit', fs.readdirSync(path.join(ws, 'summit')).find((f) => f.includes('recorded'))!),
      'utf8',
    );
    expect(note).toContain('- 11:12 +12:30 the demo starts\n');
    expect(note).toContain('- 12:02 +1:02:03 > "ship it"\n');
    expect(run(['set', 'recorded', 'video=https://www.youtube.com/watch?v=dQw4w9WgXcQ']).code).toBe(0);
    const page = html();
    expect(page).toContain(
      '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=750s">+12:30</a> the demo starts',
    );
    expect(page).toContain(
      'ship it (<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3723s">+1:02:03</a>)',
    );
    expect(page).toContain('<li>no stamp here</li>');
    expect(run(['report']).stdout).toContain(
      '- [+12:30](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=750s) the demo starts',
    );
  });

  it('media.ccc.de takes #t=<seconds>; a link that takes no start time leaves the stamp as text', () => {
    expect(run(['set', 'recorded', 'video=https://media.ccc.de/v/36c3-10652-bahnmining']).code).toBe(0);
    expect(html()).toContain('<a href="https://media.ccc.de/v/36c3-10652-bahnmining#t=750">+12:30</a>');
    expect(run(['set', 'recorded', 'video=https://example.org/talk.mp4']).code).toBe(0);
    const page = html();
    expect(page).toContain('<li>+12:30 the demo starts</li>');
    expect(page).not.toContain('t=750');
  });

  it('a private note stays out of the report, link and all', () => {
    expect(run(['set', 'recorded', 'video=https://youtu.be/dQw4w9WgXcQ', 'private=true']).code).toBe(0);
    const page = html();
    expect(page).not.toContain('the demo starts');
    expect(page).not.toContain('dQw4w9WgXcQ');
  });
});
