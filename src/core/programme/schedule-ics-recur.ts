/**
 * Recurring events, expanded within the conference only, with every cap in
 * place before ical.js expands anything: a malformed or unsupported value is
 * refused with its line; a rule that would step through more than MAX_STEPS
 * candidate times is not expanded; and ical.js's own stepping is counted, since
 * its iterator loops without end on a rule that can never match
 * (BYMONTH=2;BYMONTHDAY=30) or on a vast INTERVAL.
 */
import { iteratorMissesStart } from './ics-dates.js';
import { instantOfWallTime } from './programme-model.js';
import { ScheduleError } from './schedule-common.js';
import {
  dayOf,
  instantOf,
  isRealTime,
  type Component,
  type Event,
  type ICAL,
  type LineOf,
  type Property,
  type Time,
  writtenDaysReal,
} from './schedule-ics-time.js';

/** Occurrences kept per series. */
const MAX_OCCURRENCES = 1000;
/** Candidate times ical.js may step through per series (up to ~0.4 s: a daily step costs ~40 µs). */
const MAX_STEPS = 10_000;
/** And per file, so that many such series still end within a second or two. */
export const MAX_FILE_STEPS = 30_000;
/** The shortest length of one unit of each FREQ, in seconds. */
const UNIT_SECONDS: Record<string, number> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 7 * 86_400,
  MONTHLY: 28 * 86_400,
  YEARLY: 365 * 86_400,
};

export interface Window {
  start: number;
  end: number;
  firstDay: string;
  lastDay: string;
}

/** One occurrence: its times and the event (the series, or the exception that replaces it) it comes from. */
export interface Occurrence {
  start: Time;
  end: Time;
  item: Event;
  recurrenceId: string;
}

/** Refuses RRULE, RDATE and EXDATE values that ical.js would choke on, or that name no real day. */
export function checkRecurrence(component: Component, uid: string, lineOf: LineOf): void {
  const values = (name: string): unknown[] => {
    try {
      return component.getAllProperties(name).flatMap((prop: Property) => prop.getValues());
    } catch (error) {
      throw new ScheduleError(
        lineOf(component, name),
        `${name.toUpperCase()} of event ${uid}: ${(error as Error).message}`,
      );
    }
  };
  const fail = (name: string, reason: string): never => {
    throw new ScheduleError(lineOf(component, name), `${name.toUpperCase()} of event ${uid} ${reason}`);
  };
  for (const name of ['rrule', 'rdate', 'exdate'])
    for (const prop of component.getAllProperties(name))
      if (!writtenDaysReal(prop)) fail(name, 'names a day that is not in the calendar');
  for (const rule of values('rrule') as InstanceType<ICAL['Recur']>[]) {
    if (!rule || typeof rule !== 'object' || !(rule.freq in UNIT_SECONDS)) fail('rrule', 'has no FREQ');
    if (!Number.isSafeInteger(rule.interval) || rule.interval < 1)
      fail('rrule', 'has an INTERVAL that is not a whole number from 1');
    if (rule.until && !isRealTime(rule.until)) fail('rrule', 'has an UNTIL that is not a real date');
    if (
      rule.count !== null &&
      rule.count !== undefined &&
      !(Number.isSafeInteger(rule.count) && rule.count > 0)
    )
      fail('rrule', 'has a COUNT that is not a whole number from 1');
  }
  for (const name of ['rdate', 'exdate']) {
    for (const value of values(name)) {
      if (value && typeof value === 'object' && 'start' in value)
        fail(name, 'is a period (VALUE=PERIOD), which confnotes does not expand; list the start times');
      if (!isRealTime(value)) fail(name, 'is not a real date or date-time');
    }
  }
}

/** Recurring events are expanded within the conference's days, else within the days the one-off events cover. */
export function expansionWindow(
  days: { firstDay?: string | null; lastDay?: string | null },
  masters: Component[],
  zone: string | null,
): Window | null {
  let first = days.firstDay ?? null;
  let last = days.lastDay ?? null;
  if (!first || !last) {
    const starts = masters
      .filter((component) => !component.hasProperty('rrule'))
      .map((component) => component.getFirstPropertyValue('dtstart') as Time | null)
      .filter(isRealTime)
      .map(dayOf)
      .sort();
    if (starts.length === 0) return null;
    first = starts[0]!;
    last = starts[starts.length - 1]!;
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

/**
 * The occurrences of a series within the window, or a reason it was not
 * expanded (then the caller keeps its first occurrence only).
 */
export function expandSeries(
  ical: ICAL,
  event: Event,
  window: Window,
  zone: string | null,
  lineOf: LineOf,
  budget: { steps: number },
): { occurrences: Occurrence[]; warning?: string } {
  const master = event.component;
  const line = lineOf(master, master.hasProperty('rrule') ? 'rrule' : 'rdate');
  const dtstart = instantOf(event.startDate, master, zone).getTime();
  const span = Math.max(window.end - dtstart, 0) / 1000;
  for (const prop of master.getAllProperties('rrule')) {
    const rule = prop.getFirstValue() as InstanceType<ICAL['Recur']>;
    const unit = UNIT_SECONDS[rule.freq]!;
    // A step far longer than the whole span reaches nothing more in the window than a step just longer
    // does (two units more, for the period a BY rule starts from), and ical.js counts such a step day by day.
    const longest = Math.floor(span / unit) + 2;
    if (rule.interval > longest) {
      rule.interval = longest;
      prop.setValue(rule);
    }
    if (span / (unit * rule.interval) > MAX_STEPS)
      return {
        occurrences: [],
        warning: `line ${line}: recurring event ${event.uid} (FREQ=${rule.freq}) repeats more than ${MAX_STEPS} times before the conference ends; not expanded`,
      };
  }
  const occurrences: Occurrence[] = [];
  let warning: string | undefined;
  try {
    withStepBudget(ical, Math.min(MAX_STEPS, budget.steps), budget, () => {
      const iterator = event.iterator();
      let first = iteratorMissesStart(master, event.startDate) ? event.startDate.clone() : null;
      for (let count = 0; ; count++) {
        const next = first ?? iterator.next();
        first = null;
        if (!next) return;
        if (count === MAX_OCCURRENCES) {
          warning = `line ${line}: recurring event ${event.uid}: kept the first ${MAX_OCCURRENCES} occurrences`;
          return;
        }
        const details = event.getOccurrenceDetails(next);
        if (!isRealTime(details.startDate) || !isRealTime(details.endDate))
          throw new ScheduleError(
            line,
            `recurring event ${event.uid} has an occurrence outside the years 1900–2199`,
          );
        const start = instantOf(details.startDate, master, zone).getTime();
        if (start >= window.end) return;
        const day = dayOf(details.startDate);
        const inWindow = details.startDate.isDate
          ? day >= window.firstDay && day <= window.lastDay
          : instantOf(details.endDate, master, zone).getTime() > window.start;
        if (!inWindow) continue;
        occurrences.push({
          start: details.startDate,
          end: details.endDate,
          item: details.item as Event,
          recurrenceId: details.recurrenceId.toString(),
        });
      }
    });
  } catch (error) {
    if (error instanceof ScheduleError) throw error;
    if (error instanceof StepBudgetExceeded)
      return {
        occurrences,
        warning: `line ${line}: recurring event ${event.uid} only partly expanded (kept ${occurrences.length}): its rule rarely or never matches, or the file has too many such rules`,
      };
    throw new ScheduleError(
      line,
      `recurring event ${event.uid} cannot be expanded: ${(error as Error).message}`,
    );
  }
  return { occurrences, warning };
}

class StepBudgetExceeded extends Error {}

/**
 * Runs `work` with ical.js's recurrence stepping counted: every candidate time
 * its iterator tries passes through check_contracting_rules, which throws once
 * `budget` is spent. Put back afterwards (all of this is synchronous).
 */
function withStepBudget(ical: ICAL, limit: number, file: { steps: number }, work: () => void): void {
  const prototype = ical.RecurIterator.prototype;
  const original = prototype.check_contracting_rules;
  let steps = 0;
  prototype.check_contracting_rules = function (this: InstanceType<ICAL['RecurIterator']>) {
    if (++steps > limit) throw new StepBudgetExceeded();
    return original.call(this);
  };
  try {
    work();
  } finally {
    prototype.check_contracting_rules = original;
    file.steps -= Math.min(steps, limit);
  }
}
