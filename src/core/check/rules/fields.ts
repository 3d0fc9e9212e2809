/**
 * The rules about one field's value, derived from the note schema
 * (core/note/schema.ts): each field's check says which of these rules a bad
 * value breaks, and whether parseNote refuses the note for it.
 */
import { keyLine } from '../../front-matter/splice.js';
import { fieldIssues, type FieldRule, type FoundIssue } from '../../note/schema.js';
import type { NoteRule, ParsedNote, Severity } from '../rule.js';

const found = new WeakMap<ParsedNote, FoundIssue[]>();

/** The schema's issues of a note, computed once for all the field rules. */
function issuesOf(note: ParsedNote): FoundIssue[] {
  let issues = found.get(note);
  if (!issues) {
    issues = fieldIssues(note.data);
    found.set(note, issues);
  }
  return issues;
}

function fieldRule(id: FieldRule, severity: Severity): NoteRule {
  return {
    id,
    scope: 'note',
    severity,
    fixable: false,
    check: ({ note }) =>
      note
        ? issuesOf(note)
            .filter((issue) => issue.rule === id)
            .map((issue) => ({ line: keyLine(note.yaml, issue.key), message: issue.message }))
        : [],
  };
}

export const missingField = fieldRule('missing-field', 'error');
export const invalidValue = fieldRule('invalid-value', 'error');
export const invalidDate = fieldRule('invalid-date', 'error');
export const invalidTime = fieldRule('invalid-time', 'error');
export const linkNotUrl = fieldRule('link-not-url', 'warning');
