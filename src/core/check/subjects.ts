/** What the rules look at, read once: each note parsed as far as it goes, each conference.md. */
import path from 'node:path';
import { NoteFileError } from '../../errors.js';
import { FrontMatterError, splitNote, type SplitNote } from '../front-matter/front-matter.js';
import { readNoteText } from '../note/note-files.js';
import { CONFERENCE_FILE, conferenceDir, readConference } from '../workspace/conference.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';
import type { ConferenceSubject, NoteSubject, ParsedNote } from './rule.js';

export function parsedNote(text: string, split: SplitNote): ParsedNote {
  const { bounds } = split;
  return {
    text,
    bounds,
    source: text.slice(bounds.yamlStart, bounds.yamlEnd),
    yaml: split.yaml,
    data: split.data,
    split,
  };
}

/** A note's text as the rules see it. `rel` names it in messages. */
export function noteSubject(rel: string, text: string): NoteSubject {
  if (text.trim() === '')
    return {
      path: rel,
      broken: new FrontMatterError('empty file: a note starts with a line "---", then YAML, then "---"', 1),
    };
  try {
    return { path: rel, note: parsedNote(text, splitNote(text)) };
  } catch (error) {
    if (error instanceof FrontMatterError) return { path: rel, broken: error };
    throw error;
  }
}

/** A note file: read (size, binary and UTF-8 checks as for any note), then parsed. */
export function fileSubject(ws: Workspace, file: string): NoteSubject {
  const rel = relativeToWorkspace(ws, file);
  let text: string;
  try {
    text = readNoteText(file, rel);
  } catch (error) {
    if (error instanceof NoteFileError) return { path: rel, unreadable: error };
    throw error;
  }
  return noteSubject(rel, text);
}

export function conferenceSubject(ws: Workspace, slug: string): ConferenceSubject {
  const file = path.join(conferenceDir(ws, slug), CONFERENCE_FILE);
  const subject: ConferenceSubject = { slug, path: relativeToWorkspace(ws, file) };
  try {
    readConference(ws, slug);
  } catch (error) {
    if (!(error instanceof NoteFileError)) throw error;
    subject.error = error;
  }
  try {
    subject.text = readNoteText(file, subject.path);
    subject.split = splitNote(subject.text);
    subject.note = parsedNote(subject.text, subject.split);
  } catch {
    // Reported by readConference already.
  }
  return subject;
}
