import { yamlLib } from './yaml-libs.js';

/**
 * YAML text for a value written into a note: plain when every YAML reader
 * (1.1 ones such as Obsidian's or Jekyll's too) reads it back as the same
 * string, quoted otherwise, so `09:00`, `yes` or `a: b` survive as text.
 * Lists and maps are written in flow style: `[a, b]`, `{video: https://…}`.
 */
export function yamlValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return (
    plainValue(value) ??
    yamlLib()
      .stringify(value, {
        version: '1.1',
        lineWidth: 0,
        collectionStyle: 'flow',
        flowCollectionPadding: false,
      })
      .trimEnd()
  );
}

/** A string as one item of a flow list (quoted when a comma or bracket needs it). */
export function yamlFlowItem(value: string): string {
  return yamlValue([value]).slice(1, -1);
}

/**
 * A string `yaml` writes as it is, in a block or a flow collection: an ASCII
 * letter first, then printable ASCII but the flow separators `,[]{}`, with no
 * `: ` or ` #` (a key, a comment) and no colon or space at the end.
 */
const PLAIN_TEXT = /^[A-Za-z][ -~]*$/;
const NOT_PLAIN = /[,[\]{}]|: | #|[: ]$/;
/** A key of a flow map written as it is (the kinds of `links`). */
const PLAIN_KEY = /^[a-z][a-z0-9_-]*$/;
/** YAML 1.1's words for booleans and null in any case, and an exponent without digits before it (`E0`, a float): quoted. */
const WORDS_1_1 = /^(?:y|n|yes|no|true|false|on|off|null)$|^e[-+]?[0-9]/i;
/** Exactly the words YAML 1.1 reads as booleans or null, which `yaml` quotes. */
const BOOL_NULL_1_1 =
  /^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
/** A time of day, which YAML 1.1 reads as a number in base 60 (`09:30`; not `12:60`, which is text). */
const CLOCK = /^\d\d:[0-5]\d$/;
/** A room such as `E1`: YAML 1.1 reads it as a float (an exponent, the digits before it left out). */
const EXPONENT = /^[eE][-+]?[0-9]+$/;
const PRINTABLE = /^[ -~]+$/;
const QUOTED_START = /^[ ,[\]{}#&*!|>'%@`]/;

/**
 * What yaml.stringify gives for the values `confnotes new` writes most
 * (a plain title or name, a list of them, a time, a flag, a small number),
 * without loading `yaml` (~4 ms of a room command's start); undefined for
 * anything else. test/unit/yaml-text.property.test.ts holds it to stringify.
 */
export function plainValue(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value === 'string') return plainString(value) ?? quotedString(value);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return plainMap(value as Record<string, unknown>);
  if (!Array.isArray(value)) return undefined;
  const items: string[] = [];
  for (const item of value) {
    const text = typeof item === 'string' ? (plainString(item) ?? quotedString(item)) : undefined;
    if (text === undefined) return undefined;
    items.push(text);
  }
  return `[${items.join(', ')}]`;
}

/**
 * A string `yaml` can only write quoted, and then in double quotes with
 * nothing but `\\` escaped: printable ASCII without a `"` (that one it puts
 * in single quotes) that starts with a space or an indicator no plain
 * scalar starts with, or holds what no plain scalar holds (see NOT_PLAIN), or
 * is a YAML 1.1 word, a time of day (1.1 reads `09:30` as a number) or an
 * exponent alone (`E1`).
 */
function quotedString(text: string): string | undefined {
  if (!PRINTABLE.test(text) || text.includes('"')) return undefined;
  const mustQuote =
    QUOTED_START.test(text) ||
    NOT_PLAIN.test(text) ||
    BOOL_NULL_1_1.test(text) ||
    CLOCK.test(text) ||
    EXPONENT.test(text);
  return mustQuote ? `"${text.replaceAll('\\', '\\\\')}"` : undefined;
}

function plainString(text: string): string | undefined {
  return PLAIN_TEXT.test(text) && !NOT_PLAIN.test(text) && !WORDS_1_1.test(text) ? text : undefined;
}

/** `{}`, or `{key: value, …}` of plain keys and strings. */
function plainMap(map: Record<string, unknown>): string | undefined {
  const pairs: string[] = [];
  for (const [key, item] of Object.entries(map)) {
    const text = typeof item === 'string' && PLAIN_KEY.test(key) ? plainString(item) : undefined;
    if (text === undefined || WORDS_1_1.test(key)) return undefined;
    pairs.push(`${key}: ${text}`);
  }
  return `{${pairs.join(', ')}}`;
}
