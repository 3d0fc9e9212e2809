// The room commands of the benchmark (issue 16, "Instant"): `new`, `new --from
// now`, `new --from <uid>` and a day of `agenda`, on a generated 300-talk
// programme, each against `node -e 0` with a target of 1.5×. scripts/bench.mjs
// calls roomCases() from its list of cases; the programme is imported through
// the CLI under test, so the same bytes land in programme.yml for either build.
//
//   node scripts/bench-room.mjs <folder>    # writes the programme's schedule.ics there (to look at)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOM_TARGET = { 0: 1.5 }; // ×`node -e 0`, at every size (a targets map, as bench.mjs reads them)
export const ROOM_CONFERENCE = 'room-bench-2026';
export const ROOM_TALKS = 300;
/** The programme's days; bench.mjs's fixed now (2026-04-14T09:30:00Z) falls in the keynote of the second. */
const DAYS = ['2026-04-13', '2026-04-14', '2026-04-15'];
const ROOMS = ['Main Hall', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1'];
const WORDS = [
  'scaling',
  'storage',
  'kernels',
  'queues',
  'tracing',
  'caches',
  'schedulers',
  'shells',
  'builds',
];
const PEOPLE = [
  'Ada Byron',
  'Grace Hopper',
  'Ken Thompson',
  'Barbara Liskov',
  'Radia Perlman',
  'Dennis Ritchie',
];

const pad = (n) => String(n).padStart(2, '0');
/** The uid of the n-th talk (from 1). */
const uidOf = (n) => `room-bench-${String(n).padStart(4, '0')}@bench.example.org`;
const icsTime = (day, minutes) =>
  `${day.replace(/-/g, '')}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00Z`;

/**
 * A deterministic iCalendar programme of ROOM_TALKS talks over three days:
 * each day opens with one keynote (09:00–10:00, so exactly one talk is on at
 * 09:30), then ten rooms of 45-minute talks every hour.
 */
export function roomProgrammeIcs() {
  const events = [];
  let n = 0;
  const add = (day, start, length, room, title) => {
    n += 1;
    const who = [PEOPLE[n % PEOPLE.length], ...(n % 3 === 0 ? [PEOPLE[(n + 2) % PEOPLE.length]] : [])];
    events.push(
      [
        'BEGIN:VEVENT',
        `UID:${uidOf(n)}`,
        `DTSTAMP:20260301T000000Z`,
        `DTSTART:${icsTime(day, start)}`,
        `DTEND:${icsTime(day, start + length)}`,
        `SUMMARY:${title}`,
        `LOCATION:${room}`,
        `CATEGORIES:${WORDS[n % WORDS.length]}`,
        `DESCRIPTION:Speakers: ${who.join(', ')}\\n\\nA talk about ${WORDS[n % WORDS.length]} and ${WORDS[(n * 7) % WORDS.length]}, with numbers from production.`,
        `URL:https://bench.example.org/talk/${n}`,
        'END:VEVENT',
      ].join('\r\n'),
    );
  };
  for (const day of DAYS) {
    add(day, 9 * 60, 60, ROOMS[0], `Keynote of ${day}`);
    for (let hour = 10; events.length < (DAYS.indexOf(day) + 1) * (ROOM_TALKS / DAYS.length); hour++)
      for (const room of ROOMS) {
        if (events.length >= (DAYS.indexOf(day) + 1) * (ROOM_TALKS / DAYS.length)) break;
        add(day, hour * 60, 45, room, `On ${WORDS[n % WORDS.length]} at ${hour}:00 (${room})`);
      }
  }
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//confnotes bench//EN\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
}

/** Creates the room conference in `root` through the CLI under test and imports the programme. */
export function setUpRoom(root, { bin, env }) {
  const cli = (...args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`bench-room: confnotes ${args.join(' ')}: ${result.stderr.trim()}`);
  };
  const folder = path.join(root, ROOM_CONFERENCE);
  if (!fs.existsSync(folder))
    cli(
      'conf',
      'new',
      'Room Bench 2026',
      '--slug',
      ROOM_CONFERENCE,
      '--start',
      DAYS[0],
      '--end',
      DAYS.at(-1),
      '--timezone',
      'UTC',
    );
  const ics = path.join(root, '..', `${ROOM_CONFERENCE}.ics`);
  fs.writeFileSync(ics, roomProgrammeIcs());
  cli('import', ics, '--conf', ROOM_CONFERENCE);
  fs.rmSync(ics);
}

/** Removes the notes the previous round wrote in the room conference, so each round writes a new one. */
function clearRoomNotes(root) {
  const folder = path.join(root, ROOM_CONFERENCE);
  for (const name of fs.readdirSync(folder))
    if (name.endsWith('.md') && name !== 'conference.md') fs.rmSync(path.join(folder, name));
}

/**
 * The room cases for bench.mjs: `node` builds the argv of the CLI under test.
 * They change the workspace (agenda only reads), so they run in rounds of their own.
 */
export function roomCases({ node, root }) {
  const floor = 'node -e 0';
  return [
    {
      name: `agenda --day ${DAYS[1]} (${ROOM_TALKS}-talk programme)`,
      argv: node('agenda', '--conf', ROOM_CONFERENCE, '--day', DAYS[1]),
      floor,
      target: ROOM_TARGET,
      checkOutput: (stdout) => stdout.includes(`Keynote of ${DAYS[1]}`) || "the day's keynote is missing",
    },
    {
      name: `new (non-interactive, ${ROOM_CONFERENCE})`,
      mutates: true,
      before: () => clearRoomNotes(root),
      argv: (round) =>
        node('new', `Room talk ${round}`, '--conf', ROOM_CONFERENCE, '--at', `${DAYS[1]} 11:00`),
      floor,
      target: ROOM_TARGET,
    },
    {
      name: `new --from now (${ROOM_TALKS}-talk programme)`,
      mutates: true,
      before: () => clearRoomNotes(root),
      argv: node('new', '--from', 'now', '--conf', ROOM_CONFERENCE),
      floor,
      target: ROOM_TARGET,
      checkOutput: (stdout) => stdout.includes(ROOM_CONFERENCE) || 'no note path printed',
    },
    {
      name: `new --from <uid> (${ROOM_TALKS}-talk programme)`,
      mutates: true,
      before: () => clearRoomNotes(root),
      argv: (round) => node('new', '--from', uidOf(150 + (round % 100)), '--conf', ROOM_CONFERENCE),
      floor,
      target: ROOM_TARGET,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: node scripts/bench-room.mjs <folder>\n');
    process.exit(2);
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'schedule.ics'), roomProgrammeIcs());
}
