/** Tags that are not written as confnotes reads them: not normalised, repeated or empty. Fixable. */
import type { Node, Scalar } from 'yaml';
import { isScalar, isSeq } from '../../front-matter/yaml-libs.js';
import { findPair, listSplices, nodeLine, type Splice } from '../../front-matter/splice.js';
import { renderTag } from '../../front-matter/tag-edit.js';
import { normaliseTag, whyNotATag } from '../../slug.js';
import type { NoteRule, ParsedNote } from '../rule.js';

interface TagIssue {
  line: number;
  message: string;
  /** The tag's scalar, and what it should be ('' to drop it). */
  item: Scalar;
  want: string;
  /** False when the fix would have to guess (a tag of digits alone): reported, left as it is. */
  fixable: boolean;
}

function tagIssues(note: ParsedNote): TagIssue[] {
  const value = findPair(note.yaml, 'tags')?.value as Node | null | undefined;
  if (!value) return [];
  const items: Scalar[] = isSeq(value)
    ? (value.items as Node[]).filter(isScalar)
    : isScalar(value)
      ? [value]
      : [];
  const seen = new Set<string>();
  const issues: TagIssue[] = [];
  for (const item of items) {
    const line = nodeLine(note.yaml, item);
    if (item.value === null || item.value === '') {
      if (isSeq(value)) issues.push({ line, message: 'an empty tag', item, want: '', fixable: true });
      continue;
    }
    const raw = String(item.value);
    const want = normaliseTag(raw);
    if (!want && /[\p{L}\p{N}]/u.test(raw))
      // Never dropped by the fix: the writer meant something by it (`2026`), and only they know what.
      issues.push({ line, message: `${whyNotATag(raw)}; rename it by hand`, item, want: '', fixable: false });
    else if (!want)
      issues.push({
        line,
        message: `tag "${raw}" has nothing left once normalised; it would be dropped`,
        item,
        want: '',
        fixable: true,
      });
    else if (seen.has(want))
      issues.push({ line, message: `tag "${raw}" repeats "${want}"`, item, want: '', fixable: true });
    else if (want !== raw || typeof item.value !== 'string')
      issues.push({
        line,
        message:
          want === raw
            ? `tag ${raw} is not text (YAML reads it as a ${typeof item.value}): "${want}"`
            : `tag "${raw}" is not normalised: "${want}"`,
        item,
        want,
        fixable: true,
      });
    if (want) seen.add(want);
  }
  return issues;
}

/** Each tag replaced by its normal form, or dropped, in the list's own style. */
function tagSplices(note: ParsedNote, issues: TagIssue[]): Splice[] {
  const value = findPair(note.yaml, 'tags')!.value as Node;
  const byItem = new Map(issues.map((issue) => [issue.item, issue.want]));
  if (isScalar(value)) {
    const want = byItem.get(value) ?? '';
    return [{ from: value.range![0], to: value.range![1], insert: want ? renderTag(want) : '[]' }];
  }
  if (!isSeq(value)) return [];
  const replace = (value.items as Node[]).filter(isScalar).map((item) => {
    if (!byItem.has(item)) return undefined;
    const want = byItem.get(item)!;
    return want ? renderTag(want) : null;
  });
  return listSplices(note.source, value, replace, [], note.bounds.eol);
}

export const tagNotNormalised: NoteRule = {
  id: 'tag-not-normalised',
  scope: 'note',
  severity: 'warning',
  fixable: true,
  check: ({ note }) =>
    note ? tagIssues(note).map(({ line, message, fixable }) => ({ line, message, fixable })) : [],
  fix: (note) => {
    const issues = tagIssues(note).filter((issue) => issue.fixable);
    return {
      splices: issues.length > 0 ? tagSplices(note, issues) : [],
      changes: issues.map(
        ({ line, item, want }) =>
          `line ${line}: ${want ? (want === String(item.value) ? `tag ${want} written as text` : `tag "${String(item.value)}" → "${want}"`) : `tag "${String(item.value ?? '')}" dropped`}`,
      ),
    };
  },
};
