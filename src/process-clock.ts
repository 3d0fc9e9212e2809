/**
 * Zone readings through Date with TZ set for the moment: Node resets its zone
 * cache whenever TZ is assigned, so this reads ICU's zone data without
 * building an Intl.DateTimeFormat (~15-25 ms at start-up; one assignment and
 * a month of offsets cost well under a millisecond after the first).
 * TZ belongs to the process and has no effect in a worker thread, so this
 * lives at the entry point, and checks once that TZ takes effect here
 * (cheaper than loading node:worker_threads to ask).
 */
import { isValidTimeZone, useOffsetReader } from './core/clock.js';

/** Only IANA-style names go through TZ; anything else goes through Intl, which checks it. */
const ZONE_NAME = /^[A-Za-z0-9_+\-/]+$/;

/** The zone's offsets (wall time minus UTC, in ms) at instants on whole seconds, with TZ set once. */
export function offsetsThroughTz(zone: string, instants: readonly number[]): number[] {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return instants.map((ms) => {
      const d = new Date(ms);
      return (
        Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) -
        ms
      );
    });
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

/** Zones that read as UTC throughout and are real ones: IANA's names of UTC itself, and those checked so far. */
const checked = new Set<string>(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/Universal', 'Etc/Zulu', 'Etc/UCT']);

/**
 * Installs the TZ reading of zones, where TZ takes effect. A name TZ does not
 * know reads as UTC, where Intl would refuse it: a zone that reads as UTC
 * throughout is checked once, and refused back to Intl if it is not one.
 */
export function installProcessClock(): void {
  useOffsetReader((zone, instants) => {
    if (!ZONE_NAME.test(zone) || !tzTakesEffect()) return undefined;
    const offsets = offsetsThroughTz(zone, instants);
    if (offsets.every((offset) => offset === 0) && !checked.has(zone)) {
      if (!isValidTimeZone(zone)) return undefined;
      checked.add(zone);
    }
    return offsets;
  });
}
