import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZONE_CACHE_FILE, ZoneCache } from '../../src/core/note/conference-zones.js';
import { conferenceZones, noteInstant } from '../../src/core/note/note-json.js';
import { zoneParts } from '../../src/core/clock.js';
import { MARKER_DIR } from '../../src/core/workspace/workspace.js';
import { defaultConference, makeWorkspace } from '../helpers/workspace.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

/** Files written by a test are seconds old; "a minute later" they may be cached. */
const later = { now: Date.now() + 60_000 };

function setUp(conference = defaultConference) {
  const made = makeWorkspace(conference);
  roots.push(made.root);
  const cacheFile = path.join(made.root, MARKER_DIR, ZONE_CACHE_FILE);
  const confFile = path.join(made.confDir, 'conference.md');
  return { ...made, cacheFile, confFile };
}

const zoneOnce = (ws: ReturnType<typeof setUp>['ws'], slug = 'conf', options = later) => {
  const cache = new ZoneCache(ws, options);
  const zone = cache.zoneOf(slug);
  cache.save();
  return zone;
};

/** The zone's offset at `ms` (wall time minus UTC) straight from Intl. */
function intlOffset(ms: number, zone: string): number {
  const p = zoneParts(new Date(ms), zone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
}

describe('the conference zone cache', () => {
  it("keeps the offsets the instants were worked out with, each Intl's own, for the next run", () => {
    const { ws, cacheFile } = setUp();
    const cache = new ZoneCache(ws, later);
    const zone = cache.zoneOf('conf')!;
    expect(noteInstant('2013-04-16', '10:00', zone)).toBe('2013-04-16T10:00:00-07:00');
    // The day clocks went forward: the midnights either side differ.
    expect(noteInstant('2013-03-10', '03:30', zone)).toBe('2013-03-10T03:30:00-07:00');
    cache.save();
    const kept = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    const flat: number[] = kept.offsets[zone];
    const day = Date.UTC(2013, 2, 10);
    expect(flat.filter((_, i) => i % 2 === 0)).toEqual(expect.arrayContaining([day, day + 86_400_000]));
    for (let i = 0; i < flat.length; i += 2) expect(flat[i + 1]).toBe(intlOffset(flat[i]!, zone));
    // Another build's or ICU's file is not believed: its offsets are dropped, not served.
    kept.format = 'confnotes zone cache 0';
    fs.writeFileSync(cacheFile, JSON.stringify(kept));
    expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).format).not.toBe('confnotes zone cache 0');
  });

  it('keeps the zone readConference gave and answers from it while conference.md is unchanged', () => {
    const { ws, cacheFile } = setUp();
    expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    const kept = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    expect(kept.zones.conf[4]).toBe('America/Los_Angeles');
    // A tampered entry (stamp untouched) is what is served: the cache is used.
    kept.zones.conf[4] = 'Europe/Berlin';
    fs.writeFileSync(cacheFile, JSON.stringify(kept));
    expect(zoneOnce(ws)).toBe('Europe/Berlin');
  });

  it('sees a same-size edit whose mtime was put back (the ctime moved)', () => {
    const { ws, confFile } = setUp();
    // A whole-millisecond mtime, as `cp -p` leaves it, so it can be put back exactly.
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(confFile, when, when);
    expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    const before = fs.statSync(confFile);
    const text = fs.readFileSync(confFile, 'utf8');
    const swapped = text.replace('America/Los_Angeles', 'Australia/Melbourne');
    expect(swapped.length).toBe(text.length);
    fs.writeFileSync(confFile, swapped);
    fs.utimesSync(confFile, when, when);
    const after = fs.statSync(confFile);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(zoneOnce(ws)).toBe('Australia/Melbourne');
  });

  it('reads a changed conference.md again and forgets a recent one', () => {
    const { ws, confFile, cacheFile } = setUp();
    expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    fs.writeFileSync(confFile, defaultConference.replace('America/Los_Angeles', 'Asia/Tokyo'));
    // Just written: read, not kept.
    expect(zoneOnce(ws, 'conf', { now: Date.now() })).toBe('Asia/Tokyo');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).zones.conf).toBeUndefined();
    expect(zoneOnce(ws)).toBe('Asia/Tokyo');
  });

  it('gives null for an unreadable or zone-less conference.md, as readConference', () => {
    const { ws, confFile } = setUp(defaultConference.replace('timezone: America/Los_Angeles\n', ''));
    expect(zoneOnce(ws)).toBeNull();
    expect(zoneOnce(ws)).toBeNull();
    fs.writeFileSync(confFile, '---\nname: [unclosed\n---\n');
    expect(zoneOnce(ws)).toBeNull();
    expect(zoneOnce(ws, 'nowhere')).toBeNull();
  });

  it('never keeps the zone of a linked conference.md', () => {
    const { ws, confFile, root, cacheFile } = setUp();
    const real = path.join(root, 'conf', 'real.md');
    fs.renameSync(confFile, real);
    fs.symlinkSync(real, confFile);
    expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    expect(fs.existsSync(cacheFile)).toBe(false);
  });

  it('ignores a damaged or foreign cache file', () => {
    const { ws, cacheFile } = setUp();
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    for (const bad of ['{', '{"format":"other","zones":{"conf":[1,2,3,4,"Europe/Berlin"]}}', '[]']) {
      fs.writeFileSync(cacheFile, bad);
      expect(zoneOnce(ws)).toBe('America/Los_Angeles');
    }
  });

  it('conferenceZones saves what it learnt after the caller is done', async () => {
    const { ws, cacheFile } = setUp();
    const zoneOf = conferenceZones(ws, later);
    expect(zoneOf({ folder: 'conf' })).toBe('America/Los_Angeles');
    expect(zoneOf({ folder: null })).toBeNull();
    await Promise.resolve();
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).zones.conf[4]).toBe('America/Los_Angeles');
  });
});
