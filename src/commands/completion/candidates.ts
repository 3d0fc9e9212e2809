/**
 * The lines `confnotes __complete` prints. The shells read one candidate per
 * line, and zsh and fish take a tab as the start of a description, so no
 * candidate may hold a control character: it could end the line early, or
 * drive the terminal when the shell lists it. Bidi controls are cut too, so a
 * listed name reads as it will be inserted.
 */
import type { Item } from './words.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_RUNS = new RegExp(`${UNSAFE.source}+`, 'g');
const MAX_DESCRIPTION = 72;

/**
 * A value with a control character is cut before it when the command takes
 * a unique prefix of it (note refs, programme uids), else left out.
 */
function safeValue(value: string, prefixOk: boolean): string | undefined {
  const at = value.search(UNSAFE);
  if (at < 0) return value;
  return prefixOk && at > 0 ? value.slice(0, at) : undefined;
}

function safeDescription(text: string): string {
  const flat = text.replace(UNSAFE_RUNS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}

export function candidateLines(
  items: Item[],
  options: { prefixOk: boolean; descriptions: boolean },
): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const item of items) {
    const value = safeValue(item.value, options.prefixOk);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const description = options.descriptions && item.description ? safeDescription(item.description) : '';
    lines.push(description ? `${value}\t${description}` : value);
  }
  return lines;
}
