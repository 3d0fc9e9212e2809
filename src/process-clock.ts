/**
 * The first reading of a zone through Date with TZ set for the moment: Node
 * resets its zone cache whenever TZ is assigned, so this reads ICU's zone
 * data without building an Intl.DateTimeFormat (~12-25 ms at start-up).
 * TZ belongs to the process and has no effect in a worker thread, so this
 * lives at the entry point and is installed only on the main thread.
 */
import { isMainThread } from 'node:worker_threads';
import { localWallTime, useFirstReading, type WallTime } from './core/clock.js';

/** Only IANA-style names go through TZ; anything else goes through Intl, which checks it. */
const ZONE_NAME = /^[A-Za-z0-9_+\-/]+$/;

export function wallTimeThroughTz(instant: Date, timeZone: string): WallTime {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return localWallTime(instant);
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** Installs the TZ reading for the first reading of each zone; true when it did (main thread only). */
export function installProcessClock(): boolean {
  if (!isMainThread) return false;
  useFirstReading((instant, zone) => (ZONE_NAME.test(zone) ? wallTimeThroughTz(instant, zone) : undefined));
  return true;
}
