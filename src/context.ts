/**
 * Everything the core may learn from the outside world. The entry point builds
 * the real one; tests build their own, so no core module reads `process`.
 */
import { instantInZone } from './core/clock.js';
import { ConfnotesError } from './errors.js';

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * The current instant (CONFNOTES_NOW overrides it, for tests and demos).
   * `zone` is the conference's, where the caller knows it: a CONFNOTES_NOW
   * without an offset is a wall time there, as `--at` is.
   */
  now(zone?: string | null): Date;
  homeDir: string;
}

/** `2015-09-18 10:35`, `2015-09-18T10:35:20`: a wall time with no offset. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function nowFromEnv(env: Record<string, string | undefined>): (zone?: string | null) => Date {
  const fixed = env.CONFNOTES_NOW?.trim();
  if (!fixed) return () => new Date();
  const bad = () =>
    new ConfnotesError(
      `CONFNOTES_NOW is not an ISO 8601 instant (e.g. 2013-04-16T11:05:00-07:00, or 2013-04-16 11:05 in the conference's zone): ${fixed}`,
      2,
    );
  const wall = WALL_TIME.exec(fixed);
  if (wall) {
    const [year, month, day, hour, minute, second] = wall.slice(1).map((part) => Number(part ?? 0));
    const fields = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
    // Checked against the calendar: 2015-02-30 or 25:00 is a typo, not a day in March.
    const probe = new Date(Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute));
    if (
      probe.getUTCDate() !== fields.day ||
      probe.getUTCMonth() !== fields.month - 1 ||
      fields.hour > 23 ||
      fields.minute > 59 ||
      fields.second > 59
    )
      throw bad();
    return (zone) => instantInZone(fields, zone ?? null);
  }
  const instant = new Date(fixed);
  if (Number.isNaN(instant.getTime())) throw bad();
  return () => new Date(instant);
}
