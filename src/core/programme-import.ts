/** `confnotes import`: an export's text in, the conference's programme.yml updated (or left alone). */
import { NoteFileError } from '../errors.js';
import type { Conference } from './conference.js';
import { mergeProgramme, programmeFile, toStored, updateProgramme, type MergeResult, type ParsedSchedule } from './programme.js';
import { ScheduleError } from './schedule-common.js';
import { parseSchedule, type ScheduleFormat } from './schedule.js';
import { relativeToWorkspace, type Workspace } from './workspace.js';

export interface ImportOutcome {
  merge: MergeResult;
  parsed: ParsedSchedule;
  /** False when the programme was already exactly this (an idempotent re-import). */
  written: boolean;
  /** The zone the programme's times are stored and shown in. */
  zone: string | null;
  file: string;
}

/**
 * Parses the export (any problem throws, naming `shown` and the line, before
 * anything is written) and merges it into the stored programme atomically.
 */
export async function importProgramme(
  ws: Workspace,
  conference: Conference,
  text: string,
  options: { format?: ScheduleFormat; shown: string; source: string },
): Promise<ImportOutcome> {
  let parsed: ParsedSchedule;
  try {
    parsed = await parseSchedule(text, { format: options.format, zone: conference.timezone, firstDay: conference.start, lastDay: conference.end });
  } catch (error) {
    if (error instanceof ScheduleError) throw new NoteFileError(options.shown, error.line, error.reason);
    throw error;
  }
  const zone = conference.timezone ?? parsed.timezone;
  const incoming = parsed.entries.map((entry) => toStored(entry, zone));
  let merge: MergeResult = mergeProgramme([], incoming);
  const written = await updateProgramme(ws, conference, (current) => {
    merge = mergeProgramme(current?.entries ?? [], incoming);
    const same =
      current !== null &&
      merge.added.length + merge.changed.length + merge.removed.length === 0 &&
      current.timezone === zone &&
      current.source === options.source &&
      current.entries.length === merge.entries.length;
    return same ? null : { timezone: zone, source: options.source, entries: merge.entries };
  });
  return { merge, parsed, written, zone, file: relativeToWorkspace(ws, programmeFile(conference)) };
}
