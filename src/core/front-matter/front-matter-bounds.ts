/**
 * Locating front matter without parsing it: cheap enough for the quick
 * commands (jot), which must not load a YAML parser.
 */
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
  const open =
    OPEN.exec(head) ??
    (language ? { 0: language[0], 1: language[0].endsWith('\r\n') ? '\r\n' : '\n' } : null);
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
