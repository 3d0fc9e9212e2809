/** Completion values found in the workspace when TAB is pressed: note ids, tags, slugs, programme entries. */
import path from 'node:path';
import { chooseConference, conferenceSlugs, readConference } from '../../core/workspace/conference.js';
import { readState, type Workspace } from '../../core/workspace/workspace.js';
import type { Item, Source } from './words.js';

/** Sources whose values the commands also accept as a unique prefix (note refs, programme uids; an entry's ref is whole). */
export const PREFIX_SOURCES: ReadonlySet<Source> = new Set(['notes', 'entries', 'from']);

async function programmeEntries(ws: Workspace, conf: string | undefined) {
  const { readProgramme } = await import('../../core/programme/programme.js');
  const conference = readConference(ws, chooseConference(ws, readState(ws), conf));
  return (await readProgramme(ws, conference))?.entries ?? [];
}

const distinct = (values: (string | null | undefined)[]): Item[] =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort().map((value) => ({ value }));

export async function sourceItems(ws: Workspace, source: Source, conf: string | undefined): Promise<Item[]> {
  switch (source) {
    case 'conferences':
      return conferenceSlugs(ws).map((slug) => {
        try {
          return { value: slug, description: readConference(ws, slug).name };
        } catch {
          return { value: slug };
        }
      });
    case 'notes': {
      const { noteFiles } = await import('../../core/note/store.js');
      return noteFiles(ws).files.map((file) => ({ value: path.basename(file, '.md') }));
    }
    case 'tags': {
      const [{ scanNotes }, { countTags }] = await Promise.all([
        import('../../core/note/store.js'),
        import('../../core/note/note-query.js'),
      ]);
      return countTags(scanNotes(ws).notes).map(({ tag, count }) => ({
        value: tag,
        description: count === 1 ? '1 note' : `${count} notes`,
      }));
    }
    case 'entries':
    case 'from': {
      // The short ref first (what a person types), then the uid the commands take too; both as data.
      const entries = (await programmeEntries(ws, conf)).flatMap((entry) => [
        { value: entry.ref, description: entry.title },
        { value: entry.uid, description: entry.title },
      ]);
      if (source === 'entries') return entries;
      return [
        { value: 'now', description: 'the talk on now' },
        { value: 'next', description: 'the next talk' },
        ...entries,
      ];
    }
    case 'rooms':
      return distinct((await programmeEntries(ws, conf)).map((entry) => entry.room));
    case 'agenda-tags':
      return distinct((await programmeEntries(ws, conf)).flatMap((entry) => [entry.track, ...entry.tags]));
    default:
      return [];
  }
}
