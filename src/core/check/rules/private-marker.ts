/**
 * Private markers that do not do what they look like: a block never closed
 * (it hides the rest of the text), a close with no open, a comment that looks
 * like a marker but is not read as one. In notes and in conference.md.
 */
import { privateMarkerProblems } from '../../markdown/private-marker-problems.js';
import type { ConferenceRule, Finding, NoteRule } from '../rule.js';

function bodyFindings(text: string, bodyStart: number, body: string): Finding[] {
  const firstLine = text.slice(0, bodyStart).split('\n').length;
  return privateMarkerProblems(body, firstLine).map(({ line, message }) => ({ line, message }));
}

export const privateMarker: NoteRule = {
  id: 'private-marker',
  scope: 'note',
  severity: 'warning',
  fixable: false,
  check: ({ note }) => (note ? bodyFindings(note.text, note.bounds.bodyStart, note.split.body) : []),
};

export const conferencePrivateMarker: ConferenceRule = {
  id: 'private-marker',
  scope: 'conference',
  severity: 'warning',
  fixable: false,
  check: ({ split, text }) =>
    split && text !== undefined ? bodyFindings(text, split.bounds.bodyStart, split.body) : [],
};
