/**
 * The time zone of each conference, for the instants of `--json` listings,
 * without parsing every conference.md's YAML on every call: the zone that
 * readConference gave is kept in `.confnotes/notes-cache/zones.json`, keyed by
 * conference.md's size, mtime, ctime and inode like the note cache. Every
 * conference.md asked about is stat'ed each time; a changed, recent, linked or
 * missing one is read again (and only a real folder's regular file is kept).
 * A damaged or other-build file is ignored; a failure to write is not an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isValidTimeZone } from '../clock.js';
import { buildStamp, codeFingerprint } from '../fingerprint.js';
import { replaceOwnFile } from '../safe-write.js';
import { CONFERENCE_FILE, readConference, readConferenceFields } from '../workspace/conference.js';
import { regularFileStamp } from '../workspace/parsed-file-cache.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import { RECENT_MS } from './note-cache-format.js';
import { knownNearChanges, knownOffsets, offsetsLearnt, seedOffsets } from './note-instant.js';
import { readOwnFile, realFolders } from './own-files.js';

type Stamp = [number, number, number, number];
interface ZoneFile {
  format: string;
  zones: Record<string, [...Stamp, string | null]>;
  /** Zone offsets read through Intl (note-instant.ts), valid for the ICU and tz data named in the format. */
  offsets?: Record<string, number[]>;
  /** Instants near a change of offset, by note-instant.ts's key (same validity). */
  near?: Record<string, string>;
}

/** Past this many kept offsets, only those of the last run are saved (a bound on the file). */
const MAX_OFFSETS = 200_000;

let format: string | undefined;

/** The reader's code and this bundle's own stamp: another build reads every conference.md afresh. */
export function zoneCacheFormat(): string {
  if (format) return format;
  // Offsets are Intl's answers: another ICU or tz data may give others.
  const data = `icu ${process.versions.icu ?? '-'} tz ${process.versions.tz ?? '-'}`;
  format = `confnotes zone cache 4 ${codeFingerprint(() => [String(readConference), String(readConferenceFields), String(isValidTimeZone)])} ${buildStamp()} ${data}`;
  return format;
}

export const ZONE_CACHE_FILE = path.join('notes-cache', 'zones.json');

/** Options: the real time now in ms (tests move it), as for the note cache. */
export interface ZoneCacheOptions {
  now?: number;
}

/**
 * A reader of conferences' zones for one command: each slug looked up once
 * (null when conference.md has none, is unreadable or absent), then `save()`.
 */
export class ZoneCache {
  private readonly file: string;
  private readonly folderOk: boolean;
  private readonly stored: ZoneFile['zones'];
  private readonly known = new Map<string, string | null>();
  private changed = false;
  private readonly now: number;

  constructor(
    private readonly ws: Workspace,
    options: ZoneCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now();
    this.file = path.join(ws.root, MARKER_DIR, ZONE_CACHE_FILE);
    this.folderOk = realFolders(path.join(ws.root, MARKER_DIR), path.dirname(this.file));
    const parsed = this.folderOk ? parseZoneFile(readOwnFile(this.file)) : null;
    this.stored = parsed?.zones ?? Object.create(null);
    if (parsed?.offsets) seedOffsets(parsed.offsets, parsed.near);
    this.learntBefore = offsetsLearnt();
  }

  private learntBefore: number;

  zoneOf(slug: string): string | null {
    let zone = this.known.get(slug);
    if (zone === undefined) {
      zone = this.look(slug);
      this.known.set(slug, zone);
    }
    return zone;
  }

  private look(slug: string): string | null {
    const stamp = regularFileStamp(this.ws, slug, CONFERENCE_FILE);
    const kept = Object.hasOwn(this.stored, slug) ? this.stored[slug] : undefined;
    if (stamp && kept && stamp.every((n, i) => n === kept[i])) {
      // Not checked again (that costs ~2 ms): the format names the ICU and tz data that judged it.
      return kept[4];
    }
    let zone: string | null = null;
    try {
      zone = readConference(this.ws, slug).timezone;
    } catch {
      // An unreadable conference.md is reported by the command that reads it; no zone here.
    }
    if (stamp && Math.max(stamp[1], stamp[2]) <= this.now - RECENT_MS) {
      this.stored[slug] = [...stamp, zone];
      this.changed = true;
    } else if (kept) {
      delete this.stored[slug];
      this.changed = true;
    }
    return zone;
  }

  /** Writes the cache when an entry changed (entries of conferences gone are dropped then). */
  save(): void {
    const learnt = offsetsLearnt() > this.learntBefore;
    if ((!this.changed && !learnt) || !this.folderOk) return;
    this.changed = false;
    this.learntBefore = offsetsLearnt();
    for (const slug of Object.keys(this.stored))
      if (!this.known.has(slug) && !fs.existsSync(path.join(this.ws.root, slug))) delete this.stored[slug];
    let offsets = knownOffsets();
    let near = knownNearChanges();
    if (
      Object.values(offsets).reduce((n, flat) => n + flat.length / 2, Object.keys(near).length) > MAX_OFFSETS
    ) {
      offsets = {};
      near = {};
    }
    const body: ZoneFile = { format: zoneCacheFormat(), zones: this.stored, offsets, near };
    try {
      replaceOwnFile(this.file, `${JSON.stringify(body)}\n`, { fsync: false });
    } catch {
      // A read-only workspace: the zones were read all the same.
    }
  }
}

function parseZoneFile(bytes: Buffer | null): Pick<ZoneFile, 'zones' | 'offsets' | 'near'> | null {
  if (!bytes) return null;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as ZoneFile;
    if (parsed?.format !== zoneCacheFormat() || typeof parsed.zones !== 'object' || !parsed.zones)
      return null;
    const zones: ZoneFile['zones'] = Object.create(null);
    for (const [slug, entry] of Object.entries(parsed.zones)) {
      const ok =
        Array.isArray(entry) &&
        entry.length === 5 &&
        entry.slice(0, 4).every((n) => typeof n === 'number') &&
        (entry[4] === null || typeof entry[4] === 'string');
      if (ok) zones[slug] = entry;
    }
    const offsets: Record<string, number[]> = Object.create(null);
    if (typeof parsed.offsets === 'object' && parsed.offsets)
      for (const [zone, flat] of Object.entries(parsed.offsets))
        if (Array.isArray(flat) && flat.length % 2 === 0 && flat.every(Number.isFinite)) offsets[zone] = flat;
    const near: Record<string, string> = Object.create(null);
    if (typeof parsed.near === 'object' && parsed.near)
      for (const [key, iso] of Object.entries(parsed.near)) if (typeof iso === 'string') near[key] = iso;
    return { zones, offsets, near };
  } catch {
    return null;
  }
}
