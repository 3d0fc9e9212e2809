/** `confnotes import`: an export's text in, the conference's programme.yml updated (or left alone). */
import type { Readable } from 'node:stream';
import { ConfnotesError, NoteFileError } from '../../errors.js';
import type { Conference } from '../workspace/conference.js';
import { followPrevious } from './programme-follow.js';
import { mergeProgramme, type MergeResult } from './programme-match.js';
import { timesProblem, toStored, type ParsedSchedule } from './programme-model.js';
import { programmeFile, updateProgramme } from './programme-store.js';
import { ScheduleError } from './schedule-common.js';
import { MAX_SCHEDULE_BYTES, parseSchedule, type ScheduleFormat } from './schedule.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';

export interface ImportOutcome {
  merge: MergeResult;
  parsed: ParsedSchedule;
  /** False when the programme was already exactly this (an idempotent re-import). */
  written: boolean;
  /** The zone the programme's times are stored and shown in. */
  zone: string | null;
  file: string;
  /** Talks whose UID the export changed, matched to their stored entry (programme-follow.ts). */
  followed: number;
}

/**
 * Parses the export (any problem throws, naming `shown` and the line, before
 * anything is written) and merges it into the stored programme atomically.
 */
export async function importProgramme(
  ws: Workspace,
  conference: Conference,
  text: string,
  options: { format?: ScheduleFormat; shown: string; source: string; replace?: boolean },
): Promise<ImportOutcome> {
  let parsed: ParsedSchedule;
  try {
    parsed = await parseSchedule(text, {
      format: options.format,
      zone: conference.timezone,
      firstDay: conference.start,
      lastDay: conference.end,
    });
  } catch (error) {
    if (error instanceof ScheduleError) throw new NoteFileError(options.shown, error.line, error.reason);
    throw error;
  }
  // The parsers name the line of a bad time; this catches what a parser let through.
  for (const entry of parsed.entries) {
    const problem = timesProblem(entry);
    if (problem) throw new NoteFileError(options.shown, undefined, `talk ${entry.uid}: ${problem}`);
  }
  const zone = conference.timezone ?? parsed.timezone;
  const incoming = parsed.entries.map((entry) => toStored(entry, zone));
  // An empty export is a failed download or a wrong file, not a programme whose talks were all cancelled.
  if (incoming.length === 0)
    throw new NoteFileError(options.shown, undefined, 'holds no talks; the programme was left as it was');
  let merge: MergeResult = mergeProgramme([], incoming);
  let followed = 0;
  const written = updateProgramme(ws, conference, (current) => {
    // A newer export that renamed its UIDs keeps the stored ones, so no talk shows twice.
    const follow = followPrevious(current?.entries ?? [], incoming);
    followed = follow.matched;
    merge = mergeProgramme(current?.entries ?? [], follow.entries);
    const live = (current?.entries ?? []).filter((entry) => entry.status !== 'removed').length;
    if (!options.replace && live > 0 && merge.removed.length === live) {
      // Not one talk in common: most likely another conference's export.
      throw new ConfnotesError(
        `${options.shown} shares no talk with the ${live} already imported for ${conference.name} (another conference's programme?); nothing was changed. Pass --replace to import it anyway`,
      );
    }
    // --replace replaces: the talks this export does not have are dropped, not kept as removed.
    if (options.replace) merge.entries = merge.entries.filter((entry) => entry.status !== 'removed');
    const same =
      current !== null &&
      merge.added.length + merge.changed.length + merge.removed.length === 0 &&
      current.timezone === zone &&
      current.source === options.source &&
      current.entries.length === merge.entries.length;
    return same ? null : { timezone: zone, source: options.source, entries: merge.entries };
  });
  return {
    merge,
    parsed,
    written,
    zone,
    file: relativeToWorkspace(ws, programmeFile(conference)),
    followed,
  };
}

/**
 * The bytes of an export read from a stream (standard input, a pipe), stopping
 * as soon as they pass the size limit instead of buffering whatever comes.
 */
export async function readExportStream(stream: Readable, shown: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_SCHEDULE_BYTES) {
      stream.destroy();
      throw new ConfnotesError(
        `${shown}: more than ${MAX_SCHEDULE_BYTES / 1048576} MB, too large for a programme; stopped reading`,
      );
    }
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  }
  return Buffer.concat(chunks);
}
