/** A note without front matter, with one that never closes, or in a language that is never run. */
import type { NoteRule } from '../rule.js';
import { isYamlError } from './broken-yaml.js';

export const frontMatter: NoteRule = {
  id: 'front-matter',
  scope: 'note',
  severity: 'error',
  fixable: false,
  check: ({ broken }) =>
    broken && !isYamlError(broken) ? [{ line: broken.line ?? 1, message: broken.message }] : [],
};
