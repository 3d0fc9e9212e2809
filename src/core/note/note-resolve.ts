/**
 * `<note>` as the user gives it, resolved to one file: a path, an id, a talk
 * ref, a prefix of an id or of a title's slug (see resolveNote).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError } from '../../errors.js';
import { isRefText } from '../programme/programme-ref.js';
import { entriesWithRef, unreadableProgrammes } from '../programme/programme-lookup.js';
import { slugify } from '../slug.js';
import { conferenceSlugs } from '../workspace/conference.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';
import { checkLink, noteFiles, noteId } from './note-files.js';
import { scanNotes } from './store.js';

/**
 * Resolves `<note>`: a path to a file, an exact id, the ref of the programme
 * entry the note was started from (`k7m`), a unique prefix of an id, or a
 * unique prefix of a title's slug, in that order. Throws listing the
 * candidates when the reference is ambiguous.
 */
export function resolveNote(ws: Workspace, ref: string, cwd: string, slugs?: string[]): string {
  const trimmed = ref.trim();
  if (!trimmed) throw new ConfnotesError('no note given');
  const asPath = path.resolve(cwd, trimmed);
  if (/[\\/]/.test(trimmed) || trimmed.toLowerCase().endsWith('.md')) {
    for (const candidate of [asPath, path.resolve(ws.root, trimmed)]) {
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(candidate);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) {
        // Followed only to a regular file inside the workspace, as when listing.
        const problem = checkLink(ws, candidate);
        if (problem) throw problem;
        return candidate;
      }
      if (stat.isFile()) return candidate;
    }
    throw new ConfnotesError(`${trimmed}: no such note file`);
  }
  const { files } = noteFiles(ws, slugs);
  const exact = files.filter((file) => noteId(file) === trimmed);
  if (exact.length === 1) return exact[0]!;
  const byRef = exact.length === 0 && isRefText(trimmed) ? notesOfRef(ws, trimmed, slugs) : [];
  if (byRef.length === 1) return byRef[0]!;
  const wanted = trimmed.toLowerCase();
  let candidates =
    exact.length > 1 || byRef.length > 1
      ? [...exact, ...byRef]
      : files.filter((file) => noteId(file).toLowerCase().startsWith(wanted));
  if (candidates.length === 0) {
    // Then the title's slug (after "YYYY-MM-DD-HHMM-"): a prefix of it, else whole words inside it.
    const slugWanted = slugify(trimmed, '');
    const slugParts = files.map(
      (file) => [file, noteId(file).replace(/^\d{4}-\d{2}-\d{2}-(\d{4}-)?/, '')] as const,
    );
    if (slugWanted) {
      candidates = matchingSlug(slugParts, slugWanted);
      // Then the titles themselves: a note renamed since (`set title=`) keeps its file name.
      if (candidates.length === 0)
        candidates = matchingSlug(
          scanNotes(ws, slugs).notes.map((note) => [note.file, slugify(note.title, '')] as const),
          slugWanted,
        );
    }
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    // A talk ref is looked up in the programmes: say so when one of them cannot be read.
    const unread = isRefText(trimmed) ? unreadableProgrammes(ws, slugs ?? conferenceSlugs(ws)) : [];
    const why = unread.length
      ? ` (talk refs are not looked up in ${unread.map((error) => error.message).join('; ')})`
      : '';
    throw new ConfnotesError(`no note matches "${trimmed}"${why}; see: confnotes list`);
  }
  const shown = candidates.slice(0, 10).map((file) => relativeToWorkspace(ws, file));
  const more = candidates.length > 10 ? ` and ${candidates.length - 10} more` : '';
  throw new ConfnotesError(
    `"${trimmed}" matches ${candidates.length} notes: ${shown.join(', ')}${more}; give more of the id`,
  );
}

/** The files whose slug starts with `wanted`, else holds it (or a word's start) as whole words. */
function matchingSlug(slugs: readonly (readonly [string, string])[], wanted: string): string[] {
  const starting = slugs.filter(([, slug]) => slug.startsWith(wanted));
  if (starting.length > 0) return starting.map(([file]) => file);
  return slugs
    .filter(([, slug]) => `-${slug}-`.includes(`-${wanted}-`) || `-${slug}`.includes(`-${wanted}`))
    .map(([file]) => file);
}

/** The note of the entry named `ref` in each conference's programme (the first by id when several). */
function notesOfRef(ws: Workspace, ref: string, slugs?: string[]): string[] {
  return entriesWithRef(ws, slugs ?? conferenceSlugs(ws), ref).flatMap(({ slug, entry }) => {
    const linked = scanNotes(ws, [slug]).notes.filter((note) => note.programme === entry.uid);
    linked.sort((a, b) => a.id.localeCompare(b.id));
    return linked.length > 0 ? [linked[0]!.file] : [];
  });
}
