/** Wall-clock date and time as a person in a room reads them. */
export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall time of an instant in a time zone (an IANA name), or in the
 * machine's own zone when none is given.
 */
export function wallTime(instant: Date, timeZone?: string | null): WallTime {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone ?? undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** `HH:MM` plus minutes, capped at 23:59 so a late talk does not wrap to the next day. */
export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  const total = Math.min(hours! * 60 + mins! + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD HH:MM` (or with a `T`), or a bare `HH:MM` on `today`. */
export function parseWhen(value: string, today: string): WallTime | null {
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  if (full) return { date: full[1]!, time: `${full[2]!.padStart(2, '0')}:${full[3]}` };
  const timeOnly = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (timeOnly) return { date: today, time: `${timeOnly[1]!.padStart(2, '0')}:${timeOnly[2]}` };
  return null;
}
