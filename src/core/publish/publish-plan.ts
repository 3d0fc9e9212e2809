/**
 * What `confnotes publish` writes: the notes as a static site's content
 * (Hugo, Eleventy, Jekyll), with nothing private in it. A site generator
 * renders a note whole, so the copy is made here, where privacy is known:
 * - a private note (its `private` anything but false, however spelled) is left out;
 * - every private block (`<!-- private -->` … `<!-- /private -->`, in any
 *   spelling, nested) is cut from the body and from one-line fields, as a
 *   report cuts it (markdown/private.ts);
 * - when in doubt, the whole file stays out, named with the reason: a
 *   comment that looks like a marker but is not one (`<!-- privat -->`), a
 *   block opened in the front matter that does not close there, front matter
 *   that no longer reads once a block is cut, a file that cannot be read.
 * Every other byte is the note's own. Only conference.md and the notes are
 * written: programme.yml, templates and `.confnotes/` never.
 */
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { findFrontMatter, FrontMatterError } from '../front-matter/front-matter-bounds.js';
import { privateBlocks, privateMarkers, stripPrivate } from '../markdown/private.js';
import { parseNote } from '../note/note.js';
import { readNoteText, scanNotes } from '../note/store.js';
import { CONFERENCE_FILE, conferenceDir } from '../workspace/conference.js';
import type { Workspace } from '../workspace/workspace.js';

/** A file of the published copy; `path` is relative to the copy's folder (as it is to the workspace). */
export interface PublishedFile {
  path: string;
  text: string;
}

/** A file kept out of the copy, and why. */
export interface LeftOut {
  path: string;
  why: string;
}

export interface PublishPlan {
  conferences: string[];
  files: PublishedFile[];
  /** How many notes are in the copy (conference.md not counted). */
  notes: number;
  /** Private notes left out. */
  privateNotes: number;
  /** Private blocks cut from the files that are in the copy. */
  privateBlocks: number;
  /** Files left out for any other reason, each with its reason. */
  leftOut: LeftOut[];
}

/** The copy of the given conferences' notes, in path order. Reads, never writes. */
export function planPublish(ws: Workspace, slugs: string[]): PublishPlan {
  const plan: PublishPlan = {
    conferences: [...slugs],
    files: [],
    notes: 0,
    privateNotes: 0,
    privateBlocks: 0,
    leftOut: [],
  };
  const add = (rel: string, text: string, note: boolean) => {
    const published = publicText(text, note);
    if ('why' in published) return void plan.leftOut.push({ path: rel, why: published.why });
    plan.files.push({ path: rel, text: published.text });
    plan.privateBlocks += published.blocks;
    if (note) plan.notes++;
  };
  for (const slug of slugs) {
    const rel = `${slug}/${CONFERENCE_FILE}`;
    try {
      add(rel, readNoteText(path.join(conferenceDir(ws, slug), CONFERENCE_FILE), rel), false);
    } catch (error) {
      if (!(error instanceof NoteFileError)) throw error;
      // A conference without conference.md (a linked folder) still has notes to publish.
      if (!/no such file/.test(error.reason)) plan.leftOut.push({ path: rel, why: error.reason });
    }
    const { notes, problems } = scanNotes(ws, [slug]);
    for (const problem of problems) plan.leftOut.push({ path: problem.file, why: problem.reason });
    for (const note of notes) {
      if (note.private) {
        plan.privateNotes++;
        continue;
      }
      try {
        add(note.path, readNoteText(note.file, note.path), true);
      } catch (error) {
        if (!(error instanceof NoteFileError)) throw error;
        plan.leftOut.push({ path: note.path, why: error.reason });
      }
    }
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
}

/**
 * A file's text with its private blocks cut, or why it must stay out. For a
 * note (`note`), the text must still read as a public note afterwards.
 */
export function publicText(text: string, note: boolean): { text: string; blocks: number } | { why: string } {
  const unknown = privateMarkers(text).find((marker) => marker.kind === 'unknown');
  if (unknown)
    return {
      why: `<!-- ${unknown.text} --> looks like a private marker but is not one (confnotes check names it); fix it to publish this file`,
    };
  let bodyStart = 0;
  try {
    bodyStart = findFrontMatter(text).bodyStart;
  } catch (error) {
    if (!(error instanceof FrontMatterError) || note) return { why: String((error as Error).message) };
  }
  const head = text.slice(0, bodyStart);
  const body = text.slice(bodyStart);
  if (privateBlocks(head).some((block) => !block.closed || block.stray))
    return {
      why: 'a private block in the front matter does not close there; close it on the same line to publish this file',
    };
  const blocks = [...privateBlocks(head), ...privateBlocks(body)].filter((block) => !block.stray).length;
  const published = stripPrivate(head) + stripPrivate(body);
  if (note && blocks > 0) {
    try {
      if (parseNote(published).meta.private)
        return { why: 'it reads as private once its private blocks are cut' };
    } catch (error) {
      return {
        why: `its front matter no longer reads once its private blocks are cut (${(error as Error).message})`,
      };
    }
  }
  return { text: published, blocks };
}
