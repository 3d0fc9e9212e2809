/**
 * The plan side of `agenda`: clashes between starred talks, and the options
 * of the plan's iCalendar export (plan-export.ts writes it). Kept apart from
 * agenda.ts so the listing and the plan change independently.
 */
import { findClashes } from '../../core/programme/plan-clashes.js';
import { MAX_REMIND_MINUTES } from '../../core/programme/plan-ics.js';
import type { ProgrammeEntry } from '../../core/programme/programme.js';
import { UsageError } from '../../errors.js';
import type { Colors } from '../../ui/colors.js';
import { visible } from '../../visible.js';

export interface PlanOptions {
  format?: string;
  output?: string;
  remind?: string;
  force?: boolean;
}

/** Whether the options ask for the plan as iCalendar rather than a listing. */
export function wantsIcs(options: PlanOptions): boolean {
  return options.format === 'ics' || options.output !== undefined;
}

/** The clashes between the programme's starred talks: each starred uid → the starred uids it overlaps. */
export function starredClashes(entries: readonly ProgrammeEntry[]): Map<string, string[]> {
  return findClashes(entries.filter((entry) => entry.starred));
}

/** The note after a clashing talk's title: `⚠ clashes with <title>; <title>`, or ''. */
export function clashNote(
  entry: ProgrammeEntry,
  clashes: Map<string, string[]>,
  titles: Map<string, string>,
  color: Colors,
): string {
  const others = clashes.get(entry.uid) ?? [];
  if (others.length === 0) return '';
  const names = others.slice(0, 2).map((uid) => visible(titles.get(uid) ?? uid));
  const more = others.length > 2 ? ` and ${others.length - 2} more` : '';
  return `  ${color.yellow(`⚠ clashes with ${names.join('; ')}${more}`)}`;
}

/** `--remind <minutes>`: a whole number of minutes, 0 for no alarm; 10 when not given. */
export function remindMinutes(value: string | undefined): number {
  if (value === undefined) return 10;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > MAX_REMIND_MINUTES)
    throw new UsageError(
      `--remind "${value}" is not a number of minutes from 0 to ${MAX_REMIND_MINUTES} (0: no reminder)`,
    );
  return Number(trimmed);
}

/** Checks the options of the export before anything is read. */
export function checkPlanOptions(
  options: PlanOptions & { json?: boolean; star?: string[]; unstar?: string[]; starFrom?: string },
): void {
  if (options.starFrom !== undefined && (options.star !== undefined || options.unstar !== undefined))
    throw new UsageError('--star-from cannot be used with --star or --unstar');
  if (options.starFrom !== undefined && (wantsIcs(options) || options.json))
    throw new UsageError('--star-from stars talks; export the plan afterwards with --format ics or -o');
  if ((options.star !== undefined || options.unstar !== undefined) && wantsIcs(options))
    throw new UsageError('--star and --unstar change the plan; export it afterwards with --format ics or -o');
  if (options.json && options.format !== undefined && options.format !== 'json')
    throw new UsageError(`--json and --format ${options.format} cannot be used together`);
  if (wantsIcs(options) && options.json)
    throw new UsageError('--json and the iCalendar plan (--format ics, -o) cannot be used together');
  if (options.output !== undefined && options.format !== undefined && options.format !== 'ics')
    throw new UsageError(
      `-o writes the plan as iCalendar; --format ${options.format} cannot be written to a file`,
    );
  // A plan is never written over a note, programme.yml or the workspace's settings, even with --force.
  if (
    options.output !== undefined &&
    options.output !== '-' &&
    !/\.(ics|ical|icalendar)$/i.test(options.output)
  )
    throw new UsageError(
      `-o "${options.output}": the plan is an iCalendar file; give it a name ending in .ics`,
    );
  if (options.remind !== undefined && !wantsIcs(options))
    throw new UsageError('--remind sets the reminder of the exported plan: use it with --format ics or -o');
  remindMinutes(options.remind);
}
