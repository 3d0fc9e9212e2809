/**
 * A jot's `+12:30` (written by `jot --since-start`) as a link to that moment
 * of the talk's recording, for the hosts whose links take a start time:
 * YouTube (`t=750s`), Vimeo (`#t=750s`) and media.ccc.de (`#t=750`). Any
 * other link gives none: the stamp stays plain text. Pure.
 */

/** `+12:30`, `+1:02:03` (and `-0:30` before the talk began), as slot.ts `sinceStart` writes it. */
export const SINCE_START = /^[+-]\d{1,3}:\d{2}(?::\d{2})?$/;

/**
 * The seconds since the start a stamp says, or null when it is not a stamp,
 * its minutes or seconds are not 00–59 where they must be, or it is before
 * the start (a recording has no moment for it).
 */
export function stampSeconds(stamp: string): number | null {
  const match = /^\+(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(stamp);
  if (!match) return null;
  const [first, second, third] = [Number(match[1]), Number(match[2]), match[3]];
  if (second > 59) return null;
  if (third === undefined) return first * 60 + second;
  const seconds = Number(third);
  if (seconds > 59) return null;
  return first * 3600 + second * 60 + seconds;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com']);
/** A YouTube or Vimeo video id: what their links carry, nothing else. */
const VIDEO_ID = /^[\w-]{6,}$/;

/**
 * The link to `seconds` into the recording at `url`, or null when `url` is
 * not a recording of a host that takes a start time. An earlier start time in
 * the link is replaced.
 */
export function recordingAt(url: string, seconds: number): string | null {
  if (!Number.isInteger(seconds) || seconds < 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase();
  const youtube =
    (YOUTUBE_HOSTS.has(host) &&
      parsed.pathname === '/watch' &&
      VIDEO_ID.test(parsed.searchParams.get('v') ?? '')) ||
    (host === 'youtu.be' && VIDEO_ID.test(parsed.pathname.slice(1)));
  if (youtube) {
    parsed.searchParams.set('t', `${seconds}s`);
    return parsed.href;
  }
  if (VIMEO_HOSTS.has(host) && /^\/\d+\/?$/.test(parsed.pathname)) {
    parsed.hash = `t=${seconds}s`;
    return parsed.href;
  }
  if (host === 'media.ccc.de' && /^\/v\/[^/]+\/?$/.test(parsed.pathname)) {
    parsed.hash = `t=${seconds}`;
    return parsed.href;
  }
  return null;
}

/**
 * The note's recording: the first of its links (in the report's order,
 * videos first) that `recordingAt` knows how to start at a moment, or null.
 */
export function recordingOf(links: readonly { url: string }[]): string | null {
  return links.find((link) => recordingAt(link.url, 0) !== null)?.url ?? null;
}
