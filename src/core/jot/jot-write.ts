/**
 * Writing jotted lines to a note, and taking one back (`/undo` in a capture
 * session), each under the note's lock through safe-write. No YAML parser:
 * the quick lane runs this.
 */
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { findFrontMatter, FrontMatterError } from '../front-matter/front-matter-bounds.js';
import { extend, rewrite } from '../safe-write.js';
import { readInside } from '../workspace/read-inside.js';
import { CONFIG_FILE, MARKER_DIR, relativeToWorkspace, type Workspace } from '../workspace/workspace.js';
import { checkJotSize, checkJotTarget, checkJotText } from './jot-target.js';
import { FOLLOW_UPS_HEADING, NOTES_HEADING, planJot, type JotKind } from './jot.js';
import { readSlot, type Slot } from './slot.js';

export interface Written {
  /** The lines as they now stand in the note. */
  lines: string[];
  /** The note's slot as its front matter says when the lines were written (null: none given). */
  slot: Slot | null;
}

/**
 * Adds the lines `build` makes (given the note's slot, read under the lock)
 * to `file`: todos to Follow-ups, the rest to Notes.
 */
export function writeJot(
  ws: Workspace,
  file: string,
  kind: JotKind,
  build: (slot: Slot | null) => string[],
): Written {
  let written: Written = { lines: [], slot: null };
  try {
    checkJotTarget(ws.root, file);
    extend(file, (old) => {
      checkJotText(file, old);
      const bounds = findFrontMatter(old);
      const slot = readSlot(old.slice(bounds.yamlStart, bounds.yamlEnd));
      const lines = build(slot);
      written = { lines, slot };
      return checkJotSize(
        old,
        kind === 'todo'
          ? planJot(old, bounds.bodyStart, FOLLOW_UPS_HEADING, lines, NOTES_HEADING)
          : planJot(old, bounds.bodyStart, NOTES_HEADING, lines),
      );
    });
  } catch (error) {
    if (error instanceof FrontMatterError)
      throw new NoteFileError(
        relativeToWorkspace(ws, file),
        error.line,
        `${error.message}; nothing was added`,
      );
    throw error;
  }
  return written;
}

/**
 * Removes the last whole line of `file` that is exactly `line` (the bytes a
 * jot wrote, with its line break), keeping every other byte. Returns false
 * when the line is no longer there (edited or removed by hand).
 */
export function unjot(file: string, line: string): boolean {
  let removed = false;
  rewrite(file, (old) => {
    const eol = old.includes('\r\n') ? '\r\n' : '\n';
    let at = old.lastIndexOf(`${eol}${line}${eol}`);
    if (at === -1 && old.endsWith(`${eol}${line}`)) at = old.length - line.length - eol.length;
    if (at === -1) return null;
    removed = true;
    const end = Math.min(old.length, at + eol.length + line.length + eol.length);
    return old.slice(0, at + eol.length) + old.slice(end);
  });
  return removed;
}

/** `since_start: true` in `.confnotes/config.yml`, read with a line match (no YAML parser in the quick lane). */
export function sinceStartSetting(ws: Workspace): boolean {
  const file = path.join(ws.root, MARKER_DIR, CONFIG_FILE);
  const text =
    readInside(ws.root, file, { shown: `${MARKER_DIR}/${CONFIG_FILE}`, maxBytes: 1024 * 1024 }) ?? '';
  return /^since_start:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$/m.test(text);
}
