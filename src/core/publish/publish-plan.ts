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
import { lineAt } from '../front-matter/front-matter.js';
import { privateBlocks, privateMarkers, stripPrivate } from '../markdown/private.js';
import { distance } from 'fastest-levenshtein';
import { isScalar, yamlLib } from '../front-matter/yaml-libs.js';
import { parseNote } from '../note/note.js';
import { readNoteText, scanNotes } from '../note/store.js';
import { slugify } from '../slug.js';
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
  const add = (rel: string, published: ReturnType<typeof publicText>, note: boolean) => {
    if ('why' in published) return void plan.leftOut.push({ path: rel, why: published.why });
    if (privateWordInName(rel, published.cutFromFields))
      return void plan.leftOut.push({
        path: rel,
        why: 'its file name holds a word its fields mark private; rename the file to publish it',
      });
    plan.files.push({ path: rel, text: published.text });
    plan.privateBlocks += published.blocks;
    if (note) plan.notes++;
  };
  for (const slug of slugs) {
    const rel = `${slug}/${CONFERENCE_FILE}`;
    try {
      const text = readNoteText(path.join(conferenceDir(ws, slug), CONFERENCE_FILE), rel);
      const published = publicText(text, false);
      if (!('why' in published) && privateWordInName(slug, published.cutFromFields)) {
        // Its notes' paths hold the word too: the whole conference stays out.
        plan.leftOut.push({
          path: `${slug}/`,
          why: 'the conference folder is named with a word conference.md marks private; rename the folder to publish it',
        });
        continue;
      }
      add(rel, published, false);
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
        add(note.path, publicText(readNoteText(note.file, note.path), true), true);
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
 * note (`note`), the text written must read as a public note (judged on the
 * text itself, not on what a scan found earlier: it may have been saved since).
 */
export function publicText(
  text: string,
  note: boolean,
): { text: string; blocks: number; cutFromFields: string } | { why: string } {
  // Reasons name a line, never the text: they go to a terminal or a CI log, and the text may be private.
  const unknown = privateMarkers(text).find((marker) => marker.kind === 'unknown');
  if (unknown)
    return {
      why: `line ${lineAt(text, unknown.from)}: a comment that looks like a private marker but is not one (confnotes check names it); fix it to publish this file`,
    };
  const blocks = privateBlocks(text);
  const stray = blocks.find((block) => block.stray);
  if (stray)
    return {
      why: `line ${lineAt(text, stray.from)}: a closing private marker closes nothing (is its opening marker misspelt?); fix it (confnotes check names it) to publish this file`,
    };
  let bodyStart = 0;
  try {
    bodyStart = findFrontMatter(text).bodyStart;
  } catch (error) {
    if (!(error instanceof FrontMatterError) || note) return { why: String((error as Error).message) };
  }
  if (blocks.some((block) => block.from < bodyStart && block.to > bodyStart))
    return {
      why: 'a private block in the front matter does not close there; close it on the same line to publish this file',
    };
  const head = text.slice(0, bodyStart);
  const published = stripPrivate(head) + stripPrivate(text.slice(bodyStart));
  const broken = brokenMarker(published);
  if (broken !== null)
    return {
      why: `line ${lineAt(published, broken)}: this looks like a broken private marker; fix it to publish this file`,
    };
  if (note) {
    const why = privateOnceRead(published);
    if (why) return { why };
  }
  const cutFromFields = privateBlocks(head)
    .map((block) => head.slice(block.from, block.to))
    .join(' ');
  return { text: published, blocks: blocks.length, cutFromFields };
}

/** Comment punctuation (`<!-`, `<--`, `->`) on a line with a word that is nearly "private", or an unclosed comment. */
const COMMENTISH = /(?:<!-*|<-{2,})[^\n]*|[^\n]*-+!?\s*>/g;
const WORD = /[a-z]+/gi;

/** Where what is left of a marker typed wrong (`<!-- private ->`, `<!-- prvate -->`) starts, or null. */
function brokenMarker(text: string): number | null {
  if (text.lastIndexOf('<!--') > text.lastIndexOf('-->')) return text.lastIndexOf('<!--');
  for (const fragment of text.matchAll(COMMENTISH))
    for (const [word] of fragment[0].matchAll(WORD))
      if (word.length >= 3 && (word.toLowerCase() === 'pvt' || distance(word.toLowerCase(), 'private') <= 2))
        return fragment.index;
  return null;
}

/**
 * Why a note's text, read as it will be published, must stay out: private by
 * its flag; a field whose value still holds a marker once read (YAML escapes:
 * `\u003C!-- private -->`); anchors, aliases or a merge key (`<<`), which YAML
 * 1.1 readers such as Hugo's read otherwise than confnotes (a `private: true`
 * merged in).
 */
function privateOnceRead(text: string): string | null {
  let parsed: ReturnType<typeof parseNote>;
  try {
    parsed = parseNote(text);
  } catch (error) {
    return `its front matter does not read once its private blocks are cut (${(error as Error).message})`;
  }
  if (parsed.meta.private) return 'it reads as private (once its private blocks are cut)';
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        values.push(key);
        collect(item);
      }
  };
  collect(parsed.split.data);
  if (values.some((value) => privateMarkers(value).length > 0 || brokenMarker(value) !== null))
    return 'a field holds a private marker written with YAML escapes; write it plainly to publish this note';
  // Anchors, aliases and merge keys need `&`, `*` or `<<`: without them the YAML is not parsed
  // again as a Document (the slow reader, which most notes never need).
  const { yamlStart, yamlEnd } = parsed.split.bounds;
  if (!/[&*]|<</.test(text.slice(yamlStart, yamlEnd))) return null;
  let odd = false;
  const found = () => {
    odd = true;
    return yamlLib().visit.BREAK;
  };
  yamlLib().visit(parsed.split.yaml.doc, {
    Alias: found,
    Node: (_key, node) => ((node as { anchor?: string }).anchor ? found() : undefined),
    Pair: (_key, pair) => (isScalar(pair.key) && pair.key.value === '<<' ? found() : undefined),
  });
  return odd
    ? 'its front matter uses YAML anchors, aliases or a merge key (<<), which other YAML readers read otherwise'
    : null;
}

/**
 * Whether a word of the text cut from a file's fields (a note's title, a
 * conference's name) is in its path: files and folders made before `new` and
 * `conf new` left private parts out of names were named after the whole title.
 */
function privateWordInName(rel: string, cut: string): boolean {
  if (cut === '') return false;
  const named = new Set(rel.split('/').flatMap((part) => slugify(part.replace(/\.md$/i, ''), '').split('-')));
  const words = slugify(cut.replace(/<!--[\s\S]*?-->/g, ' '), '').split('-');
  return words.some((word) => word.length >= 3 && named.has(word));
}
