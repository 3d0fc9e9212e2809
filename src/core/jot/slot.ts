/**
 * A note's slot (date, start, end) read from its front matter without a YAML
 * parser (jot is a quick command), and where a jot's time falls against it.
 */
import type { WallTime } from '../clock.js';

export interface Slot {
  date: string;
  start: string;
  end?: string;
}

/** `key: value` at the start of a front-matter line, the value plain or quoted. */
function field(yaml: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*(["']?)([^"'#\\r\\n]*?)\\1[ \\t]*(?:#.*)?$`, 'm').exec(yaml);
  return match?.[2]?.trim() || undefined;
}

/** The slot written in a note's front matter (`yaml` is the text between the `---` lines), or null. */
export function readSlot(yaml: string): Slot | null {
  const date = field(yaml, 'date');
  const start = field(yaml, 'start');
  const end = field(yaml, 'end');
  const time = /^\d{1,2}:\d{2}$/;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !start || !time.test(start)) return null;
  const pad = (t: string) => t.padStart(5, '0');
  return { date, start: pad(start), end: end && time.test(end) ? pad(end) : undefined };
}

/** True when a jot at `at` falls outside the slot: another day, before the start or after the end. */
export function outsideSlot(slot: Slot, at: WallTime): boolean {
  if (at.date !== slot.date) return true;
  return at.time < slot.start || (slot.end !== undefined && at.time > slot.end);
}

/** The slot as a person reads it: `2013-04-16 11:00–11:30`. */
export function slotText(slot: Slot): string {
  return `${slot.date} ${slot.start}${slot.end ? `–${slot.end}` : ''}`;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const dayOf = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * The time since the talk began, `+12:30` (minutes and seconds; `+1:02:03`
 * past an hour; `-` before it began). `seconds` is the second of the minute
 * (zone offsets are whole minutes, so the instant's own second serves).
 */
export function sinceStart(slot: Slot, at: WallTime, seconds = 0): string {
  const total =
    ((dayOf(at.date) - dayOf(slot.date)) * 1440 + minutesOf(at.time) - minutesOf(slot.start)) * 60 + seconds;
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const [h, m, s] = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${two(m)}:${two(s)}` : `${sign}${m}:${two(s)}`;
}
