/** `new --from now` on a terminal: the real @inquirer select prompt, driven by @inquirer/testing, in process. */
import { screen } from '@inquirer/testing/vitest';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { parseNote } from '../../src/core/note/note.js';
import { updateProgramme, type FreshEntry } from '../../src/core/programme/programme.js';
import { fakeTerminal } from '../helpers/terminal.js';
import { makeWorkspace, testContext } from '../helpers/workspace.js';

// Each file asks for the wrapped prompts and resets the screen itself (see the helper: --no-isolate).
vi.mock('@inquirer/prompts', async (importOriginal) =>
  (await import('../helpers/inquirer-mock.js')).wrappedPrompts(importOriginal),
);
beforeEach(() => {
  screen.clear();
});

const talk = (uid: string, title: string, room: string): FreshEntry => ({
  uid,
  title,
  start: '2013-04-16T11:00:00-07:00',
  end: '2013-04-16T11:40:00-07:00',
  all_day: false,
  room,
  track: null,
  tags: [],
  speakers: [`Speaker ${uid}`],
  url: null,
  abstract: null,
  status: 'confirmed',
  starred: false,
});

async function workspaceWithParallelTalks() {
  const made = makeWorkspace();
  const conference = readConference(made.ws, 'conf');
  await updateProgramme(made.ws, conference, () => ({
    timezone: null,
    source: 'test',
    entries: [
      talk('p-1', 'Fibre Channel in Cinder', 'Room A'),
      talk('p-2', 'Ceilometer deep dive', 'Room B'),
      talk('p-3', 'Heat templates', 'Room C'),
    ],
  }));
  return made;
}

// 11:15 in Portland, where the test conference is.
const NOW = () => new Date('2013-04-16T18:15:00Z');

describe('confnotes new --from now on a terminal', () => {
  it('asks which of the parallel talks, then writes that one', async () => {
    const { root, confDir } = await workspaceWithParallelTalks();
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'new', '--from', 'now'], {
      io: terminal.io,
      ctx: testContext(root, { now: NOW, env: { NO_COLOR: '1' } }),
    });

    await screen.next();
    const shown = screen.getScreen();
    expect(shown).toContain('3 talks are on now; which one are you in?');
    expect(shown).toContain('Fibre Channel in Cinder · Room A');
    expect(shown).toContain('Ceilometer deep dive · Room B');
    screen.keypress('down');
    screen.keypress('enter');

    expect(await done).toBe(0);
    const file = path.join(confDir, '2013-04-16-1100-ceilometer-deep-dive.md');
    expect(terminal.out.join('')).toContain('2013-04-16-1100-ceilometer-deep-dive.md');
    expect(parseNote(fs.readFileSync(file, 'utf8')).meta).toMatchObject({
      programme: 'p-2',
      room: 'Room B',
      speakers: ['Speaker p-2'],
      start: '11:00',
      end: '11:40',
    });
  });

  it('Ctrl-C at the question leaves nothing behind and exits 130', async () => {
    const { root, confDir } = await workspaceWithParallelTalks();
    const before = fs.readdirSync(confDir).sort();
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'new', '--from', 'now'], {
      io: terminal.io,
      ctx: testContext(root, { now: NOW }),
    });
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toBe(130);
    expect(fs.readdirSync(confDir).sort()).toEqual(before);
  });
});
