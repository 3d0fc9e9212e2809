/**
 * The hostile-input corpus, generated (never checked in): one workspace whose
 * conference folder holds every kind of file a note reader can meet in the
 * wild, each with whether confnotes should read it as a note and a pattern the
 * message about it must match.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { initWorkspace } from '../../src/core/workspace/workspace.js';
import { defaultConference, tempDir } from './workspace.js';

export interface HostileFile {
  name: string;
  /** Workspace-relative path of the file. */
  path: string;
  /** True when it is a valid note after all (BOM, CRLF…) and must be read like any other. */
  readable: boolean;
  /** What the message naming the file says (for the unreadable ones). */
  message?: RegExp;
  /**
   * `jot` (a quick command: it never loads a YAML parser) only needs a closed
   * front-matter block in a UTF-8 text file; it adds to notes whose YAML is
   * broken, since appending a line cannot make them worse.
   */
  jotAccepts?: boolean;
}

export interface HostileCorpus {
  /** The folder holding the workspace and, beside it, the "outside" folder. */
  top: string;
  root: string;
  /** A folder outside the workspace that symbolic links point into. */
  outside: string;
  files: HostileFile[];
  /** Files that would appear if a note's code were ever evaluated. */
  canaries: string[];
  /** True when chmod 000 really stops the CLI reading a file (as root: because it runs as nobody). */
  permissionsEnforced: boolean;
  /** The command prefix that runs the CLI (setpriv as nobody, when the tests run as root), or []. */
  runAs: string[];
}

const front = (lines: string[], eol = '\n') =>
  `---${eol}${lines.join(eol)}${eol}---${eol}## Notes${eol}- 10:01 hi${eol}`;
const fields = (title: string) => [
  `title: ${title}`,
  'type: session',
  'conference: conf',
  'date: 2013-04-16',
  'start: "10:00"',
  'end: "10:40"',
];

export function buildHostileCorpus(): HostileCorpus {
  const top = tempDir('confnotes-hostile-');
  const root = path.join(top, 'ws');
  const outside = path.join(top, 'outside');
  initWorkspace(root);
  fs.mkdirSync(outside);
  const conf = path.join(root, 'conf');
  fs.mkdirSync(conf);
  fs.writeFileSync(path.join(conf, 'conference.md'), defaultConference);
  const files: HostileFile[] = [];
  const canaries: string[] = [];
  const add = (
    name: string,
    content: string | Buffer,
    readable: boolean,
    message?: RegExp,
    jotAccepts = readable,
  ) => {
    fs.writeFileSync(path.join(conf, name), content);
    files.push({ name, path: `conf/${name}`, readable, message, jotAccepts });
  };

  add('plain.md', front(fields('A plain note')), true);
  add('broken-yaml.md', '---\ntitle: [unclosed\ndate: 2013-04-16\n---\n', false, /broken YAML/, true);
  add('truncated-yaml.md', '---\ntitle: "Cut off in the midd', false, /never closes/);
  add('duplicate-keys.md', front([...fields('Twice'), 'title: again']), false, /broken YAML/, true);
  add('never-closes.md', `---\n${fields('Open').join('\n')}\n## Notes\n- 10:01 hi\n`, false, /never closes/);
  add('not-a-map.md', '---\n- a\n- b\n---\n', false, /not a set of "key: value" fields/, true);
  const laughs = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `lol${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  add('billion-laughs.md', front([...fields('Laughs'), ...laughs]), false, /alias|broken YAML/i, true);
  add(
    'deep-flow.md',
    `---\ntitle: Deep\ndate: 2013-04-16\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`,
    false,
    /nested too deeply/,
    true,
  );
  add(
    'deep-block.md',
    `---\ntitle: Deep\ndate: 2013-04-16\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`,
    false,
    /nested too deeply/,
    true,
  );
  // 50 MB: a valid front matter and a huge body, to prove nothing reads it whole.
  const big = Buffer.alloc(50 * 1024 * 1024, 'all work and no play makes a very long note\n');
  add('fifty-megabytes.md', Buffer.concat([Buffer.from(front(fields('Huge'))), big]), false, /too large/);
  add(
    'binary.md',
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff,
      0xfe,
    ]),
    false,
    /binary/,
  );
  add('empty.md', '', false, /empty file|no front matter/);
  add('whitespace-only.md', '  \n\t\n', false, /empty file|no front matter/);
  add('bom.md', `\uFEFF${front(fields('With a byte-order mark'))}`, true);
  add('crlf.md', front(fields('Windows line ends'), '\r\n'), true);
  add(
    'mixed-eol.md',
    `---\r\n${fields('Mixed line ends').join('\n')}\r\n---\n## Notes\r\n- 10:01 hi\n`,
    true,
  );
  add(
    'latin1.md',
    Buffer.concat([
      Buffer.from(`---\n${fields('Caf').join('\n')}\nsummary: caf`),
      Buffer.from([0xe9]),
      Buffer.from('\n---\n'),
    ]),
    false,
    /not UTF-8/,
  );
  add('nul-bytes.md', `${front(fields('Nul'))}text\0more\n`, false, /binary/);
  const canaryJs = path.join(top, 'pwned-by-js');
  const canaryCoffee = path.join(top, 'pwned-by-coffee');
  canaries.push(canaryJs, canaryCoffee);
  add(
    'front-matter-js.md',
    `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(canaryJs)}, 'x') || 'js', date: '2013-04-16' }\n---\nbody\n`,
    false,
    /"js" is not read/,
  );
  add(
    'front-matter-coffee.md',
    `---coffee\ntitle: require('fs').writeFileSync(${JSON.stringify(canaryCoffee)}, 'x')\n---\nbody\n`,
    false,
    /"coffee" is not read/,
  );
  add(
    'rtl-and-zero-width.md',
    front(fields('"\u202Egnp.exe \u200Bzero\u200Dwidth \u05E9\u05DC\u05D5\u05DD"')),
    true,
  );
  add(
    'shell-metacharacters.md',
    front(fields(`'$(touch ${path.join(top, 'pwned-by-shell')}); \`id\` | rm -rf ~ && echo > /dev/null'`)),
    true,
  );
  canaries.push(path.join(top, 'pwned-by-shell'));
  add('control-chars-\x1b[31m.md', front(fields('Escape in the name')), true);

  // Links: out of the workspace, in a loop, to nothing, to a FIFO (reading it would hang).
  fs.writeFileSync(path.join(outside, 'secret.md'), front(fields('Not yours')));
  const link = (name: string, target: string, message: RegExp) => {
    fs.symlinkSync(target, path.join(conf, name));
    files.push({ name, path: `conf/${name}`, readable: false, message });
  };
  link('outside-link.md', path.join(outside, 'secret.md'), /outside the workspace/);
  link('loop-a.md', path.join(conf, 'loop-b.md'), /loop/);
  link('loop-b.md', path.join(conf, 'loop-a.md'), /loop/);
  link('dangling.md', path.join(conf, 'nothing-here.md'), /to nothing/);
  if (spawnSync('mkfifo', [path.join(conf, 'fifo.md')]).status === 0) {
    // Not a regular file: listings skip it; a command aimed at it finds no note there (and never opens it).
    files.push({
      name: 'fifo.md',
      path: 'conf/fifo.md',
      readable: false,
      message: /fifo\.md: no such note file$/m,
    });
    link('link-to-fifo.md', path.join(conf, 'fifo.md'), /not a file/);
  }

  // A note nobody may read: chmod 000. Root reads it anyway, so as root (as in CI) the
  // commands run as `nobody` (see asUser), who owns the corpus but may not read this file.
  const locked = path.join(conf, 'unreadable.md');
  fs.writeFileSync(locked, front(fields('Locked')));
  fs.chmodSync(locked, 0o000);
  files.push({
    name: 'unreadable.md',
    path: 'conf/unreadable.md',
    readable: false,
    message: /permission denied/,
  });

  // A second conference whose conference.md is itself broken.
  fs.mkdirSync(path.join(root, 'broken-conf'));
  fs.writeFileSync(path.join(root, 'broken-conf', 'conference.md'), '---\nname: [Broken\n---\n');
  const runAs = asUser();
  if (runAs) chownTree(top, runAs.uid, runAs.gid);
  const permissionsEnforced = runAs
    ? spawnSync(runAs.prefix[0]!, [...runAs.prefix.slice(1), 'cat', locked]).status !== 0
    : readFails(locked);
  return { top, root, outside, files, canaries, permissionsEnforced, runAs: runAs?.prefix ?? [] };
}

function readFails(file: string): boolean {
  try {
    fs.readFileSync(file);
    return false;
  } catch {
    return true;
  }
}

/**
 * As root, the command prefix that runs the CLI as the unprivileged `nobody`
 * (setpriv, from util-linux), so that permissions are really enforced; none
 * for any other user.
 */
export function asUser(): { prefix: string[]; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  return {
    prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'],
    uid,
    gid,
  };
}

/** Hands a folder (its links themselves, never their targets) to the given user. */
export function chownTree(dir: string, uid: number, gid: number): void {
  fs.lchownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else fs.lchownSync(full, uid, gid);
  }
}

/**
 * Every file under `dir` (symbolic links and FIFOs as what they are, never
 * followed), with a digest of its bytes: large files by size, inode and
 * modification time, unreadable ones by their mode.
 */
export function digestTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      const stat = fs.lstatSync(full);
      if (entry.isDirectory()) {
        out.set(`${rel}/`, `dir ${stat.mode}`);
        walk(full);
      } else if (entry.isSymbolicLink()) out.set(rel, `link ${fs.readlinkSync(full)}`);
      else if (!entry.isFile()) out.set(rel, `special ${stat.mode}`);
      else if (stat.size > 1024 * 1024)
        out.set(rel, `big ${stat.size} ${stat.ino} ${stat.mtimeMs} ${stat.mode}`);
      else {
        try {
          out.set(
            rel,
            `file ${stat.mode} ${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`,
          );
        } catch {
          out.set(rel, `unreadable ${stat.size} ${stat.mtimeMs} ${stat.mode}`);
        }
      }
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------
// Programmes: exports `import` must refuse or tame, and programme.yml files `agenda` must not trust.

export interface HostileExport {
  name: string;
  text: string;
  /** 1: refused with a line; 0: imported (with warnings for what was not expanded). */
  code: 0 | 1;
  /** What the one-line error (code 1) or a warning (code 0, when one is due) says. */
  message?: RegExp;
}

const vcalendar = (lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hostile//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, lines: string[]) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  `SUMMARY:Talk ${uid}`,
  ...lines,
  'END:VEVENT',
];
const oneOff = vevent('anchor', ['DTSTART:20130416T170000Z', 'DTEND:20130416T174000Z']);
const recurring = (rule: string, start = '20130416T170000Z') =>
  vcalendar([...oneOff, ...vevent('series', [`DTSTART:${start}`, 'DURATION:PT30M', rule])]);

/** A pretalx schedule with the given talks in one room on 2013-04-16. */
export function pretalxSchedule(talks: Record<string, unknown>[]): string {
  return JSON.stringify(
    {
      schedule: {
        version: 'hostile',
        conference: {
          title: 'Test Conf 2013',
          time_zone_name: 'America/Los_Angeles',
          days: [{ index: 1, date: '2013-04-16', rooms: { 'Room 1': talks } }],
        },
      },
    },
    null,
    2,
  );
}
const talk = (guid: string, date: string, duration = '00:40') => ({
  guid,
  title: `Talk ${guid}`,
  date,
  duration,
  room: 'Room 1',
  persons: [],
});

export function hostileExports(): HostileExport[] {
  const at = (date: string) => [`DTSTART:${date}`, 'DURATION:PT40M'];
  const badDate = /:\d+: DTSTART of event \S+ (is not a real date|names a day that is not in the calendar)/;
  return [
    {
      name: 'year-9999.ics',
      text: vcalendar(vevent('y9999', at('99991231T230000Z'))),
      code: 1,
      message: badDate,
    },
    { name: 'year-0.ics', text: vcalendar(vevent('y0', at('00000101T090000Z'))), code: 1, message: badDate },
    {
      name: 'february-30.ics',
      text: vcalendar(vevent('f30', at('20130230T090000Z'))),
      code: 1,
      message: badDate,
    },
    {
      name: 'february-30-all-day.ics',
      text: vcalendar(vevent('f30d', ['DTSTART;VALUE=DATE:20130230'])),
      code: 1,
      message: badDate,
    },
    {
      name: 'million-hours.ics',
      text: vcalendar(vevent('long', ['DTSTART:20130416T170000Z', 'DURATION:PT9999999H'])),
      code: 1,
      message: /:\d+: event long: it lasts more than 366 days/,
    },
    {
      name: 'pretalx-year-9999.json',
      text: pretalxSchedule([talk('p9999', '9999-12-31T23:00:00-08:00')]),
      code: 1,
      message: /:\d+: talk p9999: (date .* is not a real date-time|it (starts|ends) outside)/,
    },
    {
      name: 'pretalx-february-30.json',
      text: pretalxSchedule([talk('p30', '2013-02-30T10:00:00-08:00')]),
      code: 1,
      message: /:\d+: talk p30: date .* is not a real date-time/,
    },
    {
      name: 'pretalx-million-hours.json',
      text: pretalxSchedule([talk('plong', '2013-04-16T10:00:00-07:00', '416666:00:00')]),
      code: 1,
      message: /:\d+: talk plong: it lasts more than 366 days/,
    },
    // Malformed recurrence values: one line naming the line, never a crash (exit 70).
    ...(
      [
        ['bad-exdate.ics', ['RRULE:FREQ=DAILY;COUNT=3', 'EXDATE:notadate'], /EXDATE of event series/],
        ['bad-exdate-month.ics', ['RRULE:FREQ=DAILY;COUNT=3', 'EXDATE:20131399T000000Z'], /EXDATE/],
        ['bad-rdate.ics', ['RDATE:garbage'], /RDATE of event series/],
        ['rdate-february-30.ics', ['RDATE:20130230T170000Z'], /RDATE of event series/],
        ['rdate-period.ics', ['RDATE;VALUE=PERIOD:20130417T170000Z/20130417T180000Z'], /RDATE .* period/],
        ['bad-until.ics', ['RRULE:FREQ=DAILY;UNTIL=garbage'], /RRULE of event series/],
        ['until-month-13.ics', ['RRULE:FREQ=DAILY;UNTIL=20131340T000000Z'], /RRULE of event series/],
        ['no-freq.ics', ['RRULE:COUNT=3'], /RRULE of event series has no FREQ/],
      ] as const
    ).map(([name, lines, message]) => ({
      name,
      text: vcalendar([
        ...oneOff,
        ...vevent('series', ['DTSTART:20130416T180000Z', 'DURATION:PT30M', ...lines]),
      ]),
      code: 1 as const,
      message: new RegExp(`:\\d+: ${message.source}`),
    })),
    {
      name: 'bad-recurrence-id.ics',
      text: vcalendar([
        ...vevent('series', ['DTSTART:20130416T180000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=3']),
        ...vevent('series', ['RECURRENCE-ID:garbage', 'DTSTART:20130417T190000Z', 'DURATION:PT30M']),
      ]),
      code: 1,
      message: /:\d+: RECURRENCE-ID of event series/,
    },
    // Recurrences that would keep ical.js busy for hours: an answer within the run's time limit.
    {
      name: 'secondly-since-1970.ics',
      text: recurring('RRULE:FREQ=SECONDLY', '19700101T000000Z'),
      code: 0,
      message: /not expanded/,
    },
    {
      name: 'minutely.ics',
      text: recurring('RRULE:FREQ=MINUTELY;BYSETPOS=-1'),
      code: 0,
      message: /kept the first 1000 occurrences/,
    },
    {
      name: 'never-matches.ics',
      text: recurring('RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
      code: 0,
      message: /only partly expanded/,
    },
    {
      name: 'huge-interval.ics',
      text: recurring('RRULE:FREQ=WEEKLY;INTERVAL=99999999999'),
      code: 0,
    },
    {
      name: 'huge-daily-interval.ics',
      text: recurring('RRULE:FREQ=DAILY;INTERVAL=2147483647;BYHOUR=1,2,3'),
      code: 0,
    },
    {
      name: 'many-never-matching-series.ics',
      text: vcalendar([
        ...oneOff,
        ...Array.from({ length: 40 }, (_, i) =>
          vevent(`never-${i}`, [
            'DTSTART:20130416T180000Z',
            'DURATION:PT30M',
            'RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30',
          ]),
        ).flat(),
      ]),
      code: 0,
      message: /only partly expanded/,
    },
    // 20 000 talks (about 4 MB): minutes if line numbers were computed per talk from the start of the file.
    {
      name: 'large-pretalx.json',
      text: pretalxSchedule(
        Array.from({ length: 20_000 }, (_, i) =>
          talk(`t${i}-${'x'.repeat(60)}`, `2013-04-16T${String(8 + (i % 10)).padStart(2, '0')}:00:00-07:00`),
        ),
      ),
      code: 0,
    },
  ];
}

/** A programme.yml with one entry, as `import` writes it (title and start as given). */
export function programmeYaml(title: string, start = '2013-04-16T10:00:00-07:00'): string {
  return [
    'timezone: America/Los_Angeles',
    'source: hostile.ics',
    'entries:',
    '  - uid: hostile-1',
    `    title: ${JSON.stringify(title)}`,
    `    start: "${start}"`,
    '    end: "2013-04-16T10:40:00-07:00"',
    '    all_day: false',
    `    room: ${JSON.stringify(`Room \u202E1\x1b[2J`)}`,
    '    track: ~',
    '    tags: []',
    `    speakers: [${JSON.stringify('Ada\x1b]0;pwned\x07')}]`,
    '    url: ~',
    '    abstract: ~',
    '    status: confirmed',
    '    starred: false',
    '',
  ].join('\n');
}
