/**
 * No write lost, errors are errors (issue 13), through the built CLI:
 * concurrent writers behind a dead writer's lock, a full disk (injected at
 * every allocating call, and a real full tmpfs when one can be mounted), a
 * read-only workspace and a forbidden folder (as the unprivileged `nobody`),
 * a folder link out of the workspace, a jot over the size limit, and
 * `report -o` over a file that merely quotes the report marker.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES } from '../../src/core/note/note-size.js';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { BIN, confnotes } from '../helpers/cli.js';
import { asUser, chownTree } from '../helpers/hostile-corpus.js';
import { defaultConference, note, snapshot } from '../helpers/workspace.js';

const HOOK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../helpers/kill-hook.cjs');
const ENV = { CONFNOTES_NOW: '2013-04-16T18:02:00Z', NO_COLOR: '1' };
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): { top: string; root: string; file: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-safety-'));
  made.push(top);
  const root = path.join(top, 'ws');
  initWorkspace(root);
  fs.mkdirSync(path.join(root, 'conf'));
  fs.writeFileSync(path.join(root, 'conf', 'conference.md'), defaultConference);
  const file = path.join(root, 'conf', 'a.md');
  fs.writeFileSync(file, note({ title: 'Shared', tags: '[start]' }, '## Notes\n'));
  fs.writeFileSync(
    path.join(root, '.confnotes', 'state.json'),
    JSON.stringify({ conference: 'conf', note: 'conf/a.md', timezone: 'UTC' }),
  );
  return { top, root, file };
}

const run = (root: string, args: string[], env: Record<string, string> = {}) =>
  confnotes(args, { cwd: root, env: { ...ENV, ...env } });

/** Names of files that are neither notes nor folders a user made: locks, claims, temporary files. */
function leftovers(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((rel) => /\.lock|\.tmp/.test(rel));
}

function deadPid(): number {
  const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
  expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  return pid;
}

describe('many writers behind a dead writer’s lock', () => {
  it('every tag and jot that reports success is in the note, and the lock is taken over once', async () => {
    const { root, file } = workspace();
    fs.writeFileSync(`${file}.lock`, String(deadPid()));
    const writers = Array.from({ length: 24 }, (_, i) =>
      i % 2 === 0 ? ['tag', 'conf/a.md', `t${i}`] : ['jot', `line number ${i}`],
    );
    // All of them meet the lock at the same moment (the hook holds each back until then).
    const startAt = String(Date.now() + 4000);
    const results = await Promise.all(
      writers.map(
        (args) =>
          new Promise<{ args: string[]; code: number; stderr: string }>((resolve) => {
            const child = spawn(process.execPath, ['--require', HOOK, BIN, ...args], {
              cwd: root,
              env: {
                PATH: process.env.PATH,
                HOME: root,
                LANG: 'C.UTF-8',
                TZ: 'UTC',
                ...ENV,
                CONFNOTES_TEST_START_AT: startAt,
                // Each one pauses just before removing a lock, as if descheduled there.
                CONFNOTES_TEST_SLOW_LOCK_RM: '30',
              },
              stdio: ['ignore', 'ignore', 'pipe'],
            });
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => {
              stderr += chunk.toString();
            });
            child.on('close', (code) => resolve({ args, code: code ?? -1, stderr }));
          }),
      ),
    );
    const text = fs.readFileSync(file, 'utf8');
    let succeeded = 0;
    for (const { args, code, stderr } of results) {
      if (code === 0) {
        succeeded++;
        if (args[0] === 'tag')
          expect(text, `${args.join(' ')} reported success`).toMatch(new RegExp(`\\b${args[2]}\\b`));
        else expect(text.split('\n'), `${args.join(' ')} reported success`).toContain(`- 18:02 ${args[1]}`);
      } else {
        // On a very busy machine a writer may give up waiting, but only saying so.
        expect(code, stderr).toBe(1);
        expect(stderr).toMatch(/^confnotes: .*a\.md: another confnotes .* is still writing it/);
      }
    }
    expect(succeeded).toBeGreaterThan(writers.length / 2);
    // Every line landed once: no jot was written twice or lost in a rewrite.
    const lines = text.split('\n').filter((line) => line.startsWith('- 18:02 '));
    expect(new Set(lines).size).toBe(lines.length);
    expect(text).toMatch(/tags: \[start, /);
    expect(leftovers(root)).toEqual([]);
  }, 60_000);
});

/** The calls of a run that allocate space (where a full disk shows): every one gets its turn to fail. */
function allocatingCalls(root: string, args: string[]): number[] {
  const copy = `${root}-trace`;
  fs.cpSync(root, copy, { recursive: true });
  const traced = spawnSync(process.execPath, ['--require', HOOK, BIN, ...args], {
    cwd: copy,
    env: {
      PATH: process.env.PATH,
      HOME: copy,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      ...ENV,
      CONFNOTES_TEST_TRACE: '1',
    },
    encoding: 'utf8',
  });
  fs.rmSync(copy, { recursive: true, force: true });
  const names = /@@calls \d+ (.*)/.exec(traced.stderr)![1]!.split(',');
  return names.flatMap((name, index) =>
    /^(open\((?!r\))|write|writeFile|fsync|link|mkdir)/.test(name) ? [index + 1] : [],
  );
}

describe('a full disk', () => {
  const commands: { args: string[]; shows: RegExp }[] = [
    { args: ['tag', 'conf/a.md', 'storage'], shows: /conf\/a\.md: no space left on the device/ },
    { args: ['jot', 'a line'], shows: /conf\/a\.md: no space left on the device/ },
    { args: ['jot', '--todo', 'a follow-up'], shows: /conf\/a\.md: no space left on the device/ },
    { args: ['new', 'Another talk', '--at', '2013-04-16 15:00'], shows: /: no space left on the device/ },
  ];

  for (const { args, shows } of commands) {
    it(`${args[0]} ${args[1]}: at every allocating call, one line naming the file, exit 1, nothing changed or left`, () => {
      const { top, root } = workspace();
      const calls = allocatingCalls(root, args);
      expect(calls.length).toBeGreaterThan(3);
      const before = snapshot(root);
      before.delete('.confnotes/state.json');
      // What a run that meets no error leaves.
      const whole = `${root}-whole`;
      fs.cpSync(root, whole, { recursive: true });
      expect(confnotes(args, { cwd: whole, env: ENV }).code).toBe(0);
      const done = snapshot(whole);
      done.delete('.confnotes/state.json');
      fs.rmSync(whole, { recursive: true, force: true });
      for (const at of calls) {
        const copy = path.join(top, `run-${at}`);
        fs.cpSync(root, copy, { recursive: true });
        const result = spawnSync(process.execPath, ['--require', HOOK, BIN, ...args], {
          cwd: copy,
          env: {
            PATH: process.env.PATH,
            HOME: copy,
            LANG: 'C.UTF-8',
            TZ: 'UTC',
            ...ENV,
            CONFNOTES_TEST_FAIL_AT: String(at),
            CONFNOTES_TEST_FAIL_CODE: 'ENOSPC',
          },
          encoding: 'utf8',
        });
        const label = `${args.join(' ')}, call ${at} fails`;
        const after = snapshot(copy);
        after.delete('.confnotes/state.json');
        if (result.status === 0) {
          // `new` falls back to a plain exclusive create when its hidden temporary file cannot be made.
          expect(args[0], `${label}: ${result.stderr}`).toBe('new');
          expect(after, label).toEqual(done);
        } else {
          expect(result.status, `${label}: ${result.stderr}`).toBe(1);
          expect(result.stderr, label).toMatch(new RegExp(`^confnotes: .*${shows.source}\\n$`));
          // Every file is as before, or (a failure after `new` made its note, writing the state) as after.
          expect([before, done], label).toContainEqual(after);
        }
        fs.rmSync(copy, { recursive: true, force: true });
      }
    }, 120_000);
  }

  const mountable =
    process.getuid?.() === 0 &&
    (() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-mount-'));
      const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
      if (ok) spawnSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
      return ok;
    })();

  it.runIf(mountable)('a real full tmpfs, then read-only: one line each, exit 1, the note as it was', () => {
    const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-test-tmpfs-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]).status).toBe(0);
    try {
      const root = path.join(mount, 'ws');
      initWorkspace(root);
      fs.mkdirSync(path.join(root, 'conf'));
      fs.writeFileSync(path.join(root, 'conf', 'conference.md'), defaultConference);
      const file = path.join(root, 'conf', 'a.md');
      fs.writeFileSync(file, note({ title: 'Full', tags: '[x]' }, '## Notes\n'));
      const original = fs.readFileSync(file);
      // Fill the disk to the last byte.
      const fill = fs.openSync(path.join(mount, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(fill, Buffer.alloc(4096, 1));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      fs.closeSync(fill);
      for (const args of [
        ['tag', 'conf/a.md', 'storage'],
        ['jot', '--note', 'conf/a.md', 'a line'],
      ]) {
        const result = run(root, args);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toBe(`confnotes: ${file}: no space left on the device\n`);
        expect(fs.readFileSync(file)).toEqual(original);
        expect(leftovers(root)).toEqual([]);
      }
      fs.rmSync(path.join(mount, 'filler'));
      expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
      const result = run(root, ['tag', 'conf/a.md', 'storage']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toBe(`confnotes: ${file}: the file system is read-only\n`);
      expect(fs.readFileSync(file)).toEqual(original);
    } finally {
      spawnSync('umount', [mount]);
      fs.rmSync(mount, { recursive: true, force: true });
    }
  });
});

describe('a workspace the user may not write', () => {
  const nobody = asUser();

  it('tag, jot and new as a user without write permission: one line, exit 1, nothing changed or left', () => {
    const { top, root, file } = workspace();
    // Readable by everyone, writable by its owner only; the CLI runs as another user.
    for (const dir of [top, root, path.join(root, 'conf'), path.join(root, '.confnotes')])
      fs.chmodSync(dir, 0o755);
    const prefix = nobody ? nobody.prefix : [];
    if (!nobody)
      for (const dir of [path.join(root, 'conf'), path.join(root, '.confnotes')]) fs.chmodSync(dir, 0o555);
    const before = snapshot(root);
    for (const args of [
      ['tag', 'conf/a.md', 'storage'],
      ['jot', 'a line'],
      ['new', 'Another talk', '--at', '2013-04-16 15:00'],
    ]) {
      const [command, ...rest] = [...prefix, process.execPath, BIN, ...args];
      const result = spawnSync(command!, rest, {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: root, LANG: 'C.UTF-8', TZ: 'UTC', ...ENV },
        encoding: 'utf8',
      });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/^confnotes: \S+: permission denied\n$/);
      if (args[0] !== 'new') expect(result.stderr).toContain(file);
      expect(snapshot(root)).toEqual(before);
    }
    if (!nobody)
      for (const dir of [path.join(root, 'conf'), path.join(root, '.confnotes')]) fs.chmodSync(dir, 0o755);
  });

  it.runIf(nobody !== null)('as nobody, in a folder nobody owns, a note only root may write', () => {
    const { top, root, file } = workspace();
    chownTree(top, nobody!.uid, nobody!.gid);
    fs.chownSync(file, 0, 0);
    fs.chmodSync(file, 0o644);
    const original = fs.readFileSync(file);
    const [command, ...rest] = [...nobody!.prefix, process.execPath, BIN, 'jot', 'a line'];
    const result = spawnSync(command!, rest, {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: root, LANG: 'C.UTF-8', TZ: 'UTC', ...ENV },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toBe(`confnotes: ${file}: permission denied\n`);
    expect(fs.readFileSync(file)).toEqual(original);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('writes stay inside the workspace', () => {
  it('tag and jot through a folder that links out of the workspace are refused, the outside file untouched', () => {
    const { top, root } = workspace();
    const outside = path.join(top, 'outside');
    fs.mkdirSync(outside);
    const secret = path.join(outside, 'b.md');
    fs.writeFileSync(secret, note({ title: 'Not yours' }, '## Notes\n'));
    fs.symlinkSync(outside, path.join(root, 'conf', 'talks'));
    const bytes = fs.readFileSync(secret);
    for (const args of [
      ['tag', 'conf/talks/b.md', 'pwned'],
      ['jot', '--note', 'conf/talks/b.md', 'pwned'],
    ]) {
      const result = run(root, args);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/^confnotes: .*b\.md: the folder .*talks is a symbolic link/);
      expect(fs.readFileSync(secret)).toEqual(bytes);
    }
    expect(fs.readdirSync(outside)).toEqual(['b.md']);
  });
});

describe('jot and the size limit', () => {
  it('refuses a jot that would take the note over the limit, before writing a byte', () => {
    const { root, file } = workspace();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${text}- 10:00 ${'x'.repeat(MAX_NOTE_BYTES - Buffer.byteLength(text) - 20)}\n`);
    const before = fs.readFileSync(file);
    const result = run(root, ['jot', 'one line too many for this note']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe(
      'confnotes: conf/a.md: this jot would make the note 5.0 MB, over the limit for a note (5 MB); nothing was added\n',
    );
    // Buffer.equals: a deep toEqual over 5 MB takes minutes.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(run(root, ['list', '--json']).stdout).toContain('Shared');
  });
});

describe('report -o', () => {
  it('refuses a file that quotes the report marker but does not end with it, and replaces a real report', () => {
    const { root } = workspace();
    const essay = path.join(root, 'essay.md');
    const text = '# How reports are marked\n\n<!-- confnotes report -->\n\nThat line ends every report.\n';
    fs.writeFileSync(essay, text);
    const refused = run(root, ['report', 'conf', '-o', essay]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/essay\.md exists and is not a confnotes report/);
    expect(fs.readFileSync(essay, 'utf8')).toBe(text);
    const report = path.join(root, 'report.md');
    expect(run(root, ['report', 'conf', '-o', report]).code).toBe(0);
    fs.appendFileSync(report, '\n');
    expect(run(root, ['report', 'conf', '-o', report]).code).toBe(0);
  });
});
