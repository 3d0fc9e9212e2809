/**
 * The first reading of a zone through Date with TZ set for the moment: Node
 * resets its zone cache whenever TZ is assigned, so this reads ICU's zone
 * data without building an Intl.DateTimeFormat (~12-25 ms at start-up).
 * TZ belongs to the process and has no effect in a worker thread, so this
 * lives at the entry point, and checks once that TZ takes effect here
 * (cheaper than loading node:worker_threads to ask).
 */
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

let takesEffect: boolean | undefined;

/** True when assigning TZ changes what Date reads (the main thread; not a worker). */
export function tzTakesEffect(): boolean {
  if (takesEffect === undefined) {
    const previous = process.env.TZ;
    process.env.TZ = 'Etc/GMT-14';
    try {
      takesEffect = new Date(0).getTimezoneOffset() === -840;
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  }
  return takesEffect;
}

/** Installs the TZ reading for the first reading of each zone, where TZ takes effect. */
export function installProcessClock(): void {
  useFirstReading((instant, zone) =>
    ZONE_NAME.test(zone) && tzTakesEffect() ? wallTimeThroughTz(instant, zone) : undefined,
  );
}
