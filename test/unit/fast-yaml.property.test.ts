/**
 * The fast front-matter path (fast-yaml.ts, js-yaml 3) and the `yaml` path
 * read every note alike: the same data, the same NoteMeta, the same error
 * with the same line. On the sample notes, a bench corpus, the hostile corpus
 * and generated front matter full of YAML 1.1/1.2 differences.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without types.
import { generateCorpus } from '../../scripts/bench-corpus.mjs';
import { fastYamlData } from '../../src/core/front-matter/fast-yaml.js';
import {
  checkGrayMatterAgrees,
  findFrontMatter,
  FrontMatterError,
  lineAt,
  parseYaml,
} from '../../src/core/front-matter/front-matter.js';
import { keyLine } from '../../src/core/front-matter/splice.js';
import { parseNote } from '../../src/core/note/note.js';
import { readFields } from '../../src/core/note/schema.js';
import { buildHostileCorpus } from '../helpers/hostile-corpus.js';
import { tempDir } from '../helpers/workspace.js';

/** parseNote as it was before the fast path: every front matter through `yaml`. */
function yamlOnly(text: string) {
  if (text.includes('\0'))
    throw Object.assign(new Error('binary file (it holds NUL bytes), not a Markdown note'), { line: 1 });
  if (text.trim() === '') throw Object.assign(new Error('empty file'), { line: 1 });
  const bounds = findFrontMatter(text);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  checkGrayMatterAgrees(text, bounds, source);
  const firstLine = lineAt(text, bounds.yamlStart);
  const yaml = parseYaml(source, firstLine);
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new FrontMatterError('the front matter is not a set of "key: value" fields', firstLine);
  const meta = readFields(data as Record<string, unknown>, (issue) => {
    throw new FrontMatterError(issue.message, keyLine(yaml, issue.key));
  });
  return { meta, body: text.slice(bounds.bodyStart), data, line: keyLine(yaml, 'title') };
}

/** Values as text, telling apart what JSON would not (-0, NaN, Infinity, Dates, other prototypes). */
function typed(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = key === '' ? value : this[key];
    if (typeof raw === 'number') return `number:${Object.is(raw, -0) ? '-0' : String(raw)}`;
    if (raw instanceof Date) return `date:${raw.toISOString()}`;
    if (
      raw !== null &&
      typeof raw === 'object' &&
      !Array.isArray(raw) &&
      Object.getPrototypeOf(raw) !== Object.prototype
    )
      return `prototype:${String(Object.getPrototypeOf(raw)?.constructor?.name)}`;
    return v;
  });
}

type Outcome = { ok: unknown } | { error: string; line: number | undefined };
const outcome = (read: () => { meta: unknown; body: string; data: unknown; line: number }): Outcome => {
  try {
    const { meta, body, data, line } = read();
    return { ok: typed({ meta, body, data, line }) };
  } catch (error) {
    return { error: (error as Error).message, line: (error as { line?: number }).line };
  }
};
const fast = (text: string) =>
  outcome(() => {
    const { meta, split } = parseNote(text);
    // The line of a key, from the Document the fast path makes on demand.
    return { meta, body: split.body, data: split.data, line: keyLine(split.yaml, 'title') };
  });

/** Whether the fast path took the text (so the comparison is not vacuous). */
function tookFast(text: string): boolean {
  try {
    const bounds = findFrontMatter(text);
    return fastYamlData(text.slice(bounds.yamlStart, bounds.yamlEnd)) !== undefined;
  } catch {
    return false;
  }
}

/** The fast data, when there is one, is exactly `yaml`'s (types, key order, nulls). */
function sameData(source: string): boolean {
  const quick = fastYamlData(source);
  if (!quick) return false;
  let slow: unknown;
  try {
    slow = parseYaml(source, 1).data;
  } catch (error) {
    throw new Error(
      `fast path read YAML that yaml refuses (${(error as Error).message}): ${JSON.stringify(source)}`,
    );
  }
  expect(typed(quick.data), JSON.stringify(source)).toBe(typed(slow));
  return true;
}

const markdownFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));

function agreeOnFiles(files: string[]): number {
  let taken = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    expect(fast(text), file).toStrictEqual(outcome(() => yamlOnly(text)));
    if (tookFast(text)) taken++;
  }
  return taken;
}

const cleanups: string[] = [];
afterAll(() => {
  for (const dir of cleanups) fs.rmSync(dir, { recursive: true, force: true });
});

describe('fast front matter reads like yaml', () => {
  it('on the sample notes', () => {
    const files = markdownFiles(path.resolve('notes/openstack-summit-2013'));
    expect(agreeOnFiles(files)).toBeGreaterThan(files.length / 2);
  });

  it('on a bench corpus', () => {
    const root = tempDir('confnotes-fast-yaml-');
    cleanups.push(root);
    generateCorpus(root, { notes: 400 });
    const files = markdownFiles(root);
    expect(agreeOnFiles(files)).toBeGreaterThan(files.length * 0.9);
  });

  it('on the hostile corpus', () => {
    const corpus = buildHostileCorpus();
    cleanups.push(corpus.top);
    const files = corpus.files
      .map((file) => path.join(corpus.root, file.path))
      .filter((file) => {
        try {
          return fs.statSync(file).isFile() && fs.statSync(file).size < 2_000_000;
        } catch {
          return false;
        }
      });
    const readable = files.filter((file) => {
      try {
        fs.readFileSync(file, 'utf8');
        return true;
      } catch {
        return false;
      }
    });
    agreeOnFiles(readable);
  });

  // Scalars where YAML 1.1, YAML 1.2 and js-yaml part ways, and shapes at the edge of the fast path.
  const scalars = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Yes',
    'NO',
    'true',
    'True',
    'TRUE',
    'false',
    'FALSE',
    'tRUE',
    'null',
    'Null',
    'NULL',
    '~',
    '',
    'nULL',
    '0755',
    '0o17',
    '0x1F',
    '0b101',
    '1_000',
    '12',
    '-3',
    '+5',
    '0',
    '007',
    '1.5',
    '.5',
    '5.',
    '1e3',
    '1E-2',
    '.inf',
    '-.Inf',
    '.nan',
    '.NaN',
    '12:30',
    '1:20:30',
    '190:20:30',
    '2013-04-16',
    '2013-04-16T10:00:00Z',
    '2001-12-14 21:59:43.10 -5',
    '"10:00"',
    "'it''s'",
    '"a \\"q\\""',
    '"\\u00e9"',
    '"tab\\there"',
    "'\"'",
    'https://example.org/a?b=c#d',
    'C#',
    'a #b',
    'a: b',
    'a:b',
    'x:',
    '<<',
    '&a x',
    '*a',
    '!!str 5',
    '!x y',
    '|',
    '>-',
    '[a, b]',
    '[a,b,]',
    '[]',
    '{}',
    '{a: 1}',
    '{null: x}',
    '{video: https://v.example/1, slides: x}',
    '[a: b]',
    '[x, [y]]',
    '[1, true, null, ~, 0x1F]',
    '- a',
    '? x',
    '%x',
    '@x',
    '`x`',
    'a  b',
    'a\tb',
    'ü ñ 日本',
    '9999999999999999',
    '123456789012345',
    '1234567890123456',
    '-0',
    '+0',
    '0.0',
    '-',
    '--',
    '---x',
    '...',
    'a,b',
    '"',
    "'",
    'a"b',
    "a'b",
  ];
  const keys = [
    'title',
    'tags',
    'speakers',
    'links',
    'rating',
    'date',
    'start',
    'x',
    'x-y',
    '_',
    'null',
    'Null',
    'true',
    '__proto__',
    'constructor',
    '<<',
    '"q"',
    'a b',
    '1',
    'date',
  ];
  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...scalars)).map(([k, v]) => `${k}: ${v}`),
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...scalars)).map(([k, v]) => `${k}:${v}`),
    fc.constantFrom(...keys).map((k) => `${k}:`),
    fc
      .tuple(fc.constantFrom('', ' ', '  ', '   '), fc.constantFrom(...scalars))
      .map(([i, v]) => `${i}- ${v}`),
    fc
      .tuple(fc.constantFrom(' ', '  ', '    '), fc.constantFrom(...keys), fc.constantFrom(...scalars))
      .map(([i, k, v]) => `${i}${k}: ${v}`),
    fc.constantFrom('', '# comment', '  # indented', '\t', ' ', 'x # y', '-', '  -', '---', '----', '--- x'),
    fc.constantFrom(...scalars).map((v) => `  ${v}`),
  );
  const eol = fc.constantFrom('\n', '\r\n');

  it('on generated front matter (data)', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), eol, (lines, end) => {
        const source = lines.map((one) => one + end).join('');
        if (sameData(source)) taken++;
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 4000) },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('on generated notes (fields, errors and lines)', () => {
    const required = ['title: T', 'type: session', 'date: 2013-04-16'];
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.subarray(required), eol, (lines, base, end) => {
        const text = `---${end}${[...base, ...lines].join(end)}${end}---${end}body${end}`;
        expect(fast(text), JSON.stringify(text)).toStrictEqual(outcome(() => yamlOnly(text)));
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) },
    );
  });
});
