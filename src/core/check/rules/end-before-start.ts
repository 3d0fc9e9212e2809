/** A session or a conference that ends before it starts. */
import { keyLine } from '../../front-matter/splice.js';
import { minutesOf } from '../../note/note.js';
import { isValidDate, isValidTime, optionalText } from '../../note/schema.js';
import type { ConferenceRule, Finding, NoteRule } from '../rule.js';

const finding = (line: number, start: string, end: string): Finding => ({
  line,
  message: `end ${end} is before start ${start}`,
});

export const endBeforeStart: NoteRule = {
  id: 'end-before-start',
  scope: 'note',
  severity: 'warning',
  fixable: false,
  check: ({ note }) => {
    const start = optionalText(note?.data.start);
    const end = optionalText(note?.data.end);
    if (!note || !start || !end || !isValidTime(start) || !isValidTime(end)) return [];
    return minutesOf(end) < minutesOf(start) ? [finding(keyLine(note.yaml, 'end'), start, end)] : [];
  },
};

/** conference.md's own dates: readConference checks each one, not their order. */
export const conferenceEndBeforeStart: ConferenceRule = {
  id: 'end-before-start',
  scope: 'conference',
  severity: 'warning',
  fixable: false,
  check: ({ split }) => {
    const start = optionalText(split?.data.start);
    const end = optionalText(split?.data.end);
    if (!split || !start || !end || !isValidDate(start) || !isValidDate(end)) return [];
    return end < start ? [finding(keyLine(split.yaml, 'end'), start, end)] : [];
  },
};
