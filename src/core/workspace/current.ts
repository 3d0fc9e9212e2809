/** Making a note the current one: the note `jot` writes to, its conference, and the zone `jot` stamps times in. */
import type { Note } from '../note/note.js';
import { readConference, type Conference } from './conference.js';
import { relativeToWorkspace, updateState, type Workspace } from './workspace.js';

/** Records `file` and its conference (and that conference's time zone) as current. */
export function setCurrentNote(
  ws: Workspace,
  file: string,
  conference: Pick<Conference, 'slug' | 'timezone'>,
): void {
  updateState(ws, {
    conference: conference.slug,
    note: relativeToWorkspace(ws, file),
    timezone: conference.timezone ?? undefined,
  });
}

/** Records a note read from the store as current, with the time zone of the conference it sits in. */
export function makeCurrent(ws: Workspace, note: Note): void {
  let timezone: string | undefined;
  if (note.folder) {
    try {
      timezone = readConference(ws, note.folder).timezone ?? undefined;
    } catch {
      // A note outside a readable conference can still be current; jot then uses the machine's zone.
    }
  }
  updateState(ws, {
    note: relativeToWorkspace(ws, note.file),
    conference: note.folder ?? undefined,
    timezone,
  });
}
