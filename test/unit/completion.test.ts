/** What `confnotes __complete` offers for a command line, and that what it prints is always safe to read. */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram, main } from '../../src/cli.js';
import { unquote } from '../../src/commands/completion.js';
import { candidateLines } from '../../src/commands/completion/candidates.js';
import { wanted } from '../../src/commands/completion/words.js';
import type { Io } from '../../src/io.js';
import { makeWorkspace, note, testContext } from '../helpers/workspace.js';

function capture(): Io & { text: { out: string; err: string } } {
  const text = { out: '', err: '' };
  return {
    text,
    stdout: { write: (chunk: string) => (text.out += chunk) },
    stderr: { write: (chunk: string) => (text.err += chunk) },
    stdin: Object.assign(new Readable({ read() {} }), { isTTY: false }),
  } as never;
}

const program = buildProgram(testContext('/'), capture());
const values = (words: string[]) => wanted(program, words).items.map((item) => item.value);

describe('wanted: what the word under the cursor can be', () => {
  it('offers commands, subcommands and options from the program, with their descriptions', () => {
    expect(values(['rep'])).toContain('report');
    expect(values(['rep'])).not.toContain('__complete');
    expect(wanted(program, ['conf', ''])).toMatchObject({
      items: expect.arrayContaining([{ value: 'use', description: 'make a conference the current one' }]),
    });
    const report = program.commands.find((command) => command.name() === 'report')!;
    const groupBy = report.options.find((option) => option.long === '--group-by')!;
    expect(wanted(program, ['report', '--'])).toMatchObject({
      items: expect.arrayContaining([{ value: '--group-by', description: groupBy.description }]),
    });
    expect(values(['report', '--'])).toEqual(expect.arrayContaining(['--help', '-o', '--dir']));
  });

  it('offers option and argument choices', () => {
    expect(values(['report', '--format', ''])).toEqual(['md', 'html', 'pdf']);
    expect(values(['report', '-f', ''])).toEqual(['md', 'html', 'pdf']);
    expect(values(['report', '--group-by', ''])).toEqual(['type', 'day', 'track']);
    expect(values(['list', '--type', ''])).toContain('keynote');
    expect(values(['import', '--format', ''])).toEqual(['ics', 'pretalx', 'pentabarf', 'c3voc']);
    expect(values(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('names the workspace values and file completion where they belong', () => {
    const source = (words: string[]) => wanted(program, words).source;
    expect(source(['report', ''])).toBe('conferences');
    expect(source(['list', '--conf', ''])).toBe('conferences');
    expect(source(['report', '-o', ''])).toBe('files');
    expect(source(['report', '--output', ''])).toBe('files');
    expect(source(['import', ''])).toBe('files');
    expect(source(['init', ''])).toBe('dirs');
    expect(source(['--dir', ''])).toBe('dirs');
    expect(source(['new', '--from', ''])).toBe('from');
    expect(source(['agenda', '--star', ''])).toBe('entries');
    expect(source(['agenda', '--room', ''])).toBe('rooms');
    expect(source(['agenda', '--tag', ''])).toBe('agenda-tags');
    expect(source(['list', '--tag', ''])).toBe('tags');
    for (const command of ['show', 'open', 'edit', 'tag', 'untag'])
      expect(source([command, ''])).toBe('notes');
    expect(source(['jot', '--note', ''])).toBe('notes');
    expect(source(['tag', 'fibre', ''])).toBe('tags');
    expect(source(['tag', 'fibre', 'storage', ''])).toBe('tags');
    expect(source(['new', ''])).toBe('none');
    expect(source(['jot', '--', '--note', ''])).toBe('none');
  });

  it('skips option values, and remembers --dir and --conf for the lookup', () => {
    expect(
      wanted(program, ['--dir', '/w', 'new', '--conf', 'fosdem', '--tag', 'x', '--from', '']),
    ).toMatchObject({
      source: 'from',
      dir: '/w',
      conf: 'fosdem',
    });
    expect(wanted(program, ['report', '--format=md', ''])).toMatchObject({ source: 'conferences' });
    expect(wanted(program, ['report', '--format', 'md', ''])).toMatchObject({ source: 'conferences' });
  });
});

describe('unquote', () => {
  it('undoes the quoting bash hands over, and expands nothing', () => {
    expect(unquote("'my ws'")).toBe('my ws');
    expect(unquote('"a\\$b"')).toBe('a$b');
    expect(unquote('a\\ b')).toBe('a b');
    expect(unquote('$(id)')).toBe('$(id)');
    expect(unquote("'\\'")).toBe('\\');
  });
});

describe('candidateLines', () => {
  const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('never prints a control character, and keeps one candidate to a line', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '$', '(', '`', '\n', '\t', '\x1b', '\u202e', '\x07'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: text, description: text })),
        fc.boolean(),
        (items, prefixOk) => {
          const lines = candidateLines(items, { prefixOk, descriptions: true });
          expect(lines.length).toBeLessThanOrEqual(items.length);
          for (const line of lines) {
            expect(line).not.toMatch(CONTROL);
            expect(line.split('\t').length).toBeLessThanOrEqual(2);
            expect(line.startsWith('\t')).toBe(false);
          }
        },
      ),
    );
  });

  it('cuts a name before a control character when a prefix still names it, else leaves it out', () => {
    const items = [{ value: 'evil\n$(id)' }, { value: '\x1b]0;x' }, { value: '$(touch x)' }];
    expect(candidateLines(items, { prefixOk: true, descriptions: false })).toEqual(['evil', '$(touch x)']);
    expect(candidateLines(items, { prefixOk: false, descriptions: false })).toEqual(['$(touch x)']);
    expect(
      candidateLines([{ value: 'a', description: 'x\ty\u202ez' }], { prefixOk: false, descriptions: true }),
    ).toEqual(['a\tx y z']);
  });
});

describe('confnotes __complete', () => {
  it('prints the mode, then the workspace values, quietly', async () => {
    const { root, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, '$(id).md'), note({ tags: '["`id`"]' }));
    fs.writeFileSync(path.join(confDir, 'evil\n$(id).md'), note({ start: '"11:00"' }));
    const run = async (argv: string[]) => {
      const io = capture();
      const code = await main(argv, { ctx: testContext(root), io });
      return { code, out: io.text.out, err: io.text.err };
    };
    const show = await run(['__complete', 'bash', '--', 'show', '']);
    expect(show).toEqual({ code: 0, out: 'words\n$(id)\nevil\n', err: '' });
    expect((await run(['__complete', 'zsh', '--', 'tag', 'x', ''])).out).toBe('words\nid\t1 note\n');
    expect((await run(['__complete', 'fish', '--', 'report', '-o', ''])).out).toBe('files\n');
    // A script from before `<shell>` (it used `compgen -W`) gets nothing to expand.
    expect(await run(['__complete', 'notes'])).toEqual({ code: 0, out: '', err: '' });
    // No workspace: nothing, and no error on the screen.
    const io = capture();
    await main(['__complete', 'bash', '--', '--dir', '/nonexistent', 'show', ''], {
      ctx: testContext(root),
      io,
    });
    expect(io.text).toEqual({ out: 'words\n', err: '' });
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });
});
