/**
 * `import --update-notes`: the notes of a conference brought in line with its
 * programme (note-drift.ts), each rewritten under the lock by safe-write's
 * `rewrite`, which keeps every byte but those fields. Without `write` it only
 * counts the notes that differ, for import's hint.
 */
import { ConfnotesError } from '../../errors.js';
import { FrontMatterError } from '../front-matter/front-matter.js';
import { readFrontMatter } from '../front-matter/splice.js';
import { readNoteText, scanNotes } from '../note/store.js';
import { rewrite } from '../safe-write.js';
import type { Workspace } from '../workspace/workspace.js';
import { followEntry, noteDrift, type FieldDrift } from './note-drift.js';
import type { ProgrammeEntry } from './programme-model.js';

export interface NoteUpdate {
  /** Workspace-relative, `/`-separated. */
  path: string;
  uid: string;
  /** What was (or would be) set. */
  fields: FieldDrift[];
}

export interface FollowOutcome {
  /** Notes changed (with `write`) or that differ (without). */
  notes: NoteUpdate[];
  /** Notes that could not be updated, with why (one line each). */
  skipped: string[];
  /** Notes of talks the programme now lists as cancelled or removed: kept as they are. */
  stale: { path: string; uid: string; status: string }[];
}

export function followProgramme(
  ws: Workspace,
  slug: string,
  entries: readonly ProgrammeEntry[],
  zone: string | null,
  options: { write: boolean },
): FollowOutcome {
  const byUid = new Map(entries.map((entry) => [entry.uid, entry]));
  const outcome: FollowOutcome = { notes: [], skipped: [], stale: [] };
  const { notes } = scanNotes(ws, [slug]);
  for (const note of notes) {
    const entry = note.programme ? byUid.get(note.programme) : undefined;
    if (!entry) continue;
    if (entry.status !== 'confirmed') {
      outcome.stale.push({ path: note.path, uid: entry.uid, status: entry.status });
      continue;
    }
    let fields: FieldDrift[] = [];
    try {
      if (options.write) {
        rewrite(note.file, (old) => {
          const followed = followEntry(old, entry, zone);
          fields = followed.fields;
          return followed.fields.length > 0 ? followed.text : null;
        });
      } else {
        // Counting only: what differs, without trying the edit.
        const text = readNoteText(note.file, note.path);
        fields = noteDrift(
          (readFrontMatter(text).yaml.data ?? {}) as Record<string, unknown>,
          entry,
          zone,
        ).fields;
      }
    } catch (error) {
      // One note that cannot be edited (a `{…}` front matter, changed meanwhile) does not stop the others.
      if (!(error instanceof ConfnotesError || error instanceof FrontMatterError)) throw error;
      outcome.skipped.push(`${note.path}: ${error.message}; not updated`);
      continue;
    }
    if (fields.length > 0) outcome.notes.push({ path: note.path, uid: entry.uid, fields });
  }
  return outcome;
}
