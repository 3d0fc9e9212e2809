/**
 * What `check` says about a field's raw value, one function per kind of
 * field (schema.ts names which each field uses): a missing required field,
 * a time that is not HH:MM, a flag that is not true or false, a text given
 * a list, names given maps.
 */
import { isValidTime, optionalText, present } from './field-values.js';
import type { FieldIssue, FieldRule } from './schema.js';

export const issue = (rule: FieldRule, message: string, fatal: boolean): FieldIssue[] => [
  { rule, message, fatal },
];

export const required =
  (example: string) =>
  (raw: unknown, name: string): FieldIssue[] =>
    optionalText(raw) ? [] : issue('missing-field', `no ${name}: add a line "${name}: ${example}"`, true);

export const time = (raw: unknown, name: string): FieldIssue[] => {
  const value = optionalText(raw);
  return value === null || isValidTime(value)
    ? []
    : issue('invalid-time', `${name} "${value}" is not a time (HH:MM, 24-hour)`, true);
};

// A misspelt `private` errs on the safe side: reports leave the note out (report-privacy.ts).
export const flag = (raw: unknown, name: string): FieldIssue[] =>
  present(raw) && typeof raw !== 'boolean'
    ? issue(
        'invalid-value',
        name === 'private'
          ? `private "${String(raw)}" is not true or false; it is read as private (write true or false)`
          : `${name} "${String(raw)}" is not true or false, so it is read as false`,
        false,
      )
    : [];

/** A text field given a list or a map, which is read as nothing. */
export const oneText = (raw: unknown, name: string): FieldIssue[] =>
  raw !== null && typeof raw === 'object'
    ? issue(
        'invalid-value',
        `${name} is a ${Array.isArray(raw) ? 'list' : 'map'}, not text, so it is read as empty`,
        false,
      )
    : [];

export const names = (raw: unknown, name: string): FieldIssue[] =>
  present(raw) &&
  (Array.isArray(raw)
    ? raw.some((item) => item !== null && typeof item === 'object')
    : typeof raw === 'object')
    ? issue('invalid-value', `"${name}" is neither a list of names nor a single one`, false)
    : [];
