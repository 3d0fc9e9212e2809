/**
 * The fast path for the front matter of a note: js-yaml 3 (about 8× quicker
 * than `yaml` here), but only for the plain shape `confnotes new` writes:
 * `key: scalar` lines, lists of scalars (block or `[a, b]`), a one-level map
 * of scalars, comments. Anything else (block scalars, anchors, tags, tabs,
 * continued lines, numbers other than small integers) returns undefined and
 * is read by `yaml`, so a note reads the same whichever path takes it
 * (test/unit/fast-yaml.property.test.ts compares the two).
 */
import type * as Loader from 'js-yaml/lib/js-yaml/loader.js';
import type SchemaClass from 'js-yaml/lib/js-yaml/schema.js';
import type TypeClass from 'js-yaml/lib/js-yaml/type.js';

/** Thrown inside js-yaml for a scalar whose YAML 1.2 core reading is left to `yaml`. */
class NotSimple extends Error {}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const SMALL_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
// What YAML 1.2's core schema reads as a number (int, octal, hex, float, .inf, .nan).
const NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * js-yaml's loader and the core schema's plain scalars (null and booleans as
 * they are, small integers, any other number refused), made on first use: a
 * command on warm caches reads no YAML (see yaml-libs.ts). CommonJS files of
 * js-yaml 3, required by name so that the build bundles them.
 */
let reader: { load: typeof Loader.load; schema: unknown } | undefined;
function yamlReader(): NonNullable<typeof reader> {
  if (reader) return reader;
  const Type = require('js-yaml/lib/js-yaml/type.js') as typeof TypeClass;
  const Schema = require('js-yaml/lib/js-yaml/schema.js') as typeof SchemaClass;
  const scalar = (tag: string, resolve: (data: string) => boolean, construct: (data: string) => unknown) =>
    new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve, construct });
  const schema = new Schema({
    include: [require('js-yaml/lib/js-yaml/schema/failsafe.js')],
    implicit: [
      scalar(
        'null',
        (data) => NULL.test(data),
        () => null,
      ),
      scalar(
        'bool',
        (data) => BOOL.test(data),
        (data) => data[0] === 't' || data[0] === 'T',
      ),
      scalar('int', (data) => SMALL_INT.test(data), Number),
      scalar(
        'float',
        (data) => NUMBER.test(data),
        () => {
          throw new NotSimple();
        },
      ),
    ],
  });
  reader = { load: (require('js-yaml/lib/js-yaml/loader.js') as typeof Loader).load, schema };
  return reader;
}

const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
const START = `[^\\s?:,\\[\\]{}#&*!|>'"%@\`-]`;
const PLAIN = `${START}(?:[^\\s:#]|[ ]+(?=[^\\s#])|:(?=\\S)|#)*`;
const FLOW_PLAIN = `${START}(?:[^\\s:#,\\[\\]{}]|[ ]+(?=[^\\s#,\\[\\]{}]))*`;
const DQ = '"(?:[^"\\\\\\r\\n]|\\\\["\\\\])*"';
const SQ = "'(?:[^'\\r\\n]|'')*'";
const SCALAR = `(?:${DQ}|${SQ}|${PLAIN})`;
const ITEM = `(?:${DQ}|${SQ}|${FLOW_PLAIN})`;
// A flow map's value may hold a colon not followed by a space or a bracket (`{video: https://…}`).
const VALUE = `(?:${DQ}|${SQ}|${START}(?:[^\\s:#,\\[\\]{}]|[ ]+(?=[^\\s#,\\[\\]{}])|:(?=[^\\s,\\[\\]{}]))*)`;
const PAIR = `${KEY}:[ ]+${VALUE}`;
const FLOW = `\\[[ ]*(?:${ITEM}(?:[ ]*,[ ]*${ITEM})*[ ]*)?\\]|\\{[ ]*(?:${PAIR}(?:[ ]*,[ ]*${PAIR})*[ ]*)?\\}`;
const END = '[ ]*(?:[ ]#.*)?\\r?$';
/** A top-level `key: value`, `key: [a, b]` or `key:` (a list or map follows, or nothing). */
const TOP = new RegExp(`^(${KEY}):(?:[ ]+(?:${SCALAR}|${FLOW}))?${END}`);
const EMPTY_VALUE = new RegExp(`^${KEY}:${END}`);
/** A block list item, or a key of a one-level map, under a `key:` line. */
const CHILD = new RegExp(`^([ ]*)(?:-[ ]+${SCALAR}|(${KEY}):(?:[ ]+${SCALAR})?)${END}`);
const COMMENT = /^[ ]*(?:#.*)?\r?$/;
/** Keys js-yaml and `yaml` turn into different property names, or that touch the prototype. */
const ODD_KEY = /^(?:[Nn]ull|NULL|__proto__)$/;
const ODD_FLOW_KEY = /[{,][ ]*(?:[Nn]ull|NULL|__proto__):/;
/** Characters either parser may refuse or read as a line break: left to `yaml`. */
const ODD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\t]|\r(?!\n)/;

/** Whether every line is of the plain shape, with lists and maps kept in one indentation each. */
function simpleShape(source: string): boolean {
  if (ODD_CHAR.test(source)) return false;
  // The children's kind (item or key) and indentation of the current `key:` line; null after a line with a value.
  let open: { indent: number; item: boolean } | null | undefined = null;
  for (const line of source.split('\n')) {
    if (COMMENT.test(line)) continue;
    const top = TOP.exec(line);
    if (top) {
      if (ODD_KEY.test(top[1]!) || ODD_FLOW_KEY.test(line)) return false;
      open = EMPTY_VALUE.test(line) ? undefined : null;
      continue;
    }
    const child = CHILD.exec(line);
    if (!child || open === null) return false;
    const item = child[2] === undefined;
    if (!item && ODD_KEY.test(child[2]!)) return false;
    const indent = child[1]!.length;
    if (open === undefined) {
      if (indent === 0 && !item) return false;
      open = { indent, item };
    } else if (open.indent !== indent || open.item !== item) return false;
  }
  return true;
}

/** The front matter's data as `yaml` would give it, or undefined to leave the source to `yaml`. */
export function fastYamlData(source: string): { data: unknown } | undefined {
  if (!simpleShape(source)) return undefined;
  try {
    const { load, schema } = yamlReader();
    const data = load(source, { schema });
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}
