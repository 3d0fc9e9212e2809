// The programme the build's warm-ups import (scripts/quick-code-cache.mjs, scripts/lane-packs.mjs), so
// that `agenda` and `new --from` run their whole path while the code caches are made.

/** Three talks on 2026-04-14 in UTC, the first on at the fixed now (09:30). */
export function warmUpIcs() {
  const event = (n, start, end) =>
    [
      'BEGIN:VEVENT',
      `UID:warm-up-${n}@example.org`,
      'DTSTAMP:20260301T000000Z',
      `DTSTART:20260414T${start}00Z`,
      `DTEND:20260414T${end}00Z`,
      `SUMMARY:Warm-up talk ${n}`,
      'LOCATION:Main Hall',
      `DESCRIPTION:Speakers: Ada Byron\\n\\nA talk.`,
      'END:VEVENT',
    ].join('\r\n');
  const events = [event(1, '0900', '1000'), event(2, '1000', '1045'), event(3, '1100', '1145')];
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//confnotes warm-up//EN\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
}
