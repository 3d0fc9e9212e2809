/**
 * The starred plan as iCalendar, for a phone's calendar: one VEVENT per talk,
 * with a reminder before it. Written with ical.js, which folds and escapes.
 * A second export updates the first: each event's UID comes from the
 * conference and the talk (never the programme's own UID, so a calendar that
 * also subscribed to the full programme keeps both), and its SEQUENCE grows
 * with the export time, so a talk that moved replaces the old one.
 */
import { createRequire } from 'node:module';
import type { ProgrammeEntry } from './programme-model.js';

/** What marks a file as an earlier plan export (plan-output.ts recognises it by this). */
export const PLAN_PRODID = '-//confnotes//plan//EN';
/** SEQUENCE counts minutes from here: every later export is a newer revision. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
/** The longest reminder accepted: a week ahead. */
export const MAX_REMIND_MINUTES = 7 * 24 * 60;

export interface PlanOptions {
  /** The conference's slug (part of every UID) and name (the calendar's name). */
  slug: string;
  name: string;
  /** DTSTAMP and SEQUENCE come from the injected clock. */
  now: Date;
  /** Minutes before each talk for its alarm; 0 for none. */
  remind: number;
}

let cryptoModule: typeof import('node:crypto') | undefined;

/** The stable UID of a talk's event in the plan (the same in every version: calendars match events by it). */
export function planUid(slug: string, entryUid: string): string {
  // node:crypto is loaded when a plan is made, not by every agenda (its load costs 3-4 ms).
  cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const digest = cryptoModule.createHash('sha256').update(`${slug}\n${entryUid}`).digest('hex').slice(0, 24);
  return `${slug}-${digest}@plan.confnotes`;
}

/** The iCalendar text (CRLF lines) of the plan: the entries given, in programme order. */
export async function planCalendar(
  entries: readonly ProgrammeEntry[],
  options: PlanOptions,
): Promise<string> {
  const ICAL = (await import('ical.js')).default;
  // ical.js folds after 75 octets and then adds the space: 74 keeps every line within RFC 5545's 75.
  ICAL.foldLength = 74;
  const utc = (instant: Date) => ICAL.Time.fromJSDate(instant, true);
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('prodid', PLAN_PRODID);
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', text(`${options.name}: my plan`));
  const sequence = Math.max(0, Math.floor((options.now.getTime() - SEQUENCE_EPOCH) / 60_000));
  for (const entry of entries) {
    const component = new ICAL.Component('vevent');
    const event = new ICAL.Event(component);
    event.uid = planUid(options.slug, entry.uid);
    component.updatePropertyWithValue('dtstamp', utc(options.now));
    event.sequence = sequence;
    event.summary = text(entry.title);
    if (entry.all_day) {
      event.startDate = ICAL.Time.fromDateString(entry.start);
      // DTEND of a day event is exclusive: the day after the last one.
      const after = ICAL.Time.fromDateString(entry.end);
      after.adjust(1, 0, 0, 0);
      event.endDate = after;
    } else {
      event.startDate = utc(new Date(entry.start));
      // A talk without length has no DTEND (RFC 5545: it then takes no time).
      if (entry.end !== entry.start) event.endDate = utc(new Date(entry.end));
    }
    if (entry.room) event.location = text(entry.room);
    const description = describe(entry);
    if (description) event.description = text(description);
    if (entry.url) component.updatePropertyWithValue('url', entry.url);
    const off = entry.status !== 'confirmed';
    component.updatePropertyWithValue('status', off ? 'CANCELLED' : 'CONFIRMED');
    if (options.remind > 0 && !off && !entry.all_day) {
      const alarm = new ICAL.Component('valarm');
      alarm.updatePropertyWithValue('action', 'DISPLAY');
      alarm.updatePropertyWithValue('trigger', ICAL.Duration.fromString(`-PT${options.remind}M`));
      alarm.updatePropertyWithValue(
        'description',
        text(entry.room ? `${entry.title} (${entry.room})` : entry.title),
      );
      component.addSubcomponent(alarm);
    }
    calendar.addSubcomponent(component);
  }
  return `${calendar.toString()}\r\n`;
}

/**
 * Text as iCalendar may carry it: line breaks become \n (ical.js escapes
 * those), and no other control character is written (a bare CR would end the
 * line for some readers; programme.yml is a file anyone can edit).
 */
function text(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** The event's DESCRIPTION: who speaks, then the talk's page. */
function describe(entry: ProgrammeEntry): string {
  const lines: string[] = [];
  if (entry.speakers.length > 0)
    lines.push(`${entry.speakers.length === 1 ? 'Speaker' : 'Speakers'}: ${entry.speakers.join(', ')}`);
  if (entry.url) lines.push(entry.url);
  return lines.join('\n');
}
