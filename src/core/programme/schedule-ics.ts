/**
 * iCalendar (RFC 5545) programmes, parsed with ical.js (loaded lazily). This
 * module only adds what ical.js leaves to its callers: where in the file a
 * problem is (ical.js gives no line numbers), time zones that are named but not
 * defined in the file, recurring events expanded within the conference, and the
 * mapping from events to programme entries.
 */
import { isValidTimeZone } from '../clock.js';
import { cleanTitle } from '../note/note-new.js';
import { timesProblem, type ImportedEntry, type ParsedSchedule } from './programme-model.js';
import { checkRecurrenceDates } from './ics-dates.js';
import { distinctUids, latestRevisions, trackTag } from './schedule-fields.js';
import { ScheduleError, cleanText, cleanUid, httpUrl, splitSpeakerLine } from './schedule-common.js';
import { checkStructure, type EventLines } from './schedule-ics-lines.js';
import { checkRecurrence, expandSeries, expansionWindow, MAX_FILE_STEPS } from './schedule-ics-recur.js';
import {
  dayOf,
  instantOf,
  ISO_DURATION,
  isRealTime,
  type Component,
  type Event,
  type LineOf,
  type Property,
  type Time,
  writtenDaysReal,
} from './schedule-ics-time.js';

export interface IcsOptions {
  /** Zone for floating times and unknown TZIDs (the conference's). */
  zone: string | null;
  /** Conference days (YYYY-MM-DD, inclusive) recurring events are expanded within. */
  firstDay?: string | null;
  lastDay?: string | null;
}

/** Parses an iCalendar programme. Throws ScheduleError (with a line) for anything malformed. */
export async function parseIcs(input: string, options: IcsOptions): Promise<ParsedSchedule> {
  const ical = (await import('ical.js')).default;
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const eventLines = checkStructure(ical, text);
  let root: unknown;
  try {
    root = ical.parse(text);
  } catch (error) {
    throw new ScheduleError(1, `not readable as iCalendar: ${(error as Error).message}`);
  }
  const calendars = (Array.isArray(root) && Array.isArray(root[0]) ? root : [root]).map(
    (jcal) => new ical.Component(jcal as never),
  );
  const warnings: string[] = [];
  let declared: string | null = null;
  const vevents: Component[] = [];
  for (const calendar of calendars) {
    const wr = calendar.getFirstPropertyValue('x-wr-timezone');
    if (!declared && typeof wr === 'string' && isValidTimeZone(wr)) declared = wr;
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      const tzid = zone.getFirstPropertyValue('tzid');
      if (!declared && typeof tzid === 'string' && isValidTimeZone(tzid)) declared = tzid;
    }
    vevents.push(...calendar.getAllSubcomponents('vevent'));
  }
  const zone = options.zone ?? declared;
  const lines = new Map<Component, EventLines>(
    vevents.map((component, index) => [component, eventLines[index] ?? { begin: 1, props: new Map() }]),
  );
  const lineOf = (component: Component, prop?: string) => {
    const found = lines.get(component);
    return (prop && found?.props.get(prop)) || found?.begin || 1;
  };

  // Masters and their exceptions (RECURRENCE-ID) share a UID.
  const masters: Component[] = [];
  const exceptions = new Map<string, Component[]>();
  vevents.forEach((component, index) => {
    const raw = component.getFirstPropertyValue('uid');
    let uid = cleanUid(typeof raw === 'string' ? raw : null);
    if (uid !== null && uid !== raw) component.updatePropertyWithValue('uid', uid);
    if (uid === null) {
      uid = `event-${index + 1}`;
      component.updatePropertyWithValue('uid', uid);
      warnings.push(
        `line ${lineOf(component)}: an event without a UID; called it ${uid} (re-imports cannot follow it if the file changes order)`,
      );
    }
    if (component.hasProperty('recurrence-id')) {
      exceptions.set(uid, [...(exceptions.get(uid) ?? []), component]);
      return;
    }
    masters.push(component);
  });
  // A UID again: a later SEQUENCE replaces the event; the same SEQUENCE is another talk (distinctUids below).
  const revisions = latestRevisions(masters, uidOf, sequenceOf);
  masters.splice(0, masters.length, ...revisions.kept);
  if (revisions.superseded > 0)
    warnings.push(`${revisions.superseded} older versions of events (a lower SEQUENCE) left out`);

  const window = expansionWindow(options, masters, zone);
  const entries: ImportedEntry[] = [];
  const budget = { steps: MAX_FILE_STEPS };
  for (const master of masters) {
    const uid = master.getFirstPropertyValue('uid') as string;
    const own = exceptions.get(uid) ?? [];
    for (const component of [master, ...own]) checkTimes(component, uid, lineOf);
    checkRecurrence(master, uid, lineOf);
    const event = new ical.Event(master, { exceptions: own, strictExceptions: true });
    exceptions.delete(uid);
    if (!event.isRecurring()) {
      entries.push(entryOf(event, event.startDate, event.endDate, uid, zone, lineOf));
      continue;
    }
    const expanded = window
      ? expandSeries(ical, event, window, zone, lineOf, budget)
      : {
          occurrences: [],
          warning: `line ${lineOf(master, 'rrule')}: recurring event ${uid} not expanded: the conference has no start and end dates`,
        };
    if (expanded.warning) warnings.push(expanded.warning);
    if (!window || (expanded.occurrences.length === 0 && expanded.warning))
      entries.push(entryOf(event, event.startDate, event.endDate, uid, zone, lineOf));
    for (const occurrence of expanded.occurrences)
      entries.push(
        entryOf(
          occurrence.item,
          occurrence.start,
          occurrence.end,
          `${uid}/${occurrence.recurrenceId}`,
          zone,
          lineOf,
          event,
        ),
      );
  }
  // Exceptions whose series is not in the file stand on their own.
  for (const [uid, orphans] of exceptions) {
    for (const component of orphans) {
      checkTimes(component, uid, lineOf);
      const event = new ical.Event(component);
      const rid = component.getFirstPropertyValue('recurrence-id') as Time;
      entries.push(entryOf(event, event.startDate, event.endDate, `${uid}/${rid.toString()}`, zone, lineOf));
    }
  }
  return { format: 'ics', entries: distinctUids(entries, warnings), timezone: declared, warnings };
}

const uidOf = (component: Component) => component.getFirstPropertyValue('uid') as string;
const sequenceOf = (component: Component) => {
  const value = Number(component.getFirstPropertyValue('sequence'));
  return Number.isInteger(value) ? value : 0;
};

function checkTimes(component: Component, uid: string, lineOf: LineOf): void {
  if (!component.hasProperty('dtstart'))
    throw new ScheduleError(lineOf(component), `event ${uid} has no DTSTART`);
  for (const name of ['dtstart', 'dtend', 'recurrence-id']) {
    const prop = component.getFirstProperty(name) as Property | null;
    if (!prop) continue;
    if (!writtenDaysReal(prop))
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${uid} names a day that is not in the calendar`,
      );
    let time: Time;
    try {
      time = prop.getFirstValue() as Time;
    } catch (error) {
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${uid}: ${(error as Error).message}`,
      );
    }
    if (!isRealTime(time))
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${uid} is not a real date or date-time (between the years 1900 and 2199)`,
      );
  }
  checkRecurrenceDates(component, uid, (name) => lineOf(component, name));
  const duration = component.getFirstProperty('duration') as Property | null;
  if (duration) {
    const raw = (duration.toJSON() as unknown[])[3];
    if (typeof raw !== 'string' || !ISO_DURATION.test(raw.trim())) {
      throw new ScheduleError(
        lineOf(component, 'duration'),
        `DURATION of event ${uid} is not a duration (e.g. PT45M)`,
      );
    }
  }
}

function entryOf(
  event: Event,
  startTime: Time,
  endTime: Time,
  uid: string,
  zone: string | null,
  lineOf: LineOf,
  series?: Event,
): ImportedEntry {
  const component = event.component;
  const owner = series?.component ?? component;
  const title = cleanTitle(String(component.getFirstPropertyValue('summary') ?? '')) || '(untitled)';
  const description = component.getFirstPropertyValue('description');
  const { speakers: fromText, rest } = splitSpeakerLine(typeof description === 'string' ? description : '');
  const attendees = component
    .getAllProperties('attendee')
    .map((prop) => prop.getParameter('cn'))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const organizer = component.getFirstProperty('organizer')?.getParameter('cn');
  const speakers = attendees.length
    ? attendees
    : fromText.length
      ? fromText
      : typeof organizer === 'string' && organizer.trim()
        ? [organizer]
        : [];
  const categories = component
    .getAllProperties('categories')
    .flatMap((prop) => prop.getValues().map(String))
    .map(cleanTitle)
    .filter(Boolean);
  const location = component.getFirstPropertyValue('location');
  const status = component.getFirstPropertyValue('status');
  const url = component.getFirstPropertyValue('url');
  const base = {
    uid,
    title,
    room: typeof location === 'string' && cleanTitle(location) ? cleanTitle(location) : null,
    track: categories[0] ?? null,
    tags: [...new Set(categories.map(trackTag).filter(Boolean))],
    speakers: [...new Set(speakers.map(cleanTitle).filter(Boolean))],
    url: httpUrl(typeof url === 'string' ? url : null),
    abstract: cleanText(rest),
    cancelled: typeof status === 'string' && status.toUpperCase() === 'CANCELLED',
  };
  let entry: ImportedEntry;
  if (startTime.isDate) {
    const endDay = endTime && endTime.compare(startTime) > 0 ? endTime.clone() : null;
    if (endDay) endDay.adjust(-1, 0, 0, 0);
    entry = {
      ...base,
      startAt: null,
      endAt: null,
      firstDay: dayOf(startTime),
      lastDay: endDay ? dayOf(endDay) : dayOf(startTime),
    };
  } else {
    const startAt = instantOf(startTime, owner, zone);
    const endAt = endTime ? instantOf(endTime, owner, zone) : startAt;
    if (endAt.getTime() < startAt.getTime())
      throw new ScheduleError(lineOf(component, 'dtend'), `event ${uid} ends before it starts`);
    entry = { ...base, startAt, endAt };
  }
  const problem = timesProblem(entry);
  if (problem) {
    const field = problem.includes('starts')
      ? 'dtstart'
      : (['dtend', 'duration'].find((name) => component.hasProperty(name)) ?? 'dtstart');
    throw new ScheduleError(lineOf(component, field), `event ${uid}: ${problem}`);
  }
  return entry;
}
