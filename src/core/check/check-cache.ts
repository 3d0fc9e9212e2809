/**
 * What `check` found in each note and conference.md, kept so that a check of
 * an unchanged workspace reads no note: `.confnotes/check-cache/<slug>.json`,
 * one per conference. Trusted exactly as the note cache is (note-cache.ts):
 * - a note's problems are used only while its size, mtime, ctime and inode
 *   are those it was checked at, and while its conference.md is unchanged
 *   (outside-dates compares the note's date with the conference's);
 * - the format names the rule set (every rule's code), the note schema and
 *   the build of this module, so another rule set or build starts afresh;
 * - nothing changed in the last RECENT_MS is stored; a damaged file is
 *   ignored; a failure to write never fails the command.
 * Cross-note rules (duplicate ids, files outside conferences) and programmes
 * are always worked out afresh; only what depends on one file alone is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type FileStamp,
  NOTE_CACHE_FORMAT,
  RECENT_MS,
  readOwnFile,
  realFolders,
} from '../note/note-cache.js';
import { buildStamp, codeFingerprint } from '../fingerprint.js';
import { replaceOwnFile } from '../safe-write.js';
import { MARKER_DIR, type Workspace } from '../workspace/workspace.js';
import type { CheckProblem } from './check.js';
import { RULES } from './rules/index.js';

type Stamp = [number, number, number, number];

/** A file's problems (and a note's programme uid and its line), as found at `stamp`. */
export interface CheckedFile {
  problems: CheckProblem[];
  programme: { uid: string; line: number } | null;
}

interface ConferenceEntry {
  conference: Stamp | null;
  conferenceProblems: CheckProblem[];
  notes: Record<string, [...Stamp, CheckProblem[], CheckedFile['programme']]>;
}

interface CacheFile extends ConferenceEntry {
  format: string;
}

let format: string | undefined;

/** The rule set's code, the note schema's format and the build's stamp. */
export function checkCacheFormat(): string {
  if (format) return format;
  const hash = codeFingerprint(() => [
    ...RULES.map((rule) => `${rule.id}|${rule.scope}|${rule.check}|${'fix' in rule ? rule.fix : ''}`),
    NOTE_CACHE_FORMAT,
  ]);
  format = `confnotes check cache 2 ${hash} ${buildStamp()}`;
  return format;
}

const toStamp = (stamp: FileStamp): Stamp => [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino];
const same = (stored: readonly unknown[] | null | undefined, stamp: FileStamp | null) =>
  !!stored &&
  !!stamp &&
  stored[0] === stamp.size &&
  stored[1] === stamp.mtimeMs &&
  stored[2] === stamp.ctimeMs &&
  stored[3] === stamp.ino;

/** One conference's check cache for one run. */
export class ConferenceCheckCache {
  private readonly old: ConferenceEntry | null;
  private readonly next: ConferenceEntry;
  private changed = false;

  constructor(
    private readonly file: string,
    confStamp: FileStamp | null,
    private readonly now: number,
    readable: boolean,
  ) {
    const loaded = readable ? readCache(file) : null;
    // A changed conference.md voids its notes' entries too (outside-dates reads its dates).
    this.old = loaded && same(loaded.conference, confStamp) ? loaded : null;
    this.next = {
      conference: confStamp && !this.recent(confStamp) ? toStamp(confStamp) : null,
      conferenceProblems: [],
      notes: {},
    };
    if (!this.old || this.next.conference === null) this.changed = true;
  }

  private recent(stamp: FileStamp): boolean {
    return Math.max(stamp.mtimeMs, stamp.ctimeMs) > this.now - RECENT_MS;
  }

  conferenceProblems(): CheckProblem[] | null {
    return this.old ? this.old.conferenceProblems : null;
  }

  rememberConference(problems: CheckProblem[]): void {
    this.next.conferenceProblems = problems;
  }

  note(rel: string, stamp: FileStamp | null): CheckedFile | null {
    const entry = this.old?.notes[rel];
    if (!entry || !same(entry, stamp) || !Array.isArray(entry[4])) return null;
    this.next.notes[rel] = entry;
    return { problems: entry[4], programme: entry[5] ?? null };
  }

  rememberNote(rel: string, stamp: FileStamp | null, checked: CheckedFile): void {
    this.changed = true;
    if (stamp && !this.recent(stamp))
      this.next.notes[rel] = [...toStamp(stamp), checked.problems, checked.programme];
  }

  save(): void {
    const gone = this.old && Object.keys(this.old.notes).some((rel) => !(rel in this.next.notes));
    if (!this.changed && !gone) return;
    try {
      replaceOwnFile(this.file, JSON.stringify({ format: checkCacheFormat(), ...this.next }), {
        fsync: false,
      });
    } catch {
      // A read-only workspace, a full disk: the check was made all the same.
    }
  }
}

function readCache(file: string): ConferenceEntry | null {
  try {
    const data = JSON.parse(readOwnFile(file)?.toString('utf8') ?? '') as CacheFile;
    const valid =
      data?.format === checkCacheFormat() &&
      Array.isArray(data.conferenceProblems) &&
      data.notes !== null &&
      typeof data.notes === 'object';
    return valid ? data : null;
  } catch {
    return null;
  }
}

/** The check caches of a workspace, one per conference, opened when first asked for. */
export function openCheckCache(ws: Workspace, now = Date.now()) {
  const dir = path.join(ws.root, MARKER_DIR, 'check-cache');
  const readable = realFolders(path.join(ws.root, MARKER_DIR), dir);
  const open: ConferenceCheckCache[] = [];
  return {
    conference(slug: string, confStamp: FileStamp | null): ConferenceCheckCache {
      const file = path.join(dir, `${encodeURIComponent(slug) || '_'}.json`);
      const cache = new ConferenceCheckCache(file, confStamp, now, readable);
      open.push(cache);
      return cache;
    },
    save(): void {
      if (!readable) return;
      for (const cache of open) cache.save();
      try {
        // Not in git: the stamps are this machine's.
        if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, '.gitignore')))
          replaceOwnFile(path.join(dir, '.gitignore'), '*\n');
      } catch {
        // As for the cache itself.
      }
    },
  };
}
