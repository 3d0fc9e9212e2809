/** Front matter that is there but is not YAML the parser can read. */
import type { FrontMatterError } from '../../front-matter/front-matter.js';
import type { NoteRule } from '../rule.js';

/** Whether a front-matter error is the YAML's own (the other ones are front-matter). */
export function isYamlError(error: FrontMatterError): boolean {
  return error.message.startsWith('broken YAML') || error.message.includes('nested too deeply');
}

export const brokenYaml: NoteRule = {
  id: 'broken-yaml',
  scope: 'note',
  severity: 'error',
  fixable: false,
  check: ({ broken }) =>
    broken && isYamlError(broken) ? [{ line: broken.line ?? 1, message: broken.message }] : [],
};
