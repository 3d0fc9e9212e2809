import { wallTime, type WallTime } from '../core/clock.js';

/**
 * The wall time in a zone without Intl: asking ICU for a time zone costs
 * ~14 ms at start-up, a fifth of a whole quick command, while Date reads the
 * system's zone files through TZ in well under 1 ms. TZ is restored at once.
 * Zones reach here only from conference.md files that were checked on reading.
 */
export function quickWallTime(instant: Date, timeZone: string | undefined): WallTime {
  if (!timeZone) return localWallTime(instant);
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return wallTime(instant, timeZone);
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return localWallTime(instant);
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

function localWallTime(instant: Date): WallTime {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}
