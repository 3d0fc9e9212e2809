/**
 * A flat link (`video: …`) that is not read as one: the kinds confnotes writes
 * (`video`, `slides`, `link`) with something other than a web address, and
 * any key of the writer's holding an address that runs code or embeds a
 * document (`javascript:`, `vbscript:`, `data:`) or points at this machine
 * (`file:`). Only http(s) addresses are read as links (schema.ts flatLinks),
 * so nothing unsafe is ever published; this says why a link is missing, and
 * points out text that someone may have planted.
 */
import { nodeLine, pairsOf } from '../../front-matter/splice.js';
import { LINK_KINDS } from '../../note/note-set.js';
import { flatLinksOf, isReservedKey } from '../../note/schema.js';
import type { NoteRule } from '../rule.js';

const KINDS: ReadonlySet<string> = new Set(LINK_KINDS);
/**
 * An address, all one word, in a scheme that is never a link to a talk's
 * material: a sentence that starts "Data: …" or "File: …" is the writer's text.
 */
const NEVER_A_LINK = /^\s*(javascript:|vbscript:|data:[\w.+-]+\/|data:[,;]|file:\/)\S*\s*$/i;

export const flatLinkNotUrl: NoteRule = {
  id: 'flat-link-not-url',
  scope: 'note',
  severity: 'warning',
  fixable: false,
  check: ({ note }) => {
    if (!note) return [];
    const links = flatLinksOf(note.data);
    return pairsOf(note.yaml).flatMap((pair) => {
      const key = pair.key.value.trim();
      const value = note.data[pair.key.value];
      if (
        isReservedKey(key) ||
        Object.hasOwn(links, pair.key.value) ||
        typeof value !== 'string' ||
        !value.trim()
      )
        return [];
      if (!KINDS.has(key.toLowerCase()) && !NEVER_A_LINK.test(value)) return [];
      const shown = JSON.stringify(value.trim());
      return [
        {
          line: nodeLine(note.yaml, pair.key),
          message: `${key} ${shown} is not a web address (http:// or https://), so it is not read as a link`,
        },
      ];
    });
  },
};
