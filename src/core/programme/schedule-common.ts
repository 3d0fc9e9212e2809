/** What the programme parsers share: their error, and how untrusted text from a programme is cleaned. */
import { ConfnotesError } from '../../errors.js';

/** A problem in the imported file, at a line (the command adds the file's name). */
export class ScheduleError extends ConfnotesError {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`, 1);
    this.name = 'ScheduleError';
  }
}

/** Multi-line text with control and bidi-override characters removed, lines trimmed at the end; null when empty. */
export function cleanText(text: string | null | undefined): string | null {
  if (!text) return null;
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\t/g, '  ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned || null;
}

/** The URL when it is an http(s) one; anything else (javascript:, file:, data:) is dropped. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Splits "Speaker: Ada Lovelace, Grace Hopper" (or "Speakers:", "Presented by")
 * off a description, for calendars that have no ATTENDEE or ORGANIZER names.
 */
export function splitSpeakerLine(description: string): { speakers: string[]; rest: string } {
  const lines = description.replace(/\r\n?/g, '\n').split('\n');
  const index = lines.findIndex((line) => /^\s*(speakers?|presenters?|presented by|by)\s*:/i.test(line));
  if (index === -1) return { speakers: [], rest: description };
  const names = lines[index]!.slice(lines[index]!.indexOf(':') + 1)
    .split(/,|;|\band\b|&/)
    .map((name) => name.trim())
    .filter(Boolean);
  lines.splice(index, 1);
  return { speakers: names, rest: lines.join('\n') };
}

/** A uid as it is stored and shown: no control or bidi characters (they could drive a terminal), trimmed, at most 500 characters. */
export function cleanUid(value: string | null | undefined): string | null {
  const uid = [...(value ?? '').replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '').trim()]
    .slice(0, 500)
    .join('');
  return uid || null;
}
