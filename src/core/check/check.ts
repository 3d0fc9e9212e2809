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
import { CONFERENCE_FILE, conferenceSlugs, readConference } from '../workspace/conference.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CheckRule, Finding, ParsedNote, ProgrammeRef, ProgrammeSubject, Rule } from './rule.js';
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
  linkedNotes: Map<string, ParsedNote>;
}

export interface CheckOptions {
  /** Conferences to check (default: all). */
  slugs?: string[];
  /** Also look for notes outside any conference folder (default: true). */
  workspaceWide?: boolean;
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
        fixable: rule.fixable,
      });
    }
  }
}

/** Checks the workspace (or some of its conferences). Reads only; never writes. */
export function checkWorkspace(ws: Workspace, options: CheckOptions = {}): CheckResult {
  const slugs = options.slugs ?? conferenceSlugs(ws);
  const problems: CheckProblem[] = [];
  for (const slug of slugs) {
    const subject = conferenceSubject(ws, slug);
    run(rulesOf('conference'), subject, subject.path, problems);
  }
  const { files, problems: walkProblems } = noteFiles(ws, slugs);
  const notes = files.map((file) => fileSubject(ws, file));
  const programmeRefs: ProgrammeRef[] = [];
  const linkedNotes = new Map<string, ParsedNote>();
  for (const note of notes) {
    run(rulesOf('note'), note, note.path, problems);
    const uid = optionalText(note.note?.data.programme);
    if (uid && note.note) {
      const line = keyLine(note.note.yaml, 'programme');
      programmeRefs.push({ path: note.path, slug: note.path.split('/')[0]!, uid, line });
      linkedNotes.set(note.path, note.note);
    }
  }
  const workspace = { ws, notes, walkProblems, workspaceWide: options.workspaceWide ?? true };
  run(rulesOf('workspace'), workspace, '', problems);
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
  notes?: ReadonlyMap<string, ParsedNote>,
): Promise<CheckProblem[]> {
  const { displayZone, readProgramme } = await import('../programme/programme.js');
  const problems: CheckProblem[] = [];
  for (const slug of slugs) {
    const subject: ProgrammeSubject = {
      slug,
      uids: null,
      refs: refs.filter((ref) => ref.slug === slug),
      notes,
    };
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
