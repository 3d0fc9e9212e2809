/** A conference, programme entries and notes as the core reads them, without a folder on disk: unit tests start from them. */
import { parseNote, type Note } from '../../src/core/note/note.js';
import type { FreshEntry, ProgrammeEntry } from '../../src/core/programme/programme-model.js';
import type { Conference } from '../../src/core/workspace/conference.js';
import { note as noteText } from './workspace.js';

export function testConference(extra: Partial<Conference> = {}): Conference {
  return {
    slug: 'conf',
    name: 'Test Conf 2013',
    start: '2013-04-15',
    end: '2013-04-18',
    location: null,
    timezone: null,
    url: null,
    author: null,
    disclaimer: null,
    dir: '/nowhere/conf',
    path: 'conf/conference.md',
    body: '',
    ...extra,
  };
}

/** A confirmed 40-minute talk in Hall A at 10:00 on 2026-06-16 (+02:00), as an import gives it: no ref yet. */
export function freshEntry(uid: string, fields: Partial<FreshEntry> = {}): FreshEntry {
  return {
    uid,
    title: `Talk ${uid}`,
    start: '2026-06-16T10:00:00+02:00',
    end: '2026-06-16T10:40:00+02:00',
    all_day: false,
    room: 'Hall A',
    track: null,
    tags: [],
    speakers: [],
    url: null,
    abstract: null,
    status: 'confirmed',
    starred: false,
    ...fields,
  };
}

/** freshEntry() as the programme stores it, with its ref. */
export function storedEntry(uid: string, ref: string, fields: Partial<FreshEntry> = {}): ProgrammeEntry {
  return { ...freshEntry(uid, fields), ref };
}

let noteCounter = 0;

/** A note of folder `conf` from its front-matter fields and body, with an id of its own (`<prefix>-<n>`). */
export function testNote(fields: Record<string, string>, body = '## Notes\n', prefix = 'note'): Note {
  const { meta, split } = parseNote(noteText(fields, body));
  const id = `${prefix}-${++noteCounter}`;
  return {
    ...meta,
    id,
    file: `/nowhere/conf/${id}.md`,
    path: `conf/${id}.md`,
    folder: 'conf',
    body: split.body,
  };
}
