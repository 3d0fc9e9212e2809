/** `report -o` on a terminal: asks before replacing a file that is not a report (the real prompts, on @inquirer/testing's screen). */
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

function setUp() {
  const made = makeWorkspace();
  fs.writeFileSync(
    path.join(made.confDir, '2013-04-16-1000-a.md'),
    note({ title: 'A talk', summary: 'Good.' }, '## Key takeaways\n\n- one\n'),
  );
  const target = path.join(made.root, 'mine.md');
  fs.writeFileSync(target, 'my own words\n');
  return { ...made, target };
}

describe('report -o on a terminal', () => {
  it('asks before replacing a file that is not a report, and leaves it when the answer is no', async () => {
    const { root, target } = setUp();
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'report', '-o', target], {
      io: terminal.io,
      ctx: testContext(root, { env: { NO_COLOR: '1' } }),
    });
    await screen.next();
    expect(screen.getScreen()).toMatch(/mine\.md exists and is not a confnotes report\. Replace it\?/);
    screen.type('n');
    screen.keypress('enter');
    expect(await done).toBe(1);
    expect(terminal.err.join('')).toMatch(/mine\.md left as it is/);
    expect(fs.readFileSync(target, 'utf8')).toBe('my own words\n');
  });

  it('replaces it when the answer is yes', async () => {
    const { root, target } = setUp();
    const terminal = fakeTerminal();
    const done = main(['--dir', root, 'report', '-o', target], {
      io: terminal.io,
      ctx: testContext(root, { env: { NO_COLOR: '1' } }),
    });
    await screen.next();
    screen.type('y');
    screen.keypress('enter');
    expect(await done).toBe(0);
    const text = fs.readFileSync(target, 'utf8');
    // -o *.md writes the YAML title block first (issue 15), then the report.
    expect(text).toMatch(
      /^---\ntitle: "Test Conf 2013 trip report"\n[\s\S]*?\n---\n\n# Test Conf 2013 trip report\n/,
    );
    expect(text).toContain('### A talk');
    expect(terminal.out.join('')).toBe('mine.md\n');
  });

  it('does not ask for a new file or a previous report', async () => {
    const { root } = setUp();
    const terminal = fakeTerminal();
    const fresh = path.join(root, 'fresh.html');
    expect(
      await main(['--dir', root, 'report', '-o', fresh], { io: terminal.io, ctx: testContext(root) }),
    ).toBe(0);
    expect(
      await main(['--dir', root, 'report', '-o', fresh], { io: terminal.io, ctx: testContext(root) }),
    ).toBe(0);
    expect(fs.readFileSync(fresh, 'utf8')).toContain('<meta name="generator" content="confnotes report">');
  });
});
