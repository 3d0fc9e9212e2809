/**
 * Programmes looked up by folder, for what must never fail a listing or a
 * note's lookup: a talk's ref (`k7m`) in each conference's programme, and
 * why a programme cannot be read, for the message that says so.
 */
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { conferenceDir } from '../workspace/conference.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Programme, ProgrammeEntry } from './programme-model.js';
import { PROGRAMME_FILE, readProgrammeAt } from './programme-store.js';

/**
 * The programme of the conference in folder `slug`, without reading its
 * conference.md; null when it has none, or when it cannot be read (its own
 * commands say why): for a note's ref, which must not fail a listing.
 */
export function programmeInFolder(ws: Workspace, slug: string): Programme | null {
  try {
    return readProgrammeAt(ws, path.join(conferenceDir(ws, slug), PROGRAMME_FILE), slug);
  } catch (error) {
    if (error instanceof NoteFileError) return null;
    throw error;
  }
}

/** Why each of these conferences' programme.yml cannot be read (a programme that is absent is fine). */
export function unreadableProgrammes(ws: Workspace, slugs: string[]): NoteFileError[] {
  return slugs.flatMap((slug) => {
    try {
      readProgrammeAt(ws, path.join(conferenceDir(ws, slug), PROGRAMME_FILE), slug);
      return [];
    } catch (error) {
      if (error instanceof NoteFileError) return [error];
      throw error;
    }
  });
}

/** The entries named `ref` in the programmes of the conferences `slugs`, one per conference at most. */
export function entriesWithRef(
  ws: Workspace,
  slugs: string[],
  ref: string,
): { slug: string; entry: ProgrammeEntry }[] {
  return slugs.flatMap((slug) => {
    const entry = programmeInFolder(ws, slug)?.entries.find((one) => one.ref === ref);
    return entry ? [{ slug, entry }] : [];
  });
}
