/** What `new` and `new --from` share: their options and the reading of --at. */
import { parseWhen, wallTime, type WallTime } from '../core/clock.js';
import { UsageError } from '../errors.js';

export interface NewOptions {
  type?: string;
  speaker?: string[];
  tag?: string[];
  at?: string;
  duration?: number;
  track?: string;
  room?: string;
  conf?: string;
  rating?: number;
  favourite?: boolean;
  private?: boolean;
  link?: string[];
  summary?: string;
  template?: string;
  edit?: boolean;
  from?: string;
}

/** --at as a wall time in `zone`; "HH:MM" alone is today there. */
export function parseAt(value: string, now: Date, zone: string | null): WallTime {
  const at = parseWhen(value, wallTime(now, zone).date);
  if (!at) throw new UsageError(`--at "${value}" is not "YYYY-MM-DD HH:MM" or "HH:MM"`);
  return at;
}
