/** The guided `new`: the real @inquirer prompts, driven by @inquirer/testing's screen, in process. */
import { screen } from '@inquirer/testing/vitest';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { fakeTerminal } from '../helpers/terminal.js';
import { makeWorkspace, note, testContext } from '../helpers/workspace.js';

// Each file asks for the wrapped prompts and resets the screen itself (see the helper: --no-isolate).
vi.mock('@inquirer/prompts', async (importOriginal) =>
  (await import('../helpers/inquirer-mock.js')).wrappedPrompts(importOriginal),
);
beforeEach(() => {
  screen.clear();
});

function workspaceWithTags() {
  const made = makeWorkspace();
  fs.writeFileSync(
    path.join(made.confDir, '2013-04-15-1000-a.md'),
    note({ title: 'A', tags: '[storage, ha]' }),
  );
  fs.writeFileSync(path.join(made.confDir, '2013-04-15-1100-b.md'), note({ title: 'B', tags: '[storage]' }));
  return made;
}

describe('confnotes new on a terminal', () => {
  it('asks for every missing piece and writes the note', async () => {
    const { root, confDir } = workspaceWithTags();
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'new'], {
      io: terminal.io,
      ctx: testContext(root, { env: { NO_COLOR: '1' } }),
    });

    await screen.next();
    expect(screen.getScreen()).toContain('Title of the session');
    screen.type('Ceilometer deep dive');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Type');
    screen.keypress('down'); // session -> design-summit
    screen.keypress('down'); // -> workshop
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Speakers');
    screen.type('Ann Example, Bob Example');
    screen.keypress('enter');

    await screen.next();
    // The workspace's tags, most used first.
    expect(screen.getScreen()).toMatch(/storage[\s\S]*ha/);
    screen.keypress('space');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Other tags');
    screen.type('Metering');
    screen.keypress('enter');

    await screen.next();
    // 11:02 in Portland rounds to the 11:00 slot.
    expect(screen.getScreen()).toContain('11:00');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('editor');
    screen.keypress('enter');

    expect(await done).toBe(0);
    const file = path.join(confDir, '2013-04-16-1100-ceilometer-deep-dive.md');
    expect(terminal.out.join('')).toContain('2013-04-16-1100-ceilometer-deep-dive.md');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('type: workshop\n');
    expect(text).toContain('speakers: [Ann Example, Bob Example]\n');
    expect(text).toContain('tags: [storage, metering]\n');
    expect(text).toContain('end: "12:30"\n');
  });

  it('asks only for what the options left out', async () => {
    const { root, confDir } = workspaceWithTags();
    const terminal = fakeTerminal();
    const done = main(
      ['--dir', root, 'new', '--type', 'keynote', '--speaker', 'Mark', '--tag', 'keynote', '--at', '09:00'],
      {
        io: terminal.io,
        ctx: testContext(root),
      },
    );
    await screen.next();
    expect(screen.getScreen()).toContain('Title of the session');
    screen.type('Opening');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('editor');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(fs.existsSync(path.join(confDir, '2013-04-16-0900-opening.md'))).toBe(true);
  });

  it('Ctrl-C at any prompt leaves nothing behind and exits 130', async () => {
    for (const promptsBefore of [0, 1, 2, 3]) {
      const { root, confDir } = workspaceWithTags();
      const before = fs.readdirSync(confDir).sort();
      const terminal = fakeTerminal();
      const done = main(['--dir', root, 'new'], { io: terminal.io, ctx: testContext(root) });
      const answers = ['Title', 'enter', 'Speaker'];
      for (let i = 0; i < promptsBefore; i++) {
        await screen.next();
        const answer = answers[i]!;
        if (answer !== 'enter') screen.type(answer);
        screen.keypress('enter');
      }
      await screen.next();
      screen.keypress({ name: 'c', ctrl: true });
      expect(await done).toBe(130);
      expect(fs.readdirSync(confDir).sort()).toEqual(before);
    }
  });
});

describe('confnotes new without a terminal', () => {
  it('never prompts: a missing title is a one-line error naming what to pass, exit 2', async () => {
    const { root, confDir } = workspaceWithTags();
    const terminal = fakeTerminal();
    terminal.io.stdin.isTTY = false as true;
    expect(await main(['--dir', root, 'new'], { io: terminal.io, ctx: testContext(root) })).toBe(2);
    expect(terminal.err.join('')).toMatch(/^confnotes: missing the title: confnotes new "Talk title"/);
    expect(fs.readdirSync(confDir)).toHaveLength(3);
  });
});
