/**
 * iCalendar (RFC 5545) programmes, parsed with ical.js (loaded lazily). This
 * module only adds what ical.js leaves to its callers: where in the file a
 * problem is (ical.js gives no line numbers), time zones that are named but not
 * defined in the file, recurring events expanded within the conference, and the
 * mapping from events to programme entries.
 */
import type ICALModule from 'ical.js';
import { cleanTitle } from '../note/note-new.js';
import { instantOfWallTime, type ImportedEntry, type ParsedSchedule } from './programme.js';
import { isValidTimeZone } from '../clock.js';
import { distinctUids, latestRevisions, trackTag } from './schedule-fields.js';
import { checkRecurrenceDates, iteratorMissesStart } from './ics-dates.js';
import { ScheduleError, cleanText, cleanUid, httpUrl, splitSpeakerLine } from './schedule-common.js';

type ICAL = typeof ICALModule;
type Component = InstanceType<ICAL['Component']>;
type Property = InstanceType<ICAL['Property']>;
type Time = InstanceType<ICAL['Time']>;
type Event = InstanceType<ICAL['Event']>;

export interface IcsOptions {
  /** Zone for floating times and unknown TZIDs (the conference's). */
  zone: string | null;
  /** Conference days (YYYY-MM-DD, inclusive) recurring events are expanded within. */
  firstDay?: string | null;
  lastDay?: string | null;
}

/** Where each event's properties are in the file, in the order the events appear. */
interface EventLines {
  begin: number;
  props: Map<string, number>;
}

/** Unfolds the content lines and checks the BEGIN/END structure; each bad line throws with its number. */
function checkStructure(ical: ICAL, text: string): EventLines[] {
  const physical = text.split('\n');
  const logical: { text: string; line: number }[] = [];
  physical.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if ((line.startsWith(' ') || line.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1]!.text += line.slice(1);
    else logical.push({ text: line, line: index + 1 });
  });
  const stack: { name: string; line: number }[] = [];
  const events: EventLines[] = [];
  let lastLine = 1;
  let sawCalendar = false;
  for (const { text: content, line } of logical) {
    if (content.trim() === '') continue;
    lastLine = line;
    const cut = [content.indexOf(':'), content.indexOf(';')].filter((at) => at > 0);
    const name = (cut.length ? content.slice(0, Math.min(...cut)) : content).toUpperCase();
    const value = content
      .slice(content.indexOf(':') + 1)
      .trim()
      .toUpperCase();
    if (stack.length === 0 && !(name === 'BEGIN' && value === 'VCALENDAR')) {
      throw new ScheduleError(
        line,
        sawCalendar
          ? `"${preview(content)}" after END:VCALENDAR`
          : 'not an iCalendar file (it should start with BEGIN:VCALENDAR)',
      );
    }
    if (name === 'BEGIN') {
      stack.push({ name: value, line });
      if (value === 'VCALENDAR') sawCalendar = true;
      if (value === 'VEVENT') events.push({ begin: line, props: new Map() });
      continue;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value)
        throw new ScheduleError(
          line,
          `END:${value} does not close BEGIN:${open?.name ?? '?'} (line ${open?.line ?? '?'})`,
        );
      continue;
    }
    try {
      ical.parse.property(content);
    } catch (error) {
      throw new ScheduleError(line, `malformed line "${preview(content)}": ${(error as Error).message}`);
    }
    if (stack[stack.length - 1]?.name === 'VEVENT') {
      const props = events[events.length - 1]!.props;
      if (!props.has(name.toLowerCase())) props.set(name.toLowerCase(), line);
    }
  }
  if (!sawCalendar) throw new ScheduleError(1, 'not an iCalendar file (no BEGIN:VCALENDAR)');
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    throw new ScheduleError(
      lastLine,
      `the file ends inside BEGIN:${open.name} of line ${open.line} (truncated?)`,
    );
  }
  return events;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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
  for (const master of masters) {
    const uid = master.getFirstPropertyValue('uid') as string;
    const event = new ical.Event(master, { exceptions: exceptions.get(uid) ?? [], strictExceptions: true });
    exceptions.delete(uid);
    checkTimes(master, event, lineOf);
    if (!event.isRecurring()) {
      entries.push(entryOf(event, event.startDate, event.endDate, uid, zone, lineOf));
      continue;
    }
    if (!window) {
      warnings.push(
        `line ${lineOf(master, 'rrule')}: recurring event ${uid} not expanded: the conference has no start and end dates`,
      );
      entries.push(entryOf(event, event.startDate, event.endDate, uid, zone, lineOf));
      continue;
    }
    const iterator = event.iterator();
    let first = iteratorMissesStart(master, event.startDate) ? event.startDate.clone() : null;
    for (let count = 0; count < 1000; count++) {
      const next = first ?? iterator.next();
      first = null;
      if (!next) break;
      const details = event.getOccurrenceDetails(next);
      const start = instantOf(details.startDate, master, zone);
      if (start.getTime() >= window.end) break;
      const end = instantOf(details.endDate, master, zone);
      if (end.getTime() <= window.start && !details.startDate.isDate) continue;
      if (
        details.startDate.isDate &&
        (dayOf(details.startDate) < window.firstDay || dayOf(details.startDate) > window.lastDay)
      )
        continue;
      const occurrence = details.item as Event;
      entries.push(
        entryOf(
          occurrence,
          details.startDate,
          details.endDate,
          `${uid}/${details.recurrenceId.toString()}`,
          zone,
          lineOf,
          event,
        ),
      );
    }
  }
  // Exceptions whose series is not in the file stand on their own.
  for (const [uid, orphans] of exceptions) {
    for (const component of orphans) {
      const event = new ical.Event(component);
      checkTimes(component, event, lineOf);
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

function checkTimes(
  component: Component,
  event: Event,
  lineOf: (component: Component, prop?: string) => number,
): void {
  if (!component.hasProperty('dtstart'))
    throw new ScheduleError(lineOf(component), `event ${event.uid} has no DTSTART`);
  for (const name of ['dtstart', 'dtend', 'recurrence-id']) {
    const prop = component.getFirstProperty(name) as Property | null;
    if (!prop) continue;
    let time: Time;
    try {
      time = prop.getFirstValue() as Time;
    } catch (error) {
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${event.uid}: ${(error as Error).message}`,
      );
    }
    if (!isRealTime(time))
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${event.uid} is not a date or date-time`,
      );
  }
  checkRecurrenceDates(component, event.uid, (name) => lineOf(component, name));
  const duration = component.getFirstProperty('duration') as Property | null;
  if (duration) {
    const raw = (duration.toJSON() as unknown[])[3];
    if (typeof raw !== 'string' || !ISO_DURATION.test(raw.trim())) {
      throw new ScheduleError(
        lineOf(component, 'duration'),
        `DURATION of event ${event.uid} is not a duration (e.g. PT45M)`,
      );
    }
  }
}

const ISO_DURATION = /^\+?P(\d+W|(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?)$/i;

function isRealTime(time: Time): boolean {
  if (
    !time ||
    typeof time !== 'object' ||
    !Number.isInteger(time.year) ||
    !Number.isInteger(time.month) ||
    !Number.isInteger(time.day)
  )
    return false;
  if (time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31) return false;
  if (time.isDate) return true;
  return (
    [time.hour, time.minute, time.second].every(Number.isInteger) &&
    time.hour < 24 &&
    time.minute < 60 &&
    time.second <= 60
  );
}

function dayOf(time: Time): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** The instant of a date-time: UTC and VTIMEZONE zones by ical.js, named IANA zones and floating times by Intl. */
function instantOf(time: Time, owner: Component, fallbackZone: string | null): Date {
  const zone = time.zone as { tzid?: string; component?: unknown } | undefined;
  if (zone?.tzid === 'UTC' || zone?.component) return new Date(time.toUnixTime() * 1000);
  const tzid = (owner.getFirstProperty('dtstart') as Property | null)?.getParameter('tzid');
  const name = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : (fallbackZone ?? 'UTC');
  return instantOfWallTime(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    name,
  );
}

interface Window {
  start: number;
  end: number;
  firstDay: string;
  lastDay: string;
}

/** Recurring events are expanded within the conference's days, else within the days the one-off events cover. */
function expansionWindow(options: IcsOptions, masters: Component[], zone: string | null): Window | null {
  let first = options.firstDay ?? null;
  let last = options.lastDay ?? null;
  if (!first || !last) {
    const days = masters
      .filter((component) => !component.hasProperty('rrule'))
      .map((component) => component.getFirstPropertyValue('dtstart') as Time | null)
      .filter((time): time is Time => time !== null && isRealTime(time))
      .map(dayOf)
      .sort();
    if (days.length === 0) return null;
    first = days[0]!;
    last = days[days.length - 1]!;
  }
  const at = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return instantOfWallTime(
      { year: year!, month: month!, day: date!, hour: 0, minute: 0, second: 0 },
      zone ?? 'UTC',
    ).getTime();
  };
  const after = new Date(
    Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1, Number(last.slice(8, 10)) + 1),
  )
    .toISOString()
    .slice(0, 10);
  return { start: at(first), end: at(after), firstDay: first, lastDay: last };
}

function entryOf(
  event: Event,
  startTime: Time,
  endTime: Time,
  uid: string,
  zone: string | null,
  lineOf: (component: Component, prop?: string) => number,
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
  if (startTime.isDate) {
    const endDay = endTime && endTime.compare(startTime) > 0 ? endTime.clone() : null;
    if (endDay) endDay.adjust(-1, 0, 0, 0);
    return {
      ...base,
      startAt: null,
      endAt: null,
      firstDay: dayOf(startTime),
      lastDay: endDay ? dayOf(endDay) : dayOf(startTime),
    };
  }
  const startAt = instantOf(startTime, owner, zone);
  const endAt = endTime ? instantOf(endTime, owner, zone) : startAt;
  if (endAt.getTime() < startAt.getTime()) {
    throw new ScheduleError(lineOf(component, 'dtend'), `event ${uid} ends before it starts`);
  }
  if (!Number.isFinite(startAt.getTime()) || !Number.isFinite(endAt.getTime()))
    throw new ScheduleError(lineOf(component, 'dtstart'), `event ${uid} has no readable time`);
  return { ...base, startAt, endAt };
}
