/**
 * programme.yml, the plain file a conference's programme is kept in (in the
 * conference folder, beside the notes, never read as a note): its text, reading
 * it back with the line of a damaged entry, and changing it under its lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, yamlLib } from '../front-matter/yaml-libs.js';
import { ConfnotesError, NoteFileError } from '../../errors.js';
import { firstSentence } from '../front-matter/front-matter.js';
import { codeFingerprint } from '../fingerprint.js';
import { loadCachedProgramme, programmeCacheFile, saveCachedProgramme, stampOf } from './programme-cache.js';
import { createExclusive, FileExistsError, rewrite } from '../safe-write.js';
import type { Conference } from '../workspace/conference.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';
import {
  compareEntries,
  ENTRY_STATUSES,
  type EntryLink,
  isCalendarDay,
  type EntryStatus,
  type FreshEntry,
  type Programme,
  type ProgrammeEntry,
} from './programme-model.js';
import { assignRefs, isRefText } from './programme-ref.js';

export const PROGRAMME_FILE = 'programme.yml';
/** Larger than any programme.yml an import of the largest export allowed can write. */
const MAX_PROGRAMME_BYTES = 256 * 1024 * 1024;

export function programmeFile(conference: Conference): string {
  return path.join(conference.dir, PROGRAMME_FILE);
}

const isStoredDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) &&
  isCalendarDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));

const HEADER = [
  '# The conference programme, written by `confnotes import` (and `agenda --star`).',
  '# Re-import a newer export to update it; notes are never changed by an import.',
];

/** A programme to write: an entry without a ref yet gets one (programme-ref.ts). */
export type ProgrammeToWrite = Omit<Programme, 'entries'> & { entries: (FreshEntry & { ref?: string })[] };

/** The text of programme.yml: a YAML 1.1/1.2-safe document, one block per entry, sorted. */
export function programmeText(programme: ProgrammeToWrite): string {
  const body = yamlLib().stringify(
    {
      timezone: programme.timezone,
      source: programme.source,
      // uid and ref first: the two handles of an entry, where a reader looks for them.
      entries: assignRefs([...programme.entries].sort(compareEntries)).map(({ uid, ref, ...rest }) => ({
        uid,
        ref,
        ...rest,
      })),
    },
    { version: '1.1', lineWidth: 0, blockQuote: 'literal', nullStr: '~' },
  );
  return `${HEADER.join('\n')}\n${body}`;
}

/**
 * Reads the stored programme; null when the conference has none yet. A cache
 * of the parsed programme (programme-cache.ts) stands in for the YAML parse
 * while programme.yml keeps the stamp it was parsed with.
 */
export function readProgramme(ws: Workspace, conference: Conference): Programme | null {
  return readProgrammeAt(ws, programmeFile(conference), conference.slug);
}

export function readProgrammeAt(ws: Workspace, file: string, slug: string): Programme | null {
  const shown = relativeToWorkspace(ws, file);
  const stats = storedFileExists(ws, file, shown);
  if (!stats) return null;
  const cacheFile = programmeCacheFile(ws, slug);
  if (cacheFile) {
    const cached = loadCachedProgramme(ws, cacheFile, stampOf(stats), cacheFormat());
    // Entries pass the reader's own check, so a tampered cache cannot hand on what programme.yml could not hold.
    if (cached?.entries.every((entry) => entryProblem(entry) === null)) return cached;
  }
  // The stamp stored is the one of the bytes read (fstat on the open file), not of the earlier stat.
  const fd = fs.openSync(file, 'r');
  let text: string;
  let read: fs.Stats;
  try {
    read = fs.fstatSync(fd);
    text = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const programme = parseProgrammeText(text, shown);
  if (cacheFile) saveCachedProgramme(cacheFile, stampOf(read), programme, cacheFormat());
  return programme;
}

let format: string | undefined;
/** The cache's format: a hash of the reader's code, so a cache parsed by another build's reader is not used. */
function cacheFormat(): string {
  format ??= `confnotes programme cache 2 ${codeFingerprint(() =>
    [parseProgrammeText, entryProblem, isStoredDay, ENTRY_STATUSES].map(String),
  )}`;
  return format;
}

/**
 * programme.yml's stats (of the link's target), or null when there is none, refusing what must never be read: a link out
 * of the workspace (a secret file), a FIFO or a device (a read that never
 * ends), or a file too large to be ours.
 */
function storedFileExists(ws: Workspace, file: string, shown: string): fs.Stats | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync.native(file);
    } catch {
      throw new NoteFileError(shown, undefined, 'a symbolic link to nothing; not read');
    }
    if (!target.startsWith(fs.realpathSync.native(ws.root) + path.sep))
      throw new NoteFileError(shown, undefined, 'a symbolic link out of the workspace; not read');
    stat = fs.statSync(target);
  }
  if (!stat.isFile())
    throw new NoteFileError(shown, undefined, 'not a regular file (a folder, FIFO or device); not read');
  if (stat.size > MAX_PROGRAMME_BYTES)
    throw new NoteFileError(
      shown,
      undefined,
      `${(stat.size / 1048576).toFixed(0)} MB is too large; not read`,
    );
  return stat;
}

/** Parses programme.yml, checking every entry; throws NoteFileError with the line of the bad entry. */
export function parseProgrammeText(text: string, shown: string): Programme {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new NoteFileError(shown, error.linePos?.[0]?.line, `broken YAML: ${firstSentence(error.message)}`);
  }
  const fail = (
    node: { range?: [number, number, number] | null } | null | undefined,
    reason: string,
  ): never => {
    throw new NoteFileError(shown, node?.range ? lineCounter.linePos(node.range[0]).line : 1, reason);
  };
  if (!isMap(doc.contents)) fail(null, 'not a programme (a map with "entries")');
  const data = doc.toJS() as Record<string, unknown>;
  const entriesNode = doc.get('entries', true);
  if (data.entries !== null && data.entries !== undefined && !isSeq(entriesNode))
    fail(doc.contents as never, '"entries" is not a list');
  const nodes = isSeq(entriesNode) ? entriesNode.items : [];
  const raw = Array.isArray(data.entries) ? (data.entries as unknown[]) : [];
  const owner = new Map<string, string>();
  const entries = raw.map((item, index) => {
    const node = nodes[index] as never;
    const problem = entryProblem(item);
    if (problem) fail(node, problem);
    const entry = item as ProgrammeEntry;
    if (entry.ref !== undefined) {
      const other = owner.get(entry.ref);
      if (other !== undefined) fail(node, `entry ${entry.uid}: ref "${entry.ref}" is also entry ${other}'s`);
      owner.set(entry.ref, entry.uid);
    }
    return entry;
  });
  const text_ = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  // A file written before refs gets them here, in file order, so two reads agree; the next write keeps them.
  return { timezone: text_(data.timezone), source: text_(data.source), entries: assignRefs(entries) };
}

function entryProblem(item: unknown): string | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'an entry is not a map';
  const entry = item as Record<string, unknown>;
  const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
  const textOrNull = (value: unknown) => value === null || value === undefined || typeof value === 'string';
  const textList = (value: unknown) => Array.isArray(value) && value.every((one) => typeof one === 'string');
  if (!isText(entry.uid)) return 'an entry has no uid';
  const what = `entry ${String(entry.uid)}`;
  if (entry.ref !== undefined && !(typeof entry.ref === 'string' && isRefText(entry.ref)))
    return `${what}: ref "${String(entry.ref)}" is not 1 to 6 lower-case letters and digits, starting with a letter`;
  if (!isText(entry.title)) return `${what}: no title`;
  if (typeof entry.all_day !== 'boolean') return `${what}: all_day is not true or false`;
  for (const key of ['start', 'end'] as const) {
    const value = entry[key];
    const ok =
      typeof value === 'string' &&
      isStoredDay(value.slice(0, 10)) &&
      (entry.all_day
        ? value.length === 10
        : /^.{10}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(value) && !Number.isNaN(Date.parse(value)));
    if (!ok)
      return `${what}: ${key} "${String(value)}" is not ${entry.all_day ? 'a date (YYYY-MM-DD)' : 'an ISO 8601 time with its offset'}`;
  }
  for (const key of ['room', 'track', 'url', 'abstract'] as const)
    if (!textOrNull(entry[key])) return `${what}: ${key} is not text`;
  for (const key of ['tags', 'speakers'] as const)
    if (!textList(entry[key])) return `${what}: ${key} is not a list of text`;
  for (const key of ['subtitle', 'type', 'language', 'description'] as const)
    if (!textOrNull(entry[key])) return `${what}: ${key} is not text`;
  const isLink = (link: unknown) =>
    !!link &&
    typeof link === 'object' &&
    isText((link as EntryLink).title) &&
    isText((link as EntryLink).url);
  if (entry.links !== undefined && !(Array.isArray(entry.links) && entry.links.every(isLink)))
    return `${what}: links is not a list of title and url`;
  if (!ENTRY_STATUSES.includes(entry.status as EntryStatus))
    return `${what}: status "${String(entry.status)}" is not one of ${ENTRY_STATUSES.join(', ')}`;
  if (typeof entry.starred !== 'boolean') return `${what}: starred is not true or false`;
  for (const key of ['room', 'track', 'url', 'abstract'] as const) entry[key] ??= null;
  return null;
}

/**
 * Changes the stored programme under its lock and writes it atomically (a new
 * file is created exclusively). `change` gets the current programme (null when
 * none) and returns the new one, or null to leave the file alone. Entries
 * are checked as the reader checks them: a programme the next command could
 * not read is never written. Returns whether the file was written.
 */
export function updateProgramme(
  ws: Workspace,
  conference: Conference,
  change: (current: Programme | null) => ProgrammeToWrite | null,
): boolean {
  const file = programmeFile(conference);
  const shown = relativeToWorkspace(ws, file);
  if (!storedFileExists(ws, file, shown)) {
    const next = change(null);
    if (!next) return false;
    try {
      createExclusive(file, checkedText(next, shown));
      return true;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      // Someone imported meanwhile: apply the change to theirs (a regular file too), under the lock.
      storedFileExists(ws, file, shown);
    }
  }
  const written = rewrite(file, (old) => {
    const next = change(parseProgrammeText(old, shown));
    return next ? checkedText(next, shown) : null;
  });
  return written !== null;
}

/**
 * The text of `programme`, once every entry has passed the check the reader
 * makes (what the yaml library writes from valid values reads back the same;
 * a test holds it to that), so that no command is left unable to read it.
 */
function checkedText(programme: ProgrammeToWrite, shown: string): string {
  const refs = new Set<string>();
  for (const entry of programme.entries) {
    let problem = entryProblem({ ...entry });
    if (!problem && entry.ref !== undefined && refs.has(entry.ref))
      problem = `entry ${entry.uid}: ref "${entry.ref}" is another entry's too`;
    if (problem) throw new ConfnotesError(`${shown}: not written, it would not read back: ${problem}`);
    if (entry.ref !== undefined) refs.add(entry.ref);
  }
  return programmeText(programme);
}
