/** Reading a programme export: which format it is, then the right parser. */
import { isUtf8 } from 'node:buffer';
import { ConfnotesError } from '../../errors.js';
import { looksLikeIcs, mendFoldedCharacters } from './ics-unfold.js';
import type { ParsedSchedule } from './programme-model.js';
import { ScheduleError } from './schedule-common.js';

export type ScheduleFormat = 'ics' | 'pretalx' | 'pentabarf' | 'c3voc';
export const SCHEDULE_FORMATS: readonly ScheduleFormat[] = ['ics', 'pretalx', 'pentabarf', 'c3voc'];

/** Programme exports larger than this are refused (the biggest real ones are a few MB). */
export const MAX_SCHEDULE_BYTES = 50 * 1024 * 1024;

/** The format from the content: BEGIN:VCALENDAR, XML, or a JSON object (schedule v2 has an "events" list, not rooms maps). */
export function detectFormat(text: string): ScheduleFormat | null {
  const start = (text.startsWith('\uFEFF') ? text.slice(1) : text).trimStart();
  if (start.slice(0, 15).toUpperCase() === 'BEGIN:VCALENDAR') return 'ics';
  if (start.startsWith('<')) return 'pentabarf';
  if (start.startsWith('{'))
    return /"events"\s*:\s*\[/.test(text) && !/"rooms"\s*:\s*\{/.test(text) ? 'c3voc' : 'pretalx';
  return null;
}

export interface ParseOptions {
  format?: ScheduleFormat;
  /** The conference's zone: floating times are read in it. */
  zone: string | null;
  firstDay?: string | null;
  lastDay?: string | null;
}

/** Parses an export. Throws ScheduleError (a line and a reason) when it is malformed. */
export async function parseSchedule(text: string, options: ParseOptions): Promise<ParsedSchedule> {
  if (text.trim() === '') throw new ScheduleError(1, 'empty file');
  const format = options.format ?? detectFormat(text);
  if (!format)
    throw new ScheduleError(
      1,
      'neither iCalendar (BEGIN:VCALENDAR), schedule.xml, schedule v2 JSON nor pretalx/frab schedule JSON; pass --format if it is one of them',
    );
  if (format === 'ics') {
    const { parseIcs } = await import('./schedule-ics.js');
    return parseIcs(text, options);
  }
  if (format === 'pentabarf') {
    const { parseScheduleXml } = await import('./schedule-xml.js');
    return parseScheduleXml(text, options);
  }
  if (format === 'c3voc') {
    const { parseC3voc } = await import('./schedule-c3voc.js');
    return parseC3voc(text, options);
  }
  const { parsePretalx } = await import('./schedule-pretalx.js');
  return parsePretalx(text, options);
}

/** Decodes the bytes of an export as UTF-8 (a BOM is fine); throws for binary or non-UTF-8 input. */
export function decodeSchedule(input: Buffer, shown: string): string {
  if (input.length > MAX_SCHEDULE_BYTES)
    throw new ConfnotesError(
      `${shown}: ${(input.length / 1048576).toFixed(1)} MB is too large for a programme`,
    );
  if (input.includes(0)) throw new ConfnotesError(`${shown}: binary file, not a programme`);
  // iCalendar may fold inside a UTF-8 character: mend that at the byte level before decoding.
  const bytes = !isUtf8(input) && looksLikeIcs(input) ? mendFoldedCharacters(input) : input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 10) continue;
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        break;
      }
      line++;
      lineStart = i + 1;
    }
    throw new ConfnotesError(`${shown}:${line}: not UTF-8 text`);
  }
}
