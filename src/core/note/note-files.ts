/**
 * Finding note files and reading their text: the one folder walker (the
 * store's scan and `check`'s search for stray notes both use it) and the
 * checks that keep what is not a note out (links leaving the workspace,
 * files too large, binary or not UTF-8).
 */
import fs from 'node:fs';
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { CONFERENCE_FILE, conferenceDir, conferenceSlugs } from '../workspace/conference.js';
import { tooLargeForNote } from './note-size.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';

const NOT_NOTES = new Set([CONFERENCE_FILE, 'readme.md']);
/** Made on first use: a room command on warm caches reads no note (~0.2 ms to make). */
let decoder: TextDecoder | undefined;
const utf8 = () => (decoder ??= new TextDecoder('utf-8', { fatal: true }));

/** A note's id: its file name without `.md`. */
export const noteId = (file: string): string => path.basename(file).replace(/\.md$/i, '');

/** A Markdown file's name, in any case (a test, not a lower-cased copy of every name). */
const MARKDOWN = /\.md$/i;

/** The longest name in NOT_NOTES: any longer name is a note's (no lower-cased copy made to look it up). */
const LONGEST_NOT_NOTE = Math.max(...[...NOT_NOTES].map((name) => name.length));

/** How deep below its starting folder a walk goes. */
const MAX_DEPTH = 8;

export interface MarkdownWalk {
  /** Called for every `.md` entry that is not a folder (a file, a link or something else). */
  file(full: string, entry: fs.Dirent, depth: number): void;
  /** Leaves an entry (and, for a folder, everything in it) out. */
  skip?(entry: fs.Dirent, depth: number): boolean;
  /** A folder that cannot be read; ignored when absent. */
  folderError?(dir: string, error: unknown): void;
}

/** Walks `dir` (at `depth`) for Markdown files; names starting with `.` are never looked at. */
export function walkMarkdown(dir: string, depth: number, walk: MarkdownWalk): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    walk.folderError?.(dir, error);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || walk.skip?.(entry, depth)) continue;
    // `dir` is normalised and a name holds no separator, so this equals path.join, which showed in profiles at 10,000 notes.
    const full = dir + path.sep + entry.name;
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) walkMarkdown(full, depth + 1, walk);
    } else if (MARKDOWN.test(entry.name)) {
      walk.file(full, entry, depth);
    }
  }
}

/** Every note file of the given conferences (all when `slugs` is omitted). */
export function noteFiles(
  ws: Workspace,
  slugs = conferenceSlugs(ws),
): { files: string[]; problems: NoteFileError[] } {
  const files: string[] = [];
  const problems: NoteFileError[] = [];
  const walk: MarkdownWalk = {
    skip: (entry, depth) =>
      depth === 0 &&
      entry.name.length <= LONGEST_NOT_NOTE &&
      !entry.isDirectory() &&
      NOT_NOTES.has(entry.name.toLowerCase()),
    folderError: (dir, error) =>
      problems.push(
        new NoteFileError(
          relativeToWorkspace(ws, dir),
          undefined,
          `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? error}`,
        ),
      ),
    file: (full, entry) => {
      if (entry.isSymbolicLink()) {
        const problem = checkLink(ws, full);
        if (problem) return void problems.push(problem);
      } else if (!entry.isFile()) {
        return;
      }
      files.push(full);
    },
  };
  for (const slug of slugs) walkMarkdown(conferenceDir(ws, slug), 0, walk);
  files.sort();
  return { files, problems };
}

/** A link is followed only to a regular file inside the workspace. */
export function checkLink(ws: Workspace, file: string): NoteFileError | null {
  const shown = relativeToWorkspace(ws, file);
  let target: string;
  try {
    target = fs.realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new NoteFileError(
      shown,
      undefined,
      code === 'ELOOP' ? 'symbolic link loop, skipped' : 'symbolic link to nothing, skipped',
    );
  }
  const root = fs.realpathSync.native(ws.root);
  if (!target.startsWith(root + path.sep))
    return new NoteFileError(shown, undefined, `symbolic link to ${target}, outside the workspace, skipped`);
  if (!fs.statSync(target).isFile())
    return new NoteFileError(shown, undefined, 'symbolic link to something that is not a file, skipped');
  return null;
}

/** One buffer every note is read into (then decoded): no Buffer per note for the collector, at 10,000 notes. */
/** The buffer notes are read into, made on first use and grown as needed. */
let scratch = Buffer.alloc(0);

/**
 * The bytes of a file through one descriptor (no stat by path), or null for
 * anything else to go the plain way (an error, an empty, too large or
 * shrinking file), whose messages then name the problem exactly as before.
 */
function readBytesFast(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0 || tooLargeForNote(size)) return null;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2, 64 * 1024));
    // Up to the size fstat gave, as readFileSync reads; a file that shrank meanwhile goes the plain way.
    let read = 0;
    for (let n = 1; n !== 0 && read < size; read += n) n = fs.readSync(fd, scratch, read, size - read, read);
    return read === size ? scratch.subarray(0, size) : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a file's text, refusing what is not a note: too large, binary, not UTF-8. */
export function readNoteText(file: string, shown: string): string {
  let bytes = readBytesFast(file);
  if (bytes === null) {
    try {
      const tooLarge = tooLargeForNote(fs.statSync(file).size);
      if (tooLarge) throw new NoteFileError(shown, undefined, `${tooLarge}, not read`);
      bytes = fs.readFileSync(file);
    } catch (error) {
      if (error instanceof NoteFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'is a folder'
              : String(code ?? error);
      throw new NoteFileError(shown, undefined, `cannot read: ${why}`);
    }
  }
  if (bytes.includes(0))
    throw new NoteFileError(shown, undefined, 'binary file (it holds NUL bytes), not a Markdown note');
  try {
    return utf8().decode(bytes);
  } catch {
    throw new NoteFileError(shown, lineOfFirstBadByte(bytes), 'not UTF-8 text (save it as UTF-8)');
  }
}

function lineOfFirstBadByte(bytes: Buffer): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        utf8().decode(bytes.subarray(lineStart, i));
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return 1;
}
