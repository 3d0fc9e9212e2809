/**
 * Hostile exports and programme.yml files (issue 13): every one ends quickly
 * with an answer, a refusal names its line, and nothing unreadable is written.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteFileError } from '../../src/errors.js';
import { abstractText, entityDecoderFor } from '../../src/core/programme/programme-notes.js';
import { importProgramme, readExportStream } from '../../src/core/programme/programme-import.js';
import { readProgramme, updateProgramme } from '../../src/core/programme/programme-store.js';
import { ScheduleError } from '../../src/core/programme/schedule-common.js';
import { MAX_FILE_STEPS } from '../../src/core/programme/schedule-ics-recur.js';
import { parseSchedule } from '../../src/core/programme/schedule.js';
import { readConference } from '../../src/core/workspace/conference.js';
import { hostileExports, pretalxSchedule, programmeYaml } from '../helpers/hostile-corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const CONF = { zone: 'America/Los_Angeles', firstDay: '2013-04-15', lastDay: '2013-04-18' };
const made: string[] = [];
const workspace = () => {
  const made_ = makeWorkspace();
  made.push(path.dirname(made_.root));
  return made_;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports that must be refused', () => {
  for (const hostile of hostileExports().filter((one) => one.code === 1)) {
    it(`${hostile.name}: a ScheduleError naming its line`, async () => {
      const error = await parseSchedule(hostile.text, CONF).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ScheduleError);
      const { line, reason } = error as ScheduleError;
      expect(`${hostile.name}:${line}: ${reason}`).toMatch(hostile.message!);
      expect(line).toBeGreaterThan(1);
    });
  }

  it('an out-of-range export leaves the stored programme byte for byte', async () => {
    const { ws, confDir } = workspace();
    const conference = readConference(ws, 'conf');
    fs.writeFileSync(path.join(confDir, 'programme.yml'), programmeYaml('Kept'));
    const before = fs.readFileSync(path.join(confDir, 'programme.yml'));
    for (const hostile of hostileExports().filter((one) => one.code === 1))
      await expect(
        importProgramme(ws, conference, hostile.text, { shown: hostile.name, source: hostile.name }),
      ).rejects.toThrow(new RegExp(`^${hostile.name.replace('.', '\\.')}:\\d+: `));
    expect(fs.readFileSync(path.join(confDir, 'programme.yml'))).toEqual(before);
  });

  it('never writes a programme.yml the next command could not read', () => {
    const { ws, confDir } = workspace();
    const conference = readConference(ws, 'conf');
    const file = path.join(confDir, 'programme.yml');
    fs.writeFileSync(file, programmeYaml('Kept'));
    const before = fs.readFileSync(file);
    const current = readProgramme(ws, conference)!;
    for (const start of [
      '10000-01-01T10:00:00-07:00',
      '9999-12-31T10:00:00-07:00',
      '2013-02-30T10:00:00-07:00',
    ])
      expect(() =>
        updateProgramme(ws, conference, () => ({
          ...current,
          entries: [{ ...current.entries[0]!, start }],
        })),
      ).toThrow(/^conf\/programme\.yml: not written, it would not read back: entry hostile-1: start/);
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('recurrences that would keep ical.js busy for hours', () => {
  for (const hostile of hostileExports().filter((one) => one.code === 0 && one.name.endsWith('.ics'))) {
    it(`${hostile.name}: an answer, with ical.js's stepping capped`, async () => {
      const steps = vi.spyOn(ICAL.RecurIterator.prototype, 'check_contracting_rules');
      const parsed = await parseSchedule(hostile.text, CONF);
      expect(parsed.entries.length).toBeGreaterThan(0);
      expect(parsed.entries.length).toBeLessThanOrEqual(1 + 40 * 1000);
      expect(steps.mock.calls.length).toBeLessThanOrEqual(MAX_FILE_STEPS + 1);
      if (hostile.message) expect(parsed.warnings.join('\n')).toMatch(hostile.message);
      else expect(parsed.warnings).toEqual([]);
    });
  }
});

describe('work proportional to the size of the export', () => {
  it('parses 100 000 pretalx talks (20 MB; hours if every talk were given a line from the start)', async () => {
    const talks = Array.from({ length: 100_000 }, (_, i) => ({
      guid: `talk-${i}-${'x'.repeat(80)}`,
      title: `Talk ${i}`,
      date: '2013-04-16T10:00:00-07:00',
      duration: '00:40',
      room: 'Room 1',
    }));
    const parsed = await parseSchedule(pretalxSchedule(talks), CONF);
    expect(parsed.entries).toHaveLength(100_000);
  }, 120_000);

  it('names the line of a bad talk at the end of a large file', async () => {
    const talks = Array.from({ length: 50_000 }, (_, i) => ({
      guid: `talk-${i}`,
      title: `Talk ${i}`,
      date: i === 49_999 ? '2013-02-30T10:00:00-07:00' : '2013-04-16T10:00:00-07:00',
      duration: '00:40',
    }));
    const text = pretalxSchedule(talks);
    const error = (await parseSchedule(text, CONF).catch((thrown: unknown) => thrown)) as ScheduleError;
    expect(error.line).toBe(text.split('\n').findIndex((line) => line.includes('"talk-49999"')) + 1);
  }, 120_000);

  it('reads standard input only up to the size limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced++;
        this.push(Buffer.alloc(1024 * 1024, 'BEGIN:VCALENDAR\n'));
      },
    });
    await expect(readExportStream(endless, '<stdin>')).rejects.toThrow(
      /^<stdin>: more than 50 MB, too large for a programme; stopped reading$/,
    );
    expect(produced).toBeLessThan(60);
  });
});

describe('programme.yml is read only as a regular file inside the workspace', () => {
  it('refuses a link out of the workspace, a link to a device and a FIFO, never reading them', () => {
    const { ws, root, confDir } = workspace();
    const conference = readConference(ws, 'conf');
    const file = path.join(confDir, 'programme.yml');
    const secret = path.join(path.dirname(root), 'secret.yml');
    fs.writeFileSync(secret, programmeYaml('SECRET'));
    const refused = (message: RegExp) => {
      expect(() => readProgramme(ws, conference)).toThrow(NoteFileError);
      expect(() => readProgramme(ws, conference)).toThrow(message);
      expect(() => updateProgramme(ws, conference, (current) => current)).toThrow(message);
      fs.rmSync(file);
    };
    fs.symlinkSync(secret, file);
    refused(/^conf\/programme\.yml: a symbolic link out of the workspace; not read$/);
    fs.symlinkSync('/dev/zero', file);
    refused(/symbolic link out of the workspace/);
    if (spawnSync('mkfifo', [file]).status === 0) refused(/not a regular file \(a folder, FIFO or device\)/);
    fs.mkdirSync(file);
    expect(() => readProgramme(ws, conference)).toThrow(/not a regular file/);
    fs.rmdirSync(file);
    // A link inside the workspace is followed.
    fs.writeFileSync(path.join(root, 'shared.yml'), programmeYaml('Shared'));
    fs.symlinkSync(path.join(root, 'shared.yml'), file);
    expect(readProgramme(ws, conference)!.entries[0]!.title).toBe('Shared');
  });
});

describe('abstracts', () => {
  const inert = async (abstract: string) => abstractText(abstract, await entityDecoderFor({ abstract }));

  it('decodes entities with the entities package, but no control or bidi character survives', async () => {
    expect(await inert('Caf&eacute; &hellip; &#x1F600; &#27;[2J x&#x202E;y&#8294;z')).toBe(
      'Café … 😀 [2J xyz',
    );
    expect(await inert('<p>One</p><p>Two &amp; <i>three</i></p><style>p{}</style>')).toBe(
      'One\n\nTwo & three',
    );
  });

  it('loads no decoder for texts without a character reference, and finds one in either text', async () => {
    const plain = await entityDecoderFor({ abstract: 'Tom; Jerry', description: null });
    expect(plain('Tom &amp; Jerry')).toBe('Tom &amp; Jerry');
    expect((await entityDecoderFor({ abstract: 'plain', description: 'Tom &amp; Jerry' }))('&amp;')).toBe(
      '&',
    );
  });
});
