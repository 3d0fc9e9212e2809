/** The parsed-programme cache behind readProgramme: used only for the exact bytes it was parsed from. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConference } from '../../src/core/workspace/conference.js';
import { programmeText, readProgramme, type ProgrammeEntry } from '../../src/core/programme/programme.js';
import { PROGRAMME_CACHE_DIR, saveCachedProgramme } from '../../src/core/programme/programme-cache.js';
import { makeWorkspace } from '../helpers/workspace.js';

const entry = (uid: string, title: string): ProgrammeEntry => ({
  uid,
  ref: uid.slice(0, 6),
  title,
  start: '2013-04-16T10:00:00-07:00',
  end: '2013-04-16T10:40:00-07:00',
  all_day: false,
  room: 'Hall A',
  track: null,
  tags: [],
  speakers: ['Ada Byron'],
  url: null,
  abstract: null,
  status: 'confirmed',
  starred: false,
});

let made: ReturnType<typeof makeWorkspace>;
let programmeFile: string;
let cacheFile: string;
const realNow = Date.now();
const MTIME = Math.floor(realNow / 1000) - 60;
/** The cache stores only files older than 2 s: move the clock on instead of waiting. */
const clockAt = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(realNow + ms);
const read = () => readProgramme(made.ws, readConference(made.ws, 'conf'))!;

beforeEach(() => {
  made = makeWorkspace();
  programmeFile = path.join(made.confDir, 'programme.yml');
  cacheFile = path.join(made.root, '.confnotes', PROGRAMME_CACHE_DIR, 'cache-conf.json');
  const text = programmeText({ timezone: null, source: 'test', entries: [entry('a', 'Talk AAA')] });
  fs.writeFileSync(programmeFile, text);
  // A whole second, so that putting the mtime back below restores it exactly.
  fs.utimesSync(programmeFile, MTIME, MTIME);
  clockAt(10_000);
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(path.dirname(made.root), { recursive: true, force: true });
});

describe('the programme cache', () => {
  it('is written on the first read and used while programme.yml keeps its stamp', () => {
    expect(read().entries[0]!.title).toBe('Talk AAA');
    expect(fs.existsSync(cacheFile)).toBe(true);
    // Proof that the second read comes from the cache: change the title there only.
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    data.programme.entries[0].title = 'From the cache';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    expect(read().entries[0]!.title).toBe('From the cache');
  });

  it('is stale after an edit of the same size with the mtime put back', () => {
    read();
    const before = fs.statSync(programmeFile);
    const edited = fs.readFileSync(programmeFile, 'utf8').replace('Talk AAA', 'Talk BBB');
    expect(Buffer.byteLength(edited)).toBe(before.size);
    fs.writeFileSync(programmeFile, edited);
    fs.utimesSync(programmeFile, MTIME, MTIME);
    expect(fs.statSync(programmeFile).mtimeMs).toBe(before.mtimeMs);
    clockAt(20_000);
    expect(read().entries[0]!.title).toBe('Talk BBB');
    // ...and rebuilt for the new bytes.
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).programme.entries[0].title).toBe('Talk BBB');
  });

  it('ignores a damaged cache file and rebuilds it', () => {
    read();
    fs.writeFileSync(cacheFile, '{"format": "confnotes programme cache", "stamp": ');
    expect(read().entries[0]!.title).toBe('Talk AAA');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).programme.entries[0].title).toBe('Talk AAA');
  });

  it('ignores a cache of another format, or whose entries the reader would refuse', () => {
    read();
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    fs.writeFileSync(
      cacheFile,
      JSON.stringify({ ...data, format: 'another build', programme: { entries: [] } }),
    );
    expect(read().entries).toHaveLength(1);
    data.programme.entries[0].start = 'not a time';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    expect(read().entries[0]!.start).toBe('2013-04-16T10:00:00-07:00');
  });

  it('ignores a cache that is not a regular file', () => {
    read();
    fs.rmSync(cacheFile);
    fs.mkdirSync(cacheFile);
    expect(read().entries[0]!.title).toBe('Talk AAA');
  });

  it('is not written for a programme.yml changed in the last two seconds', () => {
    clockAt(0);
    read();
    expect(fs.existsSync(cacheFile)).toBe(false);
    const stamp = { size: 1, mtimeMs: realNow - 500, ctimeMs: realNow - 500, ino: 1 };
    expect(saveCachedProgramme(cacheFile, stamp, read(), 'f', realNow)).toBe(false);
  });
});
