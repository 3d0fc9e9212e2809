/**
 * The optional YAML title block of a Markdown report (`--front-matter`, or
 * by default for an `-o` file ending in `.md`), so pandoc and static site
 * generators find a title, author and date. Values are written by the yaml
 * library, quoted where YAML needs it, so a title with `: ` stays a string.
 */
import { yamlLib } from '../front-matter/yaml-libs.js';
import type { ReportModel } from './report-types.js';

/** `---\ntitle: …\nauthor: …\ndate: …\n---\n\n`; keys without a value are left out. */
export function titleBlock(model: ReportModel): string {
  const date = model.conference.start ?? model.notes[0]?.date ?? null;
  const fields: Record<string, string> = { title: model.title };
  if (model.conference.author) fields.author = model.conference.author;
  // A string, not a YAML date: readers should not shift it by a time zone.
  if (date) fields.date = date;
  const yaml = yamlLib().stringify(fields, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
  return `---\n${yaml}---\n\n`;
}

/** Whether a Markdown report gets the title block: as asked, else when it goes to a `.md` file. */
export function wantsTitleBlock(asked: boolean | undefined, target: string | null): boolean {
  return asked ?? (target !== null && /\.md$/i.test(target));
}
