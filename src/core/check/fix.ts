/**
 * `check --fix`: the repairs of the fixable rules, spliced into a note's
 * text (front-matter/splice.ts), and refused when the result would read
 * differently but for those repairs.
 */
import { splitNote, type SplitNote } from '../front-matter/front-matter.js';
import { spliceFrontMatter, type Splice } from '../front-matter/splice.js';
import type { FollowLookup } from './rule.js';
import { normaliseTag } from '../slug.js';
import { rulesOf } from './rules/index.js';
import { linkMap } from '../note/field-values.js';
import { UNPUBLISHED_KEYS } from '../note/publish-flags.js';
import { flatLinksOf, privateInData } from '../note/schema.js';
import { parsedNote } from './subjects.js';

export interface FixResult {
  text: string;
  /** One line per repair, for the user. */
  changes: string[];
}

export type { FollowLookup } from './rule.js';
/** The FollowLookup of the conference a note (by workspace-relative path) is in, if it has a programme. */
export type FixLookup = (rel: string) => FollowLookup | undefined;

/**
 * Repairs what is safe to repair in a note's text: tags normalised (empty and
 * repeated ones dropped) and white space around keys removed, by splicing
 * only those bytes; given `follow`, a note's time, room and title set to
 * its programme entry's (the programme rules' fixes). Everything else is
 * kept byte for byte. The result is parsed again and must hold the same
 * fields but for those repairs; otherwise the text is returned unchanged.
 */
export function fixText(
  source: string,
  scope: 'note' | 'conference' = 'note',
  follow?: FollowLookup,
  // The registry's rules; a test hands in a faulty rule to see the net below hold.
  rules: typeof rulesOf = rulesOf,
): FixResult {
  let split: SplitNote;
  try {
    split = splitNote(source);
  } catch {
    return { text: source, changes: [] };
  }
  const note = parsedNote(source, split);
  const splices: Splice[] = [];
  const changes: string[] = [];
  for (const rule of rules(scope)) {
    if (!rule.fix) continue;
    const fixed = rule.fix(note);
    splices.push(...fixed.splices);
    changes.push(...fixed.changes);
  }
  let text = splices.length === 0 ? source : spliceFrontMatter(note, splices);
  const followed: Record<string, unknown> = {};
  if (follow && scope === 'note') {
    for (const rule of rules('programme')) {
      if (!rule.fix) continue;
      try {
        const fixed = rule.fix(note, text, follow);
        text = fixed.text;
        changes.push(...fixed.changes);
        Object.assign(followed, fixed.set);
      } catch {
        // A front matter setField cannot edit (one `{…}` map): the other repairs still stand.
      }
    }
  }
  if (text === source) return { text: source, changes: [] };
  return sameButRepaired(split, text, followed) ? { text, changes } : { text: source, changes: [] };
}

/** The repaired text must read as the same note but for tags (normalised), keys (trimmed) and the followed fields. */
function sameButRepaired(before: SplitNote, text: string, followed: Record<string, unknown>): boolean {
  let after: SplitNote;
  try {
    after = splitNote(text);
  } catch {
    return false;
  }
  const clean = (data: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) out[key.trim()] = value;
    // conference.md's old `url` is `website` (conference-url).
    if (out.url !== undefined && out.website === undefined) {
      out.website = out.url;
      delete out.url;
    }
    // Links read the same, nested or flat; a private note's publishing flags may be added.
    const links = { ...linkMap(out.links), ...flatLinksOf(out) };
    for (const kind of Object.keys(flatLinksOf(out))) delete out[kind];
    // Compared as a set: flattening may write the links in another order.
    out.links = Object.fromEntries(Object.entries(links).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (privateInData(out)) for (const key of UNPUBLISHED_KEYS) delete out[key];
    const tags = out.tags;
    const list = tags === undefined || tags === null ? [] : Array.isArray(tags) ? tags : [tags];
    out.tags = [
      ...new Set(
        list
          .filter((tag) => tag !== null && tag !== '')
          .map((tag) => normaliseTag(String(tag)))
          .filter(Boolean),
      ),
    ];
    return out;
  };
  const sorted = (data: Record<string, unknown>) =>
    JSON.stringify(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
  const wanted = { ...clean(before.data), ...followed };
  return sorted(wanted) === sorted(clean(after.data)) && after.body === before.body;
}
