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
  const parts: Record<string, string> = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** `HH:MM` plus minutes, capped at 23:59 so a late talk does not wrap to the next day. */
export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  const total = Math.min(hours! * 60 + mins! + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD HH:MM` (or with a `T`), or a bare `HH:MM` on `today`; null when it is not a real date and time. */
export function parseWhen(value: string, today: string): WallTime | null {
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  const timeOnly = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  const [date, hours, minutes] = full ? [full[1]!, full[2]!, full[3]!] : timeOnly ? [today, timeOnly[1]!, timeOnly[2]!] : [];
  if (!date || Number(hours) > 23 || Number(minutes) > 59 || !isRealDate(date)) return null;
  return { date, time: `${hours!.padStart(2, '0')}:${minutes}` };
}

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month! - 1 && probe.getUTCDate() === day;
}

/**
 * The slot a talk most likely started in, for a note begun at `time`: the
 * quarter hour before, unless the next one is at most five minutes away
 * (11:07 → 11:00, 11:11 → 11:15).
 */
export function roundToSlot(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const total = hours! * 60 + minutes!;
  const into = total % 15;
  const rounded = Math.min(into >= 10 ? total + 15 - into : total - into, 23 * 60 + 45);
  return `${String(Math.floor(rounded / 60)).padStart(2, '0')}:${String(rounded % 60).padStart(2, '0')}`;
}
