/**
 * The yaml library's errors in a person's words: the common mistakes in a
 * hand-edited front matter (a colon in a title, a lost quote, a tab) get a
 * sentence that says what to do; anything else keeps the parser's message.
 */

/** The key of a `key: value` line, or null. */
function keyOf(line: string): string | null {
  const match = /^\s*(?:-\s+)?["']?([^"':#\s][^"':]*?)["']?\s*:(?:\s|$)/.exec(line);
  return match ? match[1]!.trim() : null;
}

const quoted = (key: string | null) => (key ? `"${key}"` : 'the value');

/** Whether a line that opens a quotation mark or a bracket after its key leaves it open. */
function leftOpen(line: string): boolean {
  const value = line.slice(line.indexOf(':') + 1).trim();
  if (value.startsWith('"')) return !/^"(?:[^"\\]|\\.)*"/.test(value);
  if (value.startsWith("'")) return !/^'(?:[^']|'')*'/.test(value);
  const count = (re: RegExp) => (value.match(re) ?? []).length;
  return count(/\[/g) > count(/\]/g) || count(/\{/g) > count(/\}/g);
}

/**
 * The index of the line before the error that opens what was never closed
 * (`"`, `'`, `[`, `{`): the first one left open, else the last that opens one; -1 when none does.
 */
function openerIndex(before: string[], opener: RegExp): number {
  const first = before.findIndex((line) => opener.test(line) && leftOpen(line));
  if (first >= 0) return first;
  for (let i = before.length - 1; i >= 0; i--) if (opener.test(before[i]!)) return i;
  return -1;
}

/** The key of that line, or null. */
function openerKey(before: string[], opener: RegExp): string | null {
  const at = openerIndex(before, opener);
  return at < 0 ? null : keyOf(before[at]!);
}

const QUOTE_OPENER = /:\s*["']/;
const BRACKET_OPENER = /:\s*[[{]/;

/**
 * For an error about something never closed (a quotation mark, a bracket),
 * the 1-based line (within `before`) that opened it: the parser finds the
 * error where it gave up, often lines later. Null for any other error.
 */
export function openerLine(code: string, message: string, before: string[]): number | null {
  const opener =
    code === 'MISSING_CHAR' && /quote/i.test(message)
      ? QUOTE_OPENER
      : (code === 'MISSING_CHAR' && /\]|\}/.test(message)) || (code === 'BAD_INDENT' && /flow/i.test(message))
        ? BRACKET_OPENER
        : null;
  const at = opener ? openerIndex(before, opener) : -1;
  return at < 0 ? null : at + 1;
}

/**
 * A sentence for one yaml error: `code` and `message` from the library,
 * `before` the YAML lines up to the one the error points at.
 */
export function yamlErrorInWords(code: string, message: string, before: string[]): string {
  const line = before[before.length - 1] ?? '';
  const key = keyOf(line);
  const value = key ? line.slice(line.indexOf(':') + 1).trim() : line.trim();
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (key && value.includes(': '))
        return `a ${key} containing ': ' needs quotes (${key}: "${value.replace(/"/g, '\\"')}")`;
      return 'a line is indented under a value that is not a list or a mapping; line the keys up, or put the value in quotes';
    case 'MISSING_CHAR':
      if (/quote/i.test(message))
        return `${quoted(openerKey(before, QUOTE_OPENER))} opens a quotation mark that is never closed`;
      if (/\]|\}/.test(message))
        return `${quoted(openerKey(before, BRACKET_OPENER))} opens a bracket that is never closed`;
      return `something is missing: ${message}`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces';
    case 'DUPLICATE_KEY':
      return `${key ? `the key "${key}"` : 'a key'} is given twice; keep one`;
    case 'BAD_SCALAR_START': {
      const first = value.charAt(0);
      return `${quoted(key)} starts with ${first ? `"${first}"` : 'a character'}, which YAML reserves; put the value in quotes`;
    }
    case 'UNEXPECTED_TOKEN':
      if (key && /^["']/.test(value))
        return `${quoted(key)} has text after its closing quotation mark; quote the whole value`;
      return 'this line does not fit the lines around it (a list item among keys, or a stray character)';
    case 'BAD_INDENT':
      if (/flow/i.test(message))
        return `${quoted(openerKey(before, BRACKET_OPENER))} opens a bracket that is never closed`;
      return 'the keys are not lined up: every key of the front matter starts in the same column';
    default:
      return message;
  }
}
