import type { Document, LineCounter } from 'yaml';

export { findFrontMatter, FrontMatterError, type FrontMatterBounds } from './front-matter-bounds.js';
import { findFrontMatter, FrontMatterError, type FrontMatterBounds } from './front-matter-bounds.js';
import { fastYamlData } from './fast-yaml.js';
import { openerLine, yamlErrorInWords } from './yaml-words.js';
import { grayMatter, yamlLib } from './yaml-libs.js';

/** 1-based line number of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Aliases allowed in one front matter: enough for real use, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 50;

export interface ParsedYaml {
  doc: Document.Parsed;
  data: unknown;
  lineCounter: LineCounter;
  /** The file line the YAML starts on. */
  firstLine: number;
}

/**
 * Parses YAML with the 1.2 core schema: dates and times stay strings (no
 * timestamps shifted by time zones), no custom tags, aliases capped.
 * `firstLine` is the file line the YAML starts on, for messages.
 */
export function parseYaml(source: string, firstLine: number): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  let data: unknown;
  try {
    // Merge keys (`<<: *defaults`) as YAML 1.1 readers (Obsidian's, Hugo's, Jekyll's) read them: a
    // `private: true` merged in must make the note private here too.
    doc = parseDocument(source, {
      schema: 'core',
      merge: true,
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
    });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      // An error found at the very end (an unclosed bracket) is shown on the last YAML line.
      const lastLine = Math.max(1, source.replace(/\r?\n$/, '').split('\n').length);
      // The parser records its own stack overflow as an error at the point it gave up.
      const message = firstSentence(error.message);
      const before = linesTo(source, line);
      const what = /call stack/i.test(error.message)
        ? 'the front matter is nested too deeply to read'
        : `broken YAML: ${yamlErrorInWords(error.code, message, before)}`;
      // Something never closed is shown where it was opened, not where the parser gave up.
      const at = openerLine(error.code, message, before) ?? Math.min(line, lastLine);
      throw new FrontMatterError(what, firstLine + at - 1);
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    if (error instanceof RangeError) {
      throw new FrontMatterError('the front matter is nested too deeply to read', firstLine);
    }
    throw new FrontMatterError(`broken YAML: ${firstSentence((error as Error).message)}`, firstLine);
  }
  return { doc, data, lineCounter, firstLine };
}

/** The YAML's lines up to a 1-based line, for the error translator. */
const linesTo = (source: string, line: number): string[] => source.split(/\r?\n/).slice(0, line);

/** A YAML parser's message without its position and excerpt (the line is given apart). */
export function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .trim();
}

export interface SplitNote {
  bounds: FrontMatterBounds;
  data: Record<string, unknown>;
  body: string;
  yaml: ParsedYaml;
}

/** Every language gray-matter could hand to an engine that runs code: refused. */
const refuse = (language: string) => () => {
  throw new FrontMatterError(`front matter in "${language}" is never evaluated`, 1);
};

/**
 * Refuses a note whose front matter gray-matter, the usual front-matter
 * reader, would end elsewhere: it closes at the first line *starting* with
 * "---", confnotes at a line that is exactly "---". Its JavaScript engines are
 * replaced by ones that throw (gray-matter issues #112, #131) and an options
 * object is always passed so its shared cache is never used (#43).
 */
export function checkGrayMatterAgrees(text: string, bounds: FrontMatterBounds, source: string): void {
  if (grayMatterClosesHere(text, bounds, source)) return;
  grayMatter()(text.slice(bounds.start), {
    language: 'yaml',
    engines: {
      yaml: {
        parse: (seen: string) => {
          if (seen.trim() !== source.trim()) {
            throw new FrontMatterError(
              'a line starting with "---" inside the front matter',
              lineAt(text, bounds.yamlStart + seen.length),
            );
          }
          return {};
        },
      },
      js: refuse('js'),
      javascript: refuse('javascript'),
      coffee: refuse('coffee'),
      coffeescript: refuse('coffeescript'),
      cson: refuse('cson'),
    },
  } as unknown as Parameters<ReturnType<typeof grayMatter>>[1]);
}

/**
 * True when gray-matter is sure to read exactly the block confnotes found, so
 * asking it would only cost time (~25 µs a note, a tenth of a cold listing):
 * the opening line is exactly `---` (no language, nothing after it), the
 * closing one starts with `---` (not `...`), and no line between starts with
 * `---` (gray-matter closes at the first "\n---" after the opening). Any other
 * note goes to gray-matter itself; a property test holds this to it.
 */
export function grayMatterClosesHere(text: string, bounds: FrontMatterBounds, source: string): boolean {
  const opening = bounds.yamlStart - bounds.start;
  return (
    (opening === 4 || opening === 5) &&
    text.startsWith(opening === 4 ? '---\n' : '---\r\n', bounds.start) &&
    text.startsWith('---', bounds.yamlEnd) &&
    !source.startsWith('---') &&
    !source.includes('\n---')
  );
}

/**
 * Splits and parses a note: its bounds, the check that gray-matter would read
 * the same block, then the data, by fast-yaml.ts when the YAML has its plain
 * shape (the parsed Document, `yaml`, is then made only when something asks
 * for it: an edit, the line of a key), else by `yaml`.
 */
export function splitNote(text: string): SplitNote {
  const bounds = findFrontMatter(text);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  checkGrayMatterAgrees(text, bounds, source);
  const fast = fastYamlData(source);
  const fastData = fast && (fast.data ?? {});
  if (fastData && typeof fastData === 'object' && !Array.isArray(fastData)) {
    let yaml: ParsedYaml | undefined;
    return {
      bounds,
      data: fastData as Record<string, unknown>,
      body: text.slice(bounds.bodyStart),
      get yaml() {
        yaml ??= parseYaml(source, lineAt(text, bounds.yamlStart));
        return yaml;
      },
    };
  }
  const firstLine = lineAt(text, bounds.yamlStart);
  const yaml = parseYaml(source, firstLine);
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('the front matter is not a set of "key: value" fields', firstLine);
  }
  return { bounds, data: data as Record<string, unknown>, body: text.slice(bounds.bodyStart), yaml };
}
