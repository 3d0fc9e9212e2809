/** "Which talk are you in?" (issue 16): starred talks first, ★ and ✎ marks, refs; the real @inquirer select. */
import { screen } from '@inquirer/testing/vitest';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { readProgramme, updateProgramme, type FreshEntry } from '../../src/core/programme/programme.js';
import { fakeTerminal } from '../helpers/terminal.js';
import { makeWorkspace, testContext } from '../helpers/workspace.js';

// Each file asks for the wrapped prompts and resets the screen itself (see the helper: --no-isolate).
vi.mock('@inquirer/prompts', async (importOriginal) =>
  (await import('../helpers/inquirer-mock.js')).wrappedPrompts(importOriginal),
);
beforeEach(() => {
  screen.clear();
});
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

const talk = (uid: string, title: string, room: string, starred = false): FreshEntry => ({
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
  starred,
});

// 11:15 in Portland, where the test conference is.
const NOW = () => new Date('2013-04-16T18:15:00Z');

describe('the picker of new --from now', () => {
  it('lists starred talks first, marks them ★ and those with a note ✎, and shows refs', async () => {
    const { root, ws, confDir } = makeWorkspace();
    roots.push(root);
    const conference = readConference(ws, 'conf');
    updateProgramme(ws, conference, () => ({
      timezone: null,
      source: 'test',
      entries: [
        talk('p-1', 'Fibre Channel in Cinder', 'Room A'),
        talk('p-2', 'Ceilometer deep dive', 'Room B'),
        talk('p-3', 'Heat templates', 'Room C', true),
      ],
    }));
    const refs = new Map(readProgramme(ws, conference)!.entries.map((entry) => [entry.uid, entry.ref]));
    fs.writeFileSync(
      path.join(confDir, '2013-04-16-1100-ceilometer.md'),
      '---\ntitle: Ceilometer deep dive\ndate: 2013-04-16\nstart: "11:00"\nprogramme: p-2\n---\n## Notes\n',
    );
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'new', '--from', 'now'], {
      io: terminal.io,
      ctx: testContext(root, { now: NOW, env: { NO_COLOR: '1' } }),
    });

    await screen.next();
    const shown = screen.getScreen();
    const lines = shown.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('Heat templates')).toBeGreaterThan(-1);
    expect(at('Heat templates')).toBeLessThan(at('Fibre Channel'));
    expect(at('Fibre Channel')).toBeLessThan(at('Ceilometer'));
    expect(lines[at('Heat templates')]).toContain('★ Heat templates · Room C');
    expect(lines[at('Ceilometer')]).toContain('Ceilometer deep dive · Room B ✎ has a note');
    expect(lines[at('Fibre Channel')]).not.toMatch(/[★✎]/);
    // The highlighted (first) choice describes itself with its ref.
    expect(shown).toContain(`Speaker p-3 · ${refs.get('p-3')}`);
    screen.keypress('enter');

    expect(await done).toBe(0);
    expect(terminal.out.join('')).toContain('2013-04-16-1100-heat-templates.md');
  });
});
