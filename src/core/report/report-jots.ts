/**
 * A note's Notes section as the report shows it: the lines jotted in the room
 * (`- 11:05 text`, `- 11:05 > "quote"`), quotes turned into block quotes, in
 * order. The structure comes from the Markdown reader (markdown-it's block
 * tokens), so a `- 11:05` inside code or a nested list is left as written.
 */
import { blockParser, lineStarts } from '../markdown/blocks.js';
import type { ReportJot } from './report-types.js';

/** The section the jots go into (jot's `## Notes`). */
export const NOTES_SECTION = /^notes\b/i;

export type NotesMode = 'auto' | 'always' | 'never';
export const NOTES_MODES: readonly NotesMode[] = ['auto', 'always', 'never'];

/** `11:05 text` or `11:05 > "quote"`, with `jot --since-start`'s `+12:30` after the time: a jotted line after its bullet. */
const JOTTED = /^(\d{1,2}:\d{2})(?:[ \t]+([+-]\d{1,3}:\d{2}(?::\d{2})?)(?=[ \t]))?[ \t]+(>[ \t]*)?([\s\S]*)$/;

const TASK = /^\[[ xX]\][ \t]/;
const LEFT_OUT = new Set(['fence', 'code_block', 'html_block']);

/** A block of the section: a jotted line, or any other Markdown kept as written. */
export type NotesBlock = { jot: ReportJot } | { markdown: string };

const oneLine = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join(' ')
    .trim();

/** Reads the Notes section (private blocks and comments already removed) into its blocks. */
export function readNotesSection(text: string): NotesBlock[] {
  const tokens = blockParser().parse(text, {});
  const starts = lineStarts(text);
  const slice = (from: number, to: number) =>
    text.slice(starts[from]!, starts[Math.min(to, starts.length - 1)]!).replace(/\s+$/, '');
  const out: NotesBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level !== 0 || !token.map) continue;
    // Code and raw HTML stay in the note; the report shows the notes' prose.
    if (LEFT_OUT.has(token.type)) continue;
    if (token.type !== 'bullet_list_open') {
      if (!token.type.endsWith('_close')) {
        const markdown = slice(token.map[0], token.map[1]);
        if (markdown.trim()) out.push({ markdown });
      }
      continue;
    }
    // Each item of a top-level bullet list: a jot when it reads `HH:MM ...`, else kept as written.
    for (i++; i < tokens.length; i++) {
      const item = tokens[i]!;
      if (item.type === 'bullet_list_close' && item.level === 0) break;
      if (item.type !== 'list_item_open' || item.level !== 1 || !item.map) continue;
      const inline = tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 2] : undefined;
      const jotted = inline?.type === 'inline' ? JOTTED.exec(inline.content) : null;
      const text = jotted ? oneLine(jotted[4]!) : '';
      if (inline?.type === 'inline' && TASK.test(inline.content)) continue; // a follow-up: listed there
      if (jotted && text)
        out.push({
          jot: {
            time: jotted[1]!,
            ...(jotted[2] ? { since: jotted[2] } : {}),
            text,
            quote: jotted[3] !== undefined,
          },
        });
      else if (!/^\s*[-*+]\s*$/.test(slice(item.map[0], item.map[1])))
        out.push({ markdown: slice(item.map[0], item.map[1]) });
    }
  }
  return out;
}

/** A quote without its quotation marks (the block quote says it is one). */
function unquoted(text: string): string {
  const match = /^["“'‘]([\s\S]*)["”'’]$/.exec(text);
  return match ? match[1]!.trim() : text;
}

/**
 * The blocks as Markdown: jots as list items (`- 11:05 text`, or `- text`
 * without times), quotes as block quotes, other blocks as written. Runs of
 * list items stay one list; anything else stands apart. A `+12:30` stays in
 * both forms, as a link to that moment when `recordingAt` gives one
 * (recording-link.ts; the URL already one the report prints).
 */
export function notesMarkdown(
  blocks: NotesBlock[],
  withTimes: boolean,
  recordingAt: (stamp: string) => string | null = () => null,
): string | null {
  const parts: { text: string; item: boolean }[] = blocks.map((block) => {
    if ('markdown' in block) return { text: block.markdown, item: /^[-*+][ \t]/.test(block.markdown) };
    const { time, since, text, quote } = block.jot;
    const link = since ? recordingAt(since) : null;
    const stamp = since ? (link ? `[${since}](${link})` : since) : '';
    const when = [withTimes ? time : '', stamp].filter(Boolean).join(' ');
    if (quote) return { text: `> ${unquoted(text)}${when ? ` (${when})` : ''}`, item: false };
    return { text: `- ${when ? `${when} ` : ''}${text}`, item: true };
  });
  if (parts.length === 0) return null;
  let out = parts[0]!.text;
  for (let i = 1; i < parts.length; i++)
    out += `${parts[i]!.item && parts[i - 1]!.item ? '\n' : '\n\n'}${parts[i]!.text}`;
  return out;
}

/** Whether the report shows a note's notes: `auto` when it has no takeaways. */
export function showsNotes(mode: NotesMode, hasTakeaways: boolean, hasNotes: boolean): boolean {
  if (!hasNotes || mode === 'never') return false;
  return mode === 'always' || !hasTakeaways;
}
