/**
 * `confnotes check`: runs every rule (rules/index.ts) over the notes, each
 * conference.md and each programme.yml, and gathers the problems, each with
 * its file, line and a one-line explanation. Reading never changes a file;
 * the repairs (fix.ts) only compute a new text, which the command writes
 * through safe-write's `rewrite`.
 */
import { NoteFileError } from '../../errors.js';
import { noteFiles } from '../note/note-files.js';
import { keyLine } from '../front-matter/splice.js';
import { optionalText } from '../note/schema.js';
import fs from 'node:fs';
import path from 'node:path';
import { CONFERENCE_FILE, conferenceDir, conferenceSlugs, readConference } from '../workspace/conference.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';
import { statStamp } from '../note/note-cache.js';
import { type CheckedFile, type ConferenceCheckCache, openCheckCache } from './check-cache.js';
import type {
  CheckRule,
  Finding,
  NoteLookup,
  NoteSubject,
  ParsedNote,
  ProgrammeRef,
  ProgrammeSubject,
  Rule,
} from './rule.js';
import { rulesOf } from './rules/index.js';
import type { FixLookup, FollowLookup } from './fix.js';
import { conferenceSubject, fileSubject, noteSubject } from './subjects.js';

export type { CheckRule, ProgrammeRef } from './rule.js';
export { fixText, type FixLookup, type FixResult, type FollowLookup } from './fix.js';
export { nearMiss } from './rules/unknown-field.js';
export { outsideConference } from './rules/outside-conference.js';
export { isUrl, KNOWN_FIELDS } from '../note/schema.js';

export interface CheckProblem {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** 1-based file line, or null when the problem is the whole file. */
  line: number | null;
  rule: CheckRule;
  message: string;
  /** `check --fix` repairs it. */
  fixable: boolean;
}

export interface CheckResult {
  /** Files looked at (notes and conference.md files). */
  checked: number;
  problems: CheckProblem[];
  /** Notes started from a programme entry (`programme: <uid>`), for checkProgrammes. */
  programmeRefs: ProgrammeRef[];
  /** Those notes' front matter by path, for checkProgrammes to compare them with their entries. */
  linkedNotes: NoteLookup;
}

export interface CheckOptions {
  /** Conferences to check (default: all). */
  slugs?: string[];
  /** Also look for notes outside any conference folder (default: true). */
  workspaceWide?: boolean;
  /** Reuse and refresh the check cache in `.confnotes/check-cache/` (default: false); `now` as in the note cache. */
  cache?: boolean | { now?: number };
}

/** Runs rules over one subject; a finding without a path is about `path`. */
function run<S>(rules: readonly Rule[], subject: S, path: string, into: CheckProblem[]): void {
  for (const rule of rules) {
    for (const found of (rule.check as (subject: S) => Finding[])(subject)) {
      into.push({
        path: found.path ?? path,
        line: found.line,
        rule: rule.id,
        message: found.message,
        fixable: rule.fixable && found.fixable !== false,
      });
    }
  }
}

/**
 * Workspace rules whose findings about a note depend on that note alone (and
 * its conference.md): run on each note by itself, so what they find can be
 * kept with the note's own problems in the check cache. The others (duplicate
 * ids, files outside conferences) look across notes and always run afresh.
 */
const ONE_NOTE_RULES: ReadonlySet<CheckRule> = new Set(['outside-dates', 'unreadable']);

/** Everything `check` finds about one note file by itself, and its programme uid. */
function checkOneNote(ws: Workspace, file: string): CheckedFile & { subject: NoteSubject } {
  const subject = fileSubject(ws, file);
  const problems: CheckProblem[] = [];
  run(rulesOf('note'), subject, subject.path, problems);
  const alone = { ws, notes: [subject], walkProblems: [], workspaceWide: false };
  run(
    rulesOf('workspace').filter((rule) => ONE_NOTE_RULES.has(rule.id)),
    alone,
    subject.path,
    problems,
  );
  const uid = optionalText(subject.note?.data.programme);
  const programme = uid && subject.note ? { uid, line: keyLine(subject.note.yaml, 'programme') } : null;
  return { subject, problems, programme };
}

/**
 * Notes linked to a programme entry, for the rules that compare them with it:
 * the front matter of those parsed in this run; a note the check cache
 * answered for is read only when a rule asks for it.
 */
class LinkedNotes implements NoteLookup {
  readonly #ws: Workspace;
  readonly #notes = new Map<string, ParsedNote>();
  readonly #files = new Map<string, string>();
  constructor(ws: Workspace) {
    this.#ws = ws;
  }
  parsed(rel: string, note: ParsedNote): void {
    this.#notes.set(rel, note);
  }
  unparsed(rel: string, file: string): void {
    this.#files.set(rel, file);
  }
  get(rel: string): ParsedNote | undefined {
    const file = this.#files.get(rel);
    if (file !== undefined && !this.#notes.has(rel)) {
      const note = fileSubject(this.#ws, file).note;
      if (note) this.#notes.set(rel, note);
    }
    return this.#notes.get(rel);
  }
}

/** Checks the workspace (or some of its conferences). Reads only notes; writes at most its own cache. */
export function checkWorkspace(ws: Workspace, options: CheckOptions = {}): CheckResult {
  const slugs = options.slugs ?? conferenceSlugs(ws);
  const problems: CheckProblem[] = [];
  const caches = options.cache
    ? openCheckCache(ws, options.cache === true ? undefined : options.cache.now)
    : null;
  const cacheOf = new Map<string, ConferenceCheckCache>();
  for (const slug of slugs) {
    const cache = caches?.conference(slug, statStamp(path.join(conferenceDir(ws, slug), CONFERENCE_FILE)));
    if (cache) cacheOf.set(slug, cache);
    const known = cache?.conferenceProblems();
    if (known) {
      problems.push(...known);
      cache!.rememberConference(known);
      continue;
    }
    const subject = conferenceSubject(ws, slug);
    const found: CheckProblem[] = [];
    run(rulesOf('conference'), subject, subject.path, found);
    cache?.rememberConference(found);
    problems.push(...found);
  }
  const { files, problems: walkProblems } = noteFiles(ws, slugs);
  const notes: NoteSubject[] = [];
  const programmeRefs: ProgrammeRef[] = [];
  const linkedNotes = new LinkedNotes(ws);

  const prefix = ws.root.endsWith(path.sep) ? ws.root : ws.root + path.sep;
  for (const file of files) {
    // noteFiles joins names onto ws.root, so a slice gives what path.relative would (see scanEntries).
    const rel =
      file.startsWith(prefix) && path.sep === '/' ? file.slice(prefix.length) : relativeToWorkspace(ws, file);
    const slug = rel.split('/')[0]!;
    const cache = cacheOf.get(slug);
    // Stamp before reading: a change made while the note is read leaves a stamp that no longer matches.
    const stamp = cache ? statStamp(file) : null;
    let checked: CheckedFile | null = cache ? cache.note(rel, stamp) : null;
    if (checked) {
      notes.push({ path: rel });
      if (checked.programme) linkedNotes.unparsed(rel, file);
    } else {
      const fresh = checkOneNote(ws, file);
      notes.push(fresh.subject);
      cache?.rememberNote(rel, stamp, fresh);
      checked = fresh;
      if (fresh.programme && fresh.subject.note) linkedNotes.parsed(rel, fresh.subject.note);
    }
    problems.push(...checked.problems);
    if (checked.programme) programmeRefs.push({ path: rel, slug, ...checked.programme });
  }
  // The cross-note rules see every note (only duplicate-id looks at them: by path); the one-note rules the walk.
  const crossNote = rulesOf('workspace').filter((rule) => !ONE_NOTE_RULES.has(rule.id));
  const workspaceWide = options.workspaceWide ?? true;
  run(crossNote, { ws, notes, walkProblems, workspaceWide }, '', problems);
  const oneNote = rulesOf('workspace').filter((rule) => ONE_NOTE_RULES.has(rule.id));
  run(oneNote, { ws, notes: [], walkProblems, workspaceWide }, '', problems);
  caches?.save();
  sortProblems(problems);
  return { checked: slugs.length + files.length, problems, programmeRefs, linkedNotes };
}

/** Every problem of one note's text, in the order of its lines. `rel` names it in messages. */
export function checkNoteText(source: string, rel: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  run(rulesOf('note'), noteSubject(rel, source), rel, problems);
  return sortProblems(problems);
}

/** By path, line, then rule, in English order whatever the machine's locale. */
export function sortProblems(problems: CheckProblem[]): CheckProblem[] {
  return problems.sort(
    (a, b) =>
      a.path.localeCompare(b.path, 'en') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule, 'en'),
  );
}

/**
 * Each conference's programme.yml must read, and every note started from a
 * programme entry must point at an entry that exists (and, given the notes'
 * front matter, still say what the entry says). The programme module
 * (and its YAML parser) is imported only here, when `check` runs: a dynamic
 * import keeps it out of the chunks of the other commands, hence async.
 */
export async function checkProgrammes(
  ws: Workspace,
  slugs: string[],
  refs: ProgrammeRef[],
  notes?: NoteLookup,
): Promise<CheckProblem[]> {
  const { displayZone, readProgramme, PROGRAMME_FILE } = await import('../programme/programme.js');
  const problems: CheckProblem[] = [];
  const refsOf = new Map<string, ProgrammeRef[]>();
  for (const ref of refs) refsOf.set(ref.slug, [...(refsOf.get(ref.slug) ?? []), ref]);
  for (const slug of slugs) {
    const subject: ProgrammeSubject = { slug, uids: null, refs: refsOf.get(slug) ?? [], notes };
    // No note points at an entry and there is no programme.yml at all: nothing any rule could find.
    const file = path.join(conferenceDir(ws, slug), PROGRAMME_FILE);
    if (subject.refs.length === 0 && !fs.lstatSync(file, { throwIfNoEntry: false })) continue;
    try {
      const conference = readConference(ws, slug);
      const programme = readProgramme(ws, conference);
      subject.uids = programme ? new Set(programme.entries.map((entry) => entry.uid)) : null;
      if (programme) {
        subject.entries = new Map(programme.entries.map((entry) => [entry.uid, entry]));
        subject.zone = displayZone(conference, programme);
      }
    } catch (error) {
      subject.failure = programmeFailure(slug, error);
    }
    run(rulesOf('programme'), subject, `${slug}/programme.yml`, problems);
  }
  return problems;
}

/**
 * For `check --fix`: the programme entry a note of these conferences follows,
 * by the note's path and its `programme:` uid (programme-changed). A
 * programme that does not read follows nothing (check reports it).
 */
export async function followLookup(ws: Workspace, slugs: string[]): Promise<FixLookup> {
  const { displayZone, readProgramme } = await import('../programme/programme.js');
  const bySlug = new Map<string, FollowLookup>();
  for (const slug of slugs) {
    try {
      const conference = readConference(ws, slug);
      const programme = readProgramme(ws, conference);
      if (!programme) continue;
      const zone = displayZone(conference, programme);
      const entries = new Map(programme.entries.map((entry) => [entry.uid, entry]));
      bySlug.set(slug, (uid) => {
        const entry = entries.get(uid);
        return entry ? { entry, zone } : undefined;
      });
    } catch {
      // Reported by checkProgrammes.
    }
  }
  return (rel) => bySlug.get(rel.split('/')[0]!);
}

function programmeFailure(slug: string, error: unknown): Finding | 'conference' {
  if (error instanceof NoteFileError) {
    // conference.md's problems are reported by checkWorkspace.
    if (error.file.endsWith(CONFERENCE_FILE)) return 'conference';
    return { path: error.file, line: error.line ?? null, message: error.reason };
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) throw error;
  return { path: `${slug}/programme.yml`, line: null, message: `cannot read: ${code}` };
}
