/**
 * The line structure of an iCalendar file, which ical.js does not report:
 * content lines unfolded, BEGIN/END checked, and where each event's
 * properties are, so that every problem names its line.
 */
import type { ICAL } from './schedule-ics-time.js';
import { ScheduleError } from './schedule-common.js';

/** Where each event's properties are in the file, in the order the events appear. */
export interface EventLines {
  begin: number;
  props: Map<string, number>;
}

/** Unfolds the content lines and checks the BEGIN/END structure; each bad line throws with its number. */
export function checkStructure(ical: ICAL, text: string): EventLines[] {
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

export function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
