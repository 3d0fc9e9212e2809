import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';

/** Where the parts of a note's text are, as offsets into the text. */
export interface FrontMatterBounds {
  /** Offset just past a UTF-8 byte-order mark, or 0. */
  start: number;
  /** Offset of the first character of the YAML (the line after `---`). */
  yamlStart: number;
  /** Offset just past the YAML's last line break (the start of the closing `---`). */
  yamlEnd: number;
  /** Offset of the body (the line after the closing `---`). */
  bodyStart: number;
  /** The line ending the file uses: kept when a command inserts lines. */
  eol: '\n' | '\r\n';
}

/** A problem with a note's text, with the 1-based line it was found on. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const OPEN = /^---[ \t]*(\r?\n)/;
const OPEN_WITH_LANGUAGE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/**
 * Finds the front matter of a note. Strict where gray-matter is lenient: a
 * block that never closes is an error, not a note whose whole text is YAML.
 */
export function findFrontMatter(text: string): FrontMatterBounds {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const head = text.slice(start, start + 64);
  const language = OPEN_WITH_LANGUAGE.exec(head);
  if (language && !['yaml', 'yml'].includes(language[1]!.toLowerCase())) {
    throw new FrontMatterError(
      `front matter in "${language[1]}" is not read: confnotes reads YAML front matter only and never runs code from a note`,
      1,
    );
  }
  const open = OPEN.exec(head) ?? (language ? { 0: language[0], 1: language[0].endsWith('\r\n') ? '\r\n' : '\n' } : null);
  if (!open) {
    throw new FrontMatterError('no front matter: a note starts with a line "---", then YAML, then "---"', 1);
  }
  const yamlStart = start + open[0].length;
  CLOSE.lastIndex = yamlStart;
  const close = CLOSE.exec(text);
  if (!close) {
    throw new FrontMatterError('the front matter never closes: no line "---" after the first one', 1);
  }
  return {
    start,
    yamlStart,
    yamlEnd: close.index,
    bodyStart: close.index + close[0].length,
    eol: open[1] === '\r\n' ? '\r\n' : '\n',
  };
}

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
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  let data: unknown;
  try {
    doc = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      // An error found at the very end (an unclosed bracket) is shown on the last YAML line.
      const lastLine = Math.max(1, source.replace(/\r?\n$/, '').split('\n').length);
      throw new FrontMatterError(`broken YAML: ${firstSentence(error.message)}`, firstLine + Math.min(line, lastLine) - 1);
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

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** Every language gray-matter could hand to an engine that runs code: refused. */
const refuse = (language: string) => () => {
  throw new FrontMatterError(`front matter in "${language}" is never evaluated`, 1);
};

export interface SplitNote {
  bounds: FrontMatterBounds;
  data: Record<string, unknown>;
  body: string;
  yaml: ParsedYaml;
}

/**
 * Splits and parses a note. gray-matter does the split; its JavaScript
 * engines are replaced by ones that throw (gray-matter issues #112, #131) and
 * an options object is always passed so its shared cache is never used (#43).
 */
export function splitNote(text: string): SplitNote {
  const bounds = findFrontMatter(text);
  const firstLine = lineAt(text, bounds.yamlStart);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  let yaml: ParsedYaml | undefined;
  matter(text.slice(bounds.start), {
    language: 'yaml',
    engines: {
      yaml: {
        parse: (seen: string) => {
          // gray-matter closes at the first line *starting* with "---"; we want
          // a line that is exactly "---", so the two must agree.
          if (seen.trim() !== source.trim()) {
            throw new FrontMatterError('a line starting with "---" inside the front matter', lineAt(text, bounds.yamlStart + seen.length));
          }
          yaml = parseYaml(source, firstLine);
          return {};
        },
      },
      js: refuse('js'),
      javascript: refuse('javascript'),
      coffee: refuse('coffee'),
      coffeescript: refuse('coffeescript'),
      cson: refuse('cson'),
    },
  } as unknown as Parameters<typeof matter>[1]);
  // gray-matter skips the engine for a block of only comments.
  yaml ??= parseYaml(source, firstLine);
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('the front matter is not a set of "key: value" fields', firstLine);
  }
  return { bounds, data: data as Record<string, unknown>, body: text.slice(bounds.bodyStart), yaml };
}
