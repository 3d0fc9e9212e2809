import { stringify } from 'yaml';

/**
 * YAML text for a value written into a note: plain when every YAML reader
 * (1.1 ones such as Obsidian's or Jekyll's too) reads it back as the same
 * string, quoted otherwise, so `09:00`, `yes` or `a: b` survive as text.
 * Lists and maps are written in flow style: `[a, b]`, `{video: https://…}`.
 */
export function yamlValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return stringify(value, {
    version: '1.1',
    lineWidth: 0,
    collectionStyle: 'flow',
    flowCollectionPadding: false,
  }).trimEnd();
}

/** A string as one item of a flow list (quoted when a comma or bracket needs it). */
export function yamlFlowItem(value: string): string {
  return yamlValue([value]).slice(1, -1);
}
