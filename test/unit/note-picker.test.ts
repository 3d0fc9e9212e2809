/**
 * The note picker: its choices and filter (pure), and each command that opens
 * it when no note is named, driven by scripted prompts; without a terminal,
 * the usage error that names the missing argument, as commander gave it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { filterNoteChoices, noteChoices } from '../../src/core/note/note-choices.js';
import { scanNotes } from '../../src/core/note/store.js';
import type { CommandEnv } from '../../src/io.js';
import { type Choice, fitToTerminal, type Prompts } from '../../src/ui/prompts.js';
import stringWidth from 'string-width';
import { splitAssignments } from '../../src/ui/note-picker.js';
import { fakeTerminal } from '../helpers/terminal.js';
import { makeWorkspace, note, tempDir, testContext } from '../helpers/workspace.js';

function workspace() {
  const made = makeWorkspace();
  const write = (name: string, fields: Record<string, string>) =>
    fs.writeFileSync(path.join(made.confDir, `${name}.md`), note(fields));
  write('2013-04-15-1000-fibre', {
    title: 'Fibre Channel in Cinder',
    date: '2013-04-15',
    speakers: '[Jürgen Müller]',
    tags: '[storage]',
  });
  write('2013-04-17-0900-keynote', { title: 'Opening keynote', date: '2013-04-17', type: 'keynote' });
  write('2013-04-16-1100-quantum', {
    title: 'Quantum networking',
    date: '2013-04-16',
    start: '"11:00"',
    speakers: '[Ann Example, Bob Example]',
    tags: '[networking, sdn]',
  });
  return made;
}

/** Prompts that answer from a script, and record what the picker offered. */
function scripted(answers: { term?: string; inputs?: string[] }) {
  const offered: Choice<unknown>[][] = [];
  const asked: string[] = [];
  const inputs = [...(answers.inputs ?? [])];
  const fail = () => Promise.reject(new Error('unexpected prompt'));
  const prompts: Prompts = {
    input: async (config) => {
      asked.push(config.message);
      const answer = inputs.shift();
      if (answer === undefined) throw new Error(`no answer for ${config.message}`);
      const valid = config.validate?.(answer) ?? true;
      if (valid !== true) throw new Error(`refused: ${valid}`);
      return answer;
    },
    select: fail,
    checkbox: fail,
    confirm: fail,
    search: async <T>(config: Parameters<Prompts['search']>[0]) => {
      asked.push(config.message);
      const choices = (await config.source(answers.term)) as Choice<T>[];
      offered.push(choices);
      if (choices.length === 0) throw new Error('nothing to pick');
      return choices[0]!.value;
    },
  };
  return { prompts, offered, asked };
}

async function run(argv: string[], root: string, prompts?: Prompts, env: Record<string, string> = {}) {
  const terminal = fakeTerminal();
  const code = await main(['--dir', root, ...argv], {
    io: terminal.io,
    ctx: testContext(root, { env: { HOME: root, NO_COLOR: '1', ...env } }),
    prompts,
  });
  return { code, out: terminal.out.join(''), err: terminal.err.join('') };
}

describe('the choices', () => {
  const { ws } = workspace();
  const choices = noteChoices(scanNotes(ws).notes);
  const titles = (term: string | undefined) => filterNoteChoices(choices, term).map((c) => c.note.title);

  it('lists every note, most recent first, as date  title — speakers (conference)', () => {
    expect(choices.map((choice) => choice.label)).toEqual([
      '2013-04-17  Opening keynote (conf)',
      '2013-04-16  Quantum networking — Ann Example, Bob Example (conf)',
      '2013-04-15  Fibre Channel in Cinder — Jürgen Müller (conf)',
    ]);
  });

  it('filters by parts of words in any order, across case and accents', () => {
    expect(titles(undefined)).toHaveLength(3);
    expect(titles('  ')).toHaveLength(3);
    expect(titles('muller')).toEqual(['Fibre Channel in Cinder']);
    expect(titles('JURG')).toEqual(['Fibre Channel in Cinder']);
    expect(titles('cinder fib')).toEqual(['Fibre Channel in Cinder']);
    expect(titles('sdn')).toEqual(['Quantum networking']); // a tag
    expect(titles('2013-04-17')).toEqual(['Opening keynote']); // the date
    expect(titles('conf')).toHaveLength(3); // the conference
    expect(titles('zoning')).toEqual([]);
  });

  it('takes a loosely spelt word after the exact matches', () => {
    expect(titles('chnl')).toEqual(['Fibre Channel in Cinder']);
    // "net" is in both networking notes' words; "ntwrk" only loosely in "networking".
    expect(titles('ntwrk')).toEqual(['Quantum networking']);
    expect(titles('xyz')).toEqual([]);
  });
});

describe('a command without its note, on a terminal', () => {
  it('show: picks from the filtered list and prints the note picked', async () => {
    const { root, confDir } = workspace();
    const fake = scripted({ term: 'müll' });
    const result = await run(['show'], root, fake.prompts);
    expect(result.code).toBe(0);
    expect(fake.offered[0]!.map((choice) => choice.name)).toEqual([
      '2013-04-15  Fibre Channel in Cinder — Jürgen Müller (conf)',
    ]);
    expect(result.out).toBe(fs.readFileSync(path.join(confDir, '2013-04-15-1000-fibre.md'), 'utf8'));
  });

  it('shows titles and names with control characters made visible', async () => {
    const { root, confDir } = workspace();
    fs.writeFileSync(
      path.join(confDir, '2013-04-18-0900-evil.md'),
      note({ title: '"Evil \\e]0;owned\\a talk"', date: '2013-04-18' }),
    );
    const fake = scripted({ term: 'evil' });
    expect((await run(['show', '--path'], root, fake.prompts)).code).toBe(0);
    const shown = fake.offered[0]![0]!.name;
    expect(shown).not.toMatch(/[\u001b\u0007]/);
    expect(shown).toContain('\\x1b]0;owned\\x07');
  });

  it('open: makes the picked note current', async () => {
    const { root } = workspace();
    const result = await run(['open', '--no-edit'], root, scripted({ term: 'quantum' }).prompts);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toMatch(/2013-04-16-1100-quantum\.md$/);
    expect((await run(['current'], root)).out).toMatch(/2013-04-16-1100-quantum\.md/);
  });

  it('edit: opens the picked note in the editor', async () => {
    const { root, confDir } = workspace();
    const log = path.join(tempDir(), 'editor.log');
    const result = await run(['edit'], root, scripted({ term: 'keynote' }).prompts, {
      VISUAL: `echo >>${log}`,
    });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(log, 'utf8').trim()).toBe(path.join(confDir, '2013-04-17-0900-keynote.md'));
  });

  it('tag: with no arguments, picks the note and then asks for the tags', async () => {
    const { root, confDir } = workspace();
    const fake = scripted({ term: 'keynote', inputs: ['opening, Plenary'] });
    const result = await run(['tag'], root, fake.prompts);
    expect(result.code).toBe(0);
    expect(fake.asked).toEqual(['Which note?', 'Tags to add (comma-separated)']);
    expect(fs.readFileSync(path.join(confDir, '2013-04-17-0900-keynote.md'), 'utf8')).toContain(
      'tags: [opening, plenary]',
    );
  });

  it('tag: with the note named, asks only for the tags', async () => {
    const { root, confDir } = workspace();
    const named = scripted({ inputs: ['ha'] });
    expect((await run(['tag', 'fibre'], root, named.prompts)).code).toBe(0);
    expect(named.asked).toEqual(['Tags to add (comma-separated)']);
    expect(fs.readFileSync(path.join(confDir, '2013-04-15-1000-fibre.md'), 'utf8')).toContain(
      'tags: [storage, ha]',
    );
  });

  it('tag: refuses a typed tag that is no tag', async () => {
    const { root } = workspace();
    const result = await run(['tag', 'fibre'], root, scripted({ inputs: ['2026'] }).prompts);
    expect(result.err).toMatch(/refused: "2026" is not a tag/);
  });

  it('set: with no arguments, picks the note and asks for field=value', async () => {
    const { root, confDir } = workspace();
    const fake = scripted({ term: 'quantum', inputs: ['rating=4 summary=Neutron, before the rename'] });
    const result = await run(['set'], root, fake.prompts);
    expect(result.code).toBe(0);
    const text = fs.readFileSync(path.join(confDir, '2013-04-16-1100-quantum.md'), 'utf8');
    expect(text).toContain('rating: 4');
    expect(text).toContain('summary: "Neutron, before the rename"');
  });

  it('set: refuses an answer that is not field=value', async () => {
    const { root } = workspace();
    const result = await run(['set', 'fibre'], root, scripted({ inputs: ['four stars'] }).prompts);
    expect(result.err).toMatch(/refused: "four stars" is not field=value/);
  });

  it('jot --note: picks the note, then asks for the line', async () => {
    const { root, confDir } = workspace();
    const fake = scripted({ term: 'fibre', inputs: ['FC needs zoning'] });
    const result = await run(['jot', '--note'], root, fake.prompts);
    expect(result.code).toBe(0);
    expect(fake.asked).toEqual(['Which note?', 'Jot']);
    expect(fs.readFileSync(path.join(confDir, '2013-04-15-1000-fibre.md'), 'utf8')).toMatch(
      /- \d\d:\d\d FC needs zoning\n$/,
    );
  });

  it('jot --note with its value still aims at that note, without a prompt', async () => {
    const { root, confDir } = workspace();
    const result = await run(['jot', '--note', 'quantum', 'hello'], root, scripted({}).prompts);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(confDir, '2013-04-16-1100-quantum.md'), 'utf8')).toContain('hello');
  });

  it('says so when there is no note to pick', async () => {
    const { root } = makeWorkspace();
    const result = await run(['show'], root, scripted({}).prompts);
    expect(result.code).toBe(1);
    expect(result.err).toBe('confnotes: no notes yet; start one with: confnotes new "Talk title"\n');
  });
});

describe('a command without its note, without a terminal', () => {
  it.each([
    [['show'], "missing required argument 'note'"],
    [['open'], "missing required argument 'note'"],
    [['edit'], "missing required argument 'note'"],
    [['tag'], "missing required argument 'note'"],
    [['tag', 'fibre'], "missing required argument 'tags'"],
    [['set'], "missing required argument 'note'"],
    [['set', 'fibre'], "missing required argument 'field=value'"],
    [['jot', '--note'], "option '--note <note>' argument missing"],
  ])('%j: the usage error naming it, exit 2', async (argv, message) => {
    const { root } = workspace();
    const terminal = fakeTerminal();
    terminal.io.stdin.isTTY = false as true;
    const code = await main(['--dir', root, ...argv], { io: terminal.io, ctx: testContext(root) });
    expect(code).toBe(2);
    expect(terminal.err.join('')).toBe(`confnotes: ${message}\n`);
    expect(terminal.out).toEqual([]);
  });
});

describe('splitAssignments', () => {
  it('splits before each field=, so values keep their spaces', () => {
    expect(splitAssignments(' rating=4  summary=A long line room=B110 ')).toEqual([
      'rating=4',
      'summary=A long line',
      'room=B110',
    ]);
    expect(splitAssignments('summary=')).toEqual(['summary=']);
  });
});

describe('fitToTerminal', () => {
  const envOf = (columns?: number) => ({ io: { stderr: { columns } } }) as unknown as CommandEnv;

  it("cuts a choice's text to the terminal and keeps its marks whole", async () => {
    const fitLine = await fitToTerminal(envOf(40));
    const line = fitLine(`★ ${'Scaling storage '.repeat(5)}`, ' · Hall A ✎ has a note');
    expect(line.endsWith('… · Hall A ✎ has a note')).toBe(true);
    expect(stringWidth(line)).toBeLessThanOrEqual(37);
    expect(fitLine('Short talk', ' · B1')).toBe('Short talk · B1');
    expect(stringWidth(fitLine('日本語のセッション'.repeat(6)))).toBeLessThanOrEqual(37);
  });

  it('leaves a choice alone when the width is not known (no terminal)', async () => {
    const long = 'x'.repeat(300);
    expect((await fitToTerminal(envOf()))(long, ' ✎')).toBe(`${long} ✎`);
  });
});
