/** The launcher: the quick lane and the full CLI agree, and a closed pipe ends quietly. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUICK_LANE_MODULES } from '../../src/quick-lane-modules.js';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

let ws: string;
const NOW = { CONFNOTES_NOW: '2013-04-16T18:02:00Z' };
const run = (args: string[]) => confnotes(args, { cwd: ws, env: NOW });

beforeAll(() => {
  const home = tempDir();
  ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  expect(
    run([
      'conf',
      'new',
      'Summit',
      '--start',
      '2013-04-15',
      '--end',
      '2013-04-18',
      '--timezone',
      'America/Los_Angeles',
    ]).code,
  ).toBe(0);
  expect(run(['new', 'Quantum deep dive']).code).toBe(0);
});

describe('quick lane and full CLI', () => {
  it('write the same line whichever lane runs the jot', () => {
    const quick = run(['jot', '--at', '11:05', 'quick', 'lane']); // plain: the quick lane
    const full = run(['jot', '--note', 'quantum', '--at', '11:06', 'full', 'lane']); // --note: the full CLI
    expect([quick.code, full.code]).toEqual([0, 0]);
    const file = path.join(ws, run(['current']).stdout.trim());
    expect(fs.readFileSync(file, 'utf8')).toMatch(/\n- 11:05 quick lane\n- 11:06 full lane\n$/);
    expect(quick.stderr.replace('11:05 quick', '')).toBe(full.stderr.replace('11:06 full', ''));
  });

  it('keep words that look like options in the text of a jot, in both lanes', () => {
    expect(run(['jot', '--at', '11:07', 'what', 'does', '-h', 'do']).code).toBe(0);
    expect(run(['jot', '--note', 'quantum', '--at', '11:08', 'use', '--force', 'carefully']).code).toBe(0);
    const file = path.join(ws, run(['current']).stdout.trim());
    expect(fs.readFileSync(file, 'utf8')).toMatch(
      /\n- 11:07 what does -h do\n- 11:08 use --force carefully\n$/,
    );
  });

  it('refuse a CONFNOTES_NOW that is not an instant, in both lanes, with exit 2', () => {
    for (const args of [['jot', 'x'], ['list']]) {
      const result = confnotes(args, { cwd: ws, env: { CONFNOTES_NOW: 'garbage' } });
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr).toMatch(/^confnotes: CONFNOTES_NOW is not an ISO 8601 instant/);
    }
  });

  it('hand help, typos and errors to commander', () => {
    expect(run(['jot', '--help']).stdout).toMatch(/^Usage: confnotes jot \[options\] \[text\.\.\.\]/);
    const typo = run(['jot', '--tood', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown option '--tood'/);
    expect(run(['--version']).stdout).toBe(
      `${JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`,
    );
  });
});

describe('--color and --no-color', () => {
  const ESC = '\x1b[';
  it('colour a piped listing only when asked, over NO_COLOR and FORCE_COLOR', () => {
    expect(run(['list']).stdout).not.toContain(ESC);
    expect(run(['--color', 'list']).stdout).toContain(ESC);
    expect(confnotes(['list', '--color'], { cwd: ws, env: { ...NOW, NO_COLOR: '1' } }).stdout).toContain(ESC);
    expect(confnotes(['list'], { cwd: ws, env: { ...NOW, FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    const off = confnotes(['--no-color', 'list'], { cwd: ws, env: { ...NOW, FORCE_COLOR: '1' } });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain(ESC);
  });

  it('are taken by the quick lane too', () => {
    for (const args of [
      ['--no-color', 'current'],
      ['current', '--color'],
      ['--color', 'jot', '--at', '11:09', 'coloured'],
    ]) {
      const result = run(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr + result.stdout, args.join(' ')).not.toMatch(/unknown option/);
    }
  });
});

describe('a reader that stops early', () => {
  it('ends quietly with the exit code of the command', () => {
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    const folder = path.join(ws, 'summit');
    for (let i = 0; i < 400; i++) {
      const id = `2013-04-17-${String(1000 + i)}-talk-${i}`;
      fs.writeFileSync(
        path.join(folder, `${id}.md`),
        `---\ntitle: Talk ${i}\ntype: session\ndate: 2013-04-17\nsummary: ${'long summary '.repeat(30)}\n---\n`,
      );
    }
    for (const args of ['list --all --json', 'list --all', '--help']) {
      // PIPESTATUS[0]: the CLI's own exit status, not head's.
      const result = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${BIN}" ${args} | head -c 1 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
        ],
        {
          cwd: ws,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: ws, ...NOW },
        },
      );
      expect(result.stderr, args).toBe('status 0\n');
    }
  });
});

describe('a quick command whose reader has gone', () => {
  it("saves the jot, prints nothing more and exits with the command's code", () => {
    // `true` has exited long before the CLI writes its one line: the pipe is closed by then.
    const quiet = (command: string) =>
      spawnSync('bash', ['-c', `(sleep 0.3; ${command}) | true; echo "status \${PIPESTATUS[0]}" >&2`], {
        cwd: ws,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: ws, ...NOW },
      }).stderr;
    const bin = `"${process.execPath}" "${BIN}"`;
    expect(quiet(`${bin} jot a line for nobody 2>&1 >/dev/null`)).toBe('status 0\n');
    expect(quiet(`${bin} current`)).toBe('status 0\n');
    // An error message nobody reads still gives the error's exit code.
    expect(quiet(`${bin} jot --at 25:99 late 2>&1 >/dev/null`)).toBe('status 2\n');
    const note = fs.readFileSync(run(['current', '--absolute']).stdout.trim(), 'utf8');
    expect(note).toContain('a line for nobody');
    expect(note).not.toContain('late');
  });
});

describe('the quick lane build', () => {
  it('carries no YAML parser, store, prompts or commander', () => {
    const bundle = fs.readFileSync(new URL('../../dist/quick.cjs', import.meta.url), 'utf8');
    const modules = [...bundle.matchAll(/^\/\/ (\S+)$/gm)].map((match) => match[1]);
    expect(modules).toContain('src/commands/jot-lines.ts');
    for (const heavy of [
      'node_modules/yaml/',
      'node_modules/gray-matter/',
      'node_modules/commander/',
      'node_modules/chalk/',
      '@inquirer',
      'src/core/note/store.ts',
      'src/core/front-matter/front-matter.ts',
    ]) {
      expect(
        modules.filter((name) => name!.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
    expect(bundle.length).toBeLessThan(64 * 1024);
    // Only what src/quick-lane-modules.ts allows; node_modules only as Node's own built-ins (none bundled).
    expect(modules.filter((name) => !QUICK_LANE_MODULES.includes(name!))).toEqual([]);
  });
});
