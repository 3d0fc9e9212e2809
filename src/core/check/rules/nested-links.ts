/**
 * A note's links in the old nested `links:` map (before 0.2). Obsidian does
 * not support nested properties, so `--fix` writes each as a flat property
 * (`video: https://…`) where the map stood, keeping every other byte. A map
 * it cannot flatten safely (a kind that is a note field or already a key of
 * its own, a value that is not an http(s) URL) is reported, not changed.
 */
import type { Node } from 'yaml';
import { isMap, isSeq } from '../../front-matter/yaml-libs.js';
import { findPair, lineEnd, lineStart, nodeLine, type Splice } from '../../front-matter/splice.js';
import { yamlValue } from '../../front-matter/yaml-text.js';
import { isLinkKind, isUrl, linkMap } from '../../note/field-values.js';
import { isReservedKey } from '../../note/schema.js';
import type { NoteRule, ParsedNote } from '../rule.js';

interface Nested {
  line: number;
  links: Record<string, string>;
  /** Why it cannot be flattened, or null when `--fix` can. */
  blocked: string | null;
  splice: Splice;
}

function nested(note: ParsedNote): Nested | null {
  const pair = findPair(note.yaml, 'links');
  const value = pair?.value as Node | null | undefined;
  if (!pair || !value || !(isMap(value) || isSeq(value))) return null;
  const links = linkMap(note.data.links);
  const taken = Object.keys(links).find(
    (kind) => !isLinkKind(kind) || isReservedKey(kind) || note.data[kind] !== undefined,
  );
  const notUrl = Object.values(links).find((url) => !(/^https?:\/\/\S+$/i.test(url) && isUrl(url)));
  const blocked = taken
    ? `"${taken}" cannot be a property of its own (a note field, or already there)`
    : notUrl !== undefined
      ? `"${notUrl}" is not an http(s) URL`
      : null;
  const { source } = note;
  const eol = note.bounds.eol;
  const insert = Object.entries(links)
    .map(([kind, url]) => `${kind}: ${yamlValue(url)}${eol}`)
    .join('');
  return {
    line: nodeLine(note.yaml, pair.key),
    links,
    blocked,
    splice: { from: lineStart(source, pair.key.range![0]), to: lineEnd(source, value.range![1]), insert },
  };
}

export const nestedLinks: NoteRule = {
  id: 'nested-links',
  scope: 'note',
  severity: 'warning',
  fixable: true,
  check: ({ note }) => {
    const found = note ? nested(note) : null;
    if (!found) return [];
    const how = found.blocked
      ? `move them by hand: ${found.blocked}`
      : 'confnotes check --fix writes them flat (video: https://…)';
    return [
      {
        line: found.line,
        message: `links in a nested "links:" map, which Obsidian cannot show; ${how}`,
        fixable: !found.blocked,
      },
    ];
  },
  fix: (note) => {
    const found = nested(note);
    if (!found || found.blocked) return { splices: [], changes: [] };
    return {
      splices: [found.splice],
      changes: [`line ${found.line}: links written flat (${Object.keys(found.links).join(', ')})`],
    };
  },
};
