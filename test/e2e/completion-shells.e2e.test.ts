/**
 * Completion in real shells (bash, zsh, fish) under tmux: the generated script
 * is sourced in a shell without rc files, the test types a line, presses TAB
 * and reads the screen. The workspace holds hostile names (a note file named
 * `$(touch PWNED1).md`, a tag `` `>pwned2` ``, a programme track, room and
 * uid that are command substitutions, a note name with a newline): none may
 * run, each must be listed as it is and inserted escaped, so that pressing
 * Enter afterwards reaches the right note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { type ShellName, ShellSession, shellHome } from '../helpers/tmux-shell.js';
import { tempDir } from '../helpers/workspace.js';

/** Files a hostile candidate creates if a shell ever runs it. */
const RAN = new Set(['PWNED1', 'pwned2', 'PWNED3', 'PWNED4', 'PWNED5', 'PWNED6']);

let home: string;
let ws: string;

function note(title: string, start: string, tags: string[] = []): string {
  return `---
title: ${title}
type: session
conference: summit-2013
date: 2013-04-16
start: "${start}"
end: "${start.slice(0, 2)}:40"
tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]
---
## Notes
`;
}

const programme = `timezone: America/Los_Angeles
source: schedule.ics
entries:
  - uid: "$(touch PWNED5)@example.org"
    title: Evil track
    start: "2013-04-15T10:00:00-07:00"
    end: "2013-04-15T10:40:00-07:00"
    all_day: false
    room: "$(touch PWNED4)"
    track: "$(touch PWNED3)"
    tags: []
    speakers: []
    url: ~
    abstract: ~
    status: confirmed
    starred: false
  - uid: "talk:42@example.org"
    title: A colon in the uid
    start: "2013-04-15T11:00:00-07:00"
    end: "2013-04-15T11:40:00-07:00"
    all_day: false
    room: ~
    track: ~
    tags: []
    speakers: []
    url: ~
    abstract: ~
    status: confirmed
    starred: false
`;

/** Every file under the home folder a hostile candidate would have created. */
function ran(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (RAN.has(entry.name)) found.push(path.join(dir, entry.name));
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
    }
  };
  walk(home);
  return found;
}

beforeAll(() => {
  home = tempDir('confnotes-completion-');
  ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  confnotes(['conf', 'new', 'Summit 2013', '--start', '2013-04-15', '--end', '2013-04-18'], { cwd: ws });
  const conf = path.join(ws, 'summit-2013');
  fs.writeFileSync(path.join(conf, '$(touch PWNED1).md'), note('Evil name', '10:00'));
  fs.writeFileSync(path.join(conf, '2013-04-16-1100-tagged.md'), note('Tagged', '11:00', ['`>pwned2`']));
  fs.writeFileSync(path.join(conf, "it's *here*.md"), note('Quoted glob', '12:00'));
  fs.writeFileSync(path.join(conf, 'evil\n$(touch PWNED6).md'), note('Newline', '13:00'));
  fs.writeFileSync(path.join(conf, 'programme.yml'), programme);
  fs.writeFileSync(path.join(ws, 'schedule.ics'), 'not read: only completed\n');
  shellHome(home, ws);
});

afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

/** bash lists candidates on the second TAB; zsh and fish on the first. */
const LIST: Record<ShellName, string[]> = { bash: ['Tab', 'Tab'], zsh: ['Tab'], fish: ['Tab'] };

/** Rows under the command line: the listing. */
const listing = (screen: string) => screen.split('\n').slice(1).join('\n');

for (const shell of ['bash', 'zsh', 'fish'] as const) {
  describe(`completion in ${shell} (tmux)`, { timeout: 90_000 }, () => {
    let term: ShellSession;

    beforeEach(async () => {
      term = await ShellSession.start(shell, home);
    });

    afterEach(() => {
      term.close();
      const found = ran();
      // Removed before the assertion, so one failure does not fail every later test.
      for (const file of found) fs.rmSync(file, { force: true });
      expect(found).toEqual([]);
    });

    /** Types `line`, presses TAB, and waits for the command line to read `expected`. */
    async function complete(line: string, expected: string): Promise<void> {
      term.type(line);
      term.keys('Tab');
      await term.waitFor((screen) => term.commandLine(screen).trimEnd() === expected);
    }

    /** Presses Enter and waits for `pattern` in what the command printed. */
    async function enter(pattern: RegExp): Promise<string> {
      term.keys('Enter');
      return term.waitFor(pattern);
    }

    it('completes a command, the conference slug and files', async () => {
      await complete('confnotes rep', 'confnotes report');
      // The shell has put a space after `report`.
      await complete('', 'confnotes report summit-2013');
      await term.clear();
      await complete('confnotes import sched', 'confnotes import schedule.ics');
      await term.clear();
      await complete('confnotes report -o sched', 'confnotes report -o schedule.ics');
    });

    it('lists the formats after --format and the programme refs after --from', async () => {
      term.type('confnotes report --format ');
      term.keys(...LIST[shell]);
      await term.waitFor((screen) =>
        ['md', 'html', 'pdf'].every((f) => new RegExp(`\\b${f}\\b`).test(listing(screen))),
      );
      await term.clear();
      term.type('confnotes new --from ');
      term.keys(...LIST[shell]);
      const uid = shell === 'bash' ? '\\$\\(touch\\ PWNED5\\)@example.org' : '$(touch PWNED5)@example.org';
      const screen = await term.waitFor((s) => listing(s).includes(uid));
      expect(listing(screen)).toMatch(/\bnow\b/);
      expect(listing(screen)).toMatch(/\bnext\b/);
    });

    it('lists note names as they are, and runs none of them', async () => {
      term.type('confnotes show ');
      term.keys(...LIST[shell]);
      // bash lists what it will insert (quoted); zsh and fish list the names themselves.
      const names =
        shell === 'bash'
          ? ['\\$\\(touch\\ PWNED1\\)', "it\\'s\\ \\*here\\*", '2013-04-16-1100-tagged', 'evil']
          : ['$(touch PWNED1)', "it's *here*", '2013-04-16-1100-tagged', 'evil'];
      const screen = await term.waitFor((s) => names.every((name) => listing(s).includes(name)));
      expect(listing(screen)).not.toContain('PWNED6');
    });

    it('inserts a note named $(…) escaped, and the inserted text names that note', async () => {
      await complete('confnotes show \\$', 'confnotes show \\$\\(touch\\ PWNED1\\)');
      await enter(/title: Evil name/);
    });

    it('inserts names with quotes, globs and a newline so that they still name the note', async () => {
      term.type('confnotes show it');
      term.keys('Tab');
      await term.waitFor((screen) => term.commandLine(screen).includes('here'));
      expect(term.commandLine()).toContain("it\\'s\\ \\*here\\*");
      await enter(/title: Quoted glob/);
      await term.clear();
      // The name is cut before its newline: a unique prefix of a note id still names it.
      await complete('confnotes show ev', 'confnotes show evil');
      await enter(/title: Newline/);
    });

    it('inserts a tag written with backticks (normalised away) and a track, room and uid with $(…) as text', async () => {
      // Tags are read in Obsidian's alphabet, so `>pwned2` in the front matter is the tag pwned2.
      const tag = 'pwned2';
      await complete('confnotes list --tag ', `confnotes list --tag ${tag}`);
      await enter(/Tagged/);
      await term.clear();
      await complete('confnotes agenda --tag ', 'confnotes agenda --tag \\$\\(touch\\ PWNED3\\)');
      await enter(/Evil track/);
      await term.clear();
      await complete('confnotes agenda --room ', 'confnotes agenda --room \\$\\(touch\\ PWNED4\\)');
      await term.clear();
      await complete(
        'confnotes agenda --star \\$',
        'confnotes agenda --star \\$\\(touch\\ PWNED5\\)@example.org',
      );
    });

    // A bash case: its completion function is handed the quote the user opened, and must close it.
    if (shell === 'bash')
      it('completes inside quotes the user opened, closing them', async () => {
        await complete("confnotes show '$", "confnotes show '$(touch PWNED1)'");
        await enter(/title: Evil name/);
        await term.clear();
        await complete('confnotes show "$', 'confnotes show "\\$(touch PWNED1)"');
        await enter(/title: Evil name/);
      });

    it('completes a value after = and after a colon (bash splits words there)', async () => {
      await complete('confnotes report --format=h', 'confnotes report --format=html');
      await term.clear();
      await complete('confnotes report --output=sched', 'confnotes report --output=schedule.ics');
      await term.clear();
      await complete('confnotes agenda --star talk:', 'confnotes agenda --star talk:42@example.org');
      await term.clear();
      await complete('confnotes agenda --star=ta', 'confnotes agenda --star=talk:42@example.org');
    });

    it(shell === 'bash' ? 'lists the options' : 'lists the options with their descriptions', async () => {
      term.type('confnotes report --');
      term.keys(...LIST[shell]);
      const screen = await term.waitFor((s) => listing(s).includes('--group-by'));
      if (shell !== 'bash') {
        expect(listing(screen)).toContain('group the sessions by type, day or track');
        expect(listing(screen)).toContain('include private notes');
      }
    });
  });
}
