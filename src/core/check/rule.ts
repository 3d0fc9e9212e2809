/**
 * The shape of a `check` rule (as eslint's and remark-lint's): an id, a
 * severity, whether `--fix` repairs it, and a pure `check` over one subject
 * (a note, a conference, the workspace, a conference's programme) that
 * returns findings; a fixable rule also has `fix`, which returns splices.
 * The rules live in rules/, one module each, registered in rules/index.ts.
 */
import type { NoteFileError } from '../../errors.js';
import type { FrontMatterError, SplitNote } from '../front-matter/front-matter.js';
import type { FrontMatterSource, Splice } from '../front-matter/splice.js';
import type { ProgrammeEntry } from '../programme/programme-model.js';
import type { Workspace } from '../workspace/workspace.js';

/** Every rule id: the `rule` of a problem in `check`'s output and `--json` (a contract). */
export const CHECK_RULES = [
  'unreadable',
  'front-matter',
  'broken-yaml',
  'missing-field',
  'unknown-field',
  'invalid-value',
  'invalid-date',
  'invalid-time',
  'end-before-start',
  'outside-conference',
  'duplicate-id',
  'tag-not-normalised',
  'key-whitespace',
  'link-not-url',
  'flat-link-not-url',
  'conference',
  'programme',
  'programme-entry-missing',
  'programme-changed',
  'programme-cancelled',
  'private-marker',
  'nested-links',
  'private-not-hidden',
  'conference-url',
  'outside-dates',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

/** `error`: what the rule finds keeps a file from being read (or a field from being believed); `warning`: it is read, perhaps not as meant. */
export type Severity = 'error' | 'warning';

/** One thing a rule found. `path` defaults to the subject's. */
export interface Finding {
  path?: string;
  /** 1-based file line, or null when it is about the whole file. */
  line: number | null;
  message: string;
  /** False for a finding of a fixable rule that its fix leaves alone (it would have to guess). */
  fixable?: boolean;
}

/** A note as the rules see it: read and parsed as far as it would go. */
export interface NoteSubject {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** Why the file could not be read as text. */
  unreadable?: NoteFileError;
  /** Why its front matter could not be found or parsed. */
  broken?: FrontMatterError;
  /** The parsed front matter (present when neither of the above). */
  note?: ParsedNote;
}

/** Notes' front matter by workspace-relative path (a Map will do; check reads cached notes only when asked). */
export interface NoteLookup {
  get(path: string): ParsedNote | undefined;
}

export interface ParsedNote extends FrontMatterSource {
  data: SplitNote['data'];
  split: SplitNote;
}

export interface ConferenceSubject {
  slug: string;
  /** conference.md, workspace-relative. */
  path: string;
  /** What readConference refused, if anything. */
  error?: NoteFileError;
  /** conference.md parsed, when it parses, and its text. */
  split?: SplitNote;
  text?: string;
  /** conference.md's front matter with positions, for fixes. */
  note?: ParsedNote;
}

export interface WorkspaceSubject {
  ws: Workspace;
  notes: NoteSubject[];
  /** What the walker could not look at (folders, links). */
  walkProblems: NoteFileError[];
  /** Look for notes outside every conference too. */
  workspaceWide: boolean;
}

/** A note that points at a programme entry (`programme: <uid>`). */
export interface ProgrammeRef {
  path: string;
  line: number;
  uid: string;
  /** The conference folder the note is in. */
  slug: string;
}

export interface ProgrammeSubject {
  slug: string;
  /** The entries' uids; null when the conference has no programme. */
  uids: Set<string> | null;
  /** The entries by uid, and the zone their times are shown in (when the programme reads). */
  entries?: ReadonlyMap<string, ProgrammeEntry>;
  zone?: string | null;
  /** The referring notes' front matter by path, for the rules that compare a note with its entry. */
  notes?: NoteLookup;
  /** Why programme.yml could not be read; `conference` when conference.md is to blame (reported elsewhere). */
  failure?: Finding | 'conference';
  refs: ProgrammeRef[];
}

export interface FixResult {
  splices: Splice[];
  /** One line per repair, for the user. */
  changes: string[];
}

interface RuleBase<S> {
  id: CheckRule;
  severity: Severity;
  check(subject: S): Finding[];
}

export interface NoteRule extends RuleBase<NoteSubject> {
  scope: 'note';
  fixable: boolean;
  /** Splices (into the YAML text) that repair what `check` finds. */
  fix?(note: ParsedNote): FixResult;
}

export interface ConferenceRule extends RuleBase<ConferenceSubject> {
  scope: 'conference';
  fixable: boolean;
  /** Splices (into conference.md's YAML text) that repair what `check` finds. */
  fix?(note: ParsedNote): FixResult;
}

export interface WorkspaceRule extends RuleBase<WorkspaceSubject> {
  scope: 'workspace';
  fixable: false;
}

/** The programme entry a note follows (`programme: <uid>`) and the zone its times are shown in. */
export type FollowLookup = (uid: string) => { entry: ProgrammeEntry; zone: string | null } | undefined;

/** A programme rule's repair: the whole text, set field by field (splice.ts `setField`). */
export interface FollowFix {
  text: string;
  changes: string[];
  /** The fields set and their new values, for fix.ts's reading-back test. */
  set: Record<string, unknown>;
}

export interface ProgrammeRule extends RuleBase<ProgrammeSubject> {
  scope: 'programme';
  fixable: boolean;
  /** Repairs a note (read as `note`, now `text` after the note rules' fixes) from its programme entry. */
  fix?(note: ParsedNote, text: string, follow: FollowLookup): FollowFix;
}

export type Rule = NoteRule | ConferenceRule | WorkspaceRule | ProgrammeRule;
