/**
 * `confnotes check`: every problem of a workspace, each with its file, line
 * and a one-line explanation, and the few repairs that are safe to make
 * without asking (tag normalisation, white space around front-matter keys).
 *
 * Reading never changes a file; `fixText` only computes a new text, which the
 * command writes through safe-write's `rewrite`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { NoteFileError } from '../../errors.js';
import {
  CONFERENCE_FILE,
  conferenceDir,
  conferenceSlugs,
  readConference,
  RESERVED_FOLDERS,
} from '../workspace/conference.js';
import { FrontMatterError, splitNote, type SplitNote } from '../front-matter/front-matter.js';
import { isNoteType, isValidDate, isValidTime, minutesOf, NOTE_FIELDS } from '../note/note.js';
import { NOTE_TYPES } from '../note/note-types.js';
import { normaliseTag } from '../slug.js';
import { noteFiles, readNoteText } from '../note/store.js';
import { renderTag } from '../front-matter/tag-edit.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';

export type CheckRule =
  | 'unreadable'
  | 'front-matter'
  | 'broken-yaml'
  | 'missing-field'
  | 'unknown-field'
  | 'invalid-value'
  | 'invalid-date'
  | 'invalid-time'
  | 'end-before-start'
  | 'outside-conference'
  | 'duplicate-id'
  | 'tag-not-normalised'
  | 'key-whitespace'
  | 'link-not-url'
  | 'conference'
  | 'programme'
  | 'programme-entry-missing';

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
}

export interface ProgrammeRef {
  path: string;
  line: number;
  uid: string;
  /** The conference folder the note is in. */
  slug: string;
}

export interface CheckOptions {
  /** Conferences to check (default: all). */
  slugs?: string[];
  /** Also look for notes outside any conference folder (default: true). */
  workspaceWide?: boolean;
}

/** The fields of the note model. Any other field is the user's own and is kept; see `nearMiss`. */
// `favorite` is read as `favourite` (note.ts), so it is known too.
export const KNOWN_FIELDS = [...NOTE_FIELDS, 'favorite'] as const;
const KNOWN = new Set<string>(KNOWN_FIELDS);

/** Schemes that are never accepted as a note's link: they run code or hide content. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/** Checks the workspace (or some of its conferences). Reads only; never writes. */
export function checkWorkspace(ws: Workspace, options: CheckOptions = {}): CheckResult {
  const slugs = options.slugs ?? conferenceSlugs(ws);
  const problems: CheckProblem[] = [];
  let checked = 0;
  for (const slug of slugs) {
    checked++;
    try {
      readConference(ws, slug);
    } catch (error) {
      if (!(error instanceof NoteFileError)) throw error;
      problems.push({
        path: error.file,
        line: error.line ?? null,
        rule: 'conference',
        message: error.reason,
        fixable: false,
      });
    }
    problems.push(...checkConferenceDates(ws, slug));
  }
  const { files, problems: found } = noteFiles(ws, slugs);
  for (const problem of found)
    problems.push({
      path: problem.file,
      line: problem.line ?? null,
      rule: 'unreadable',
      message: problem.reason,
      fixable: false,
    });
  const ids = new Map<string, string[]>();
  const programmeRefs: ProgrammeRef[] = [];
  for (const file of files) {
    checked++;
    const rel = relativeToWorkspace(ws, file);
    const id = path.basename(file).replace(/\.md$/i, '');
    ids.set(id, [...(ids.get(id) ?? []), rel]);
    let text: string;
    try {
      text = readNoteText(file, rel);
    } catch (error) {
      if (!(error instanceof NoteFileError)) throw error;
      problems.push({
        path: rel,
        line: error.line ?? null,
        rule: 'unreadable',
        message: error.reason,
        fixable: false,
      });
      continue;
    }
    const analysed = analyseNote(text, rel);
    problems.push(...analysed.problems);
    if (analysed.programme)
      programmeRefs.push({ path: rel, slug: rel.split('/')[0]!, ...analysed.programme });
  }
  for (const [id, paths] of ids) {
    if (paths.length < 2) continue;
    for (const rel of paths) {
      const others = paths.filter((other) => other !== rel);
      problems.push({
        path: rel,
        line: null,
        rule: 'duplicate-id',
        message: `id "${id}" is also used by ${others.join(', ')}: rename one of the files`,
        fixable: false,
      });
    }
  }
  if (options.workspaceWide ?? true) problems.push(...notesOutsideConferences(ws));
  sortProblems(problems);
  return { checked, problems, programmeRefs };
}

export function sortProblems(problems: CheckProblem[]): CheckProblem[] {
  return problems.sort(
    (a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule),
  );
}

/**
 * Each conference's programme.yml must read, and every note started from a
 * programme entry (`programme: <uid>`) must point at an entry that exists.
 * Separate and asynchronous: the programme module loads its YAML lazily.
 */
export async function checkProgrammes(
  ws: Workspace,
  slugs: string[],
  refs: ProgrammeRef[],
): Promise<CheckProblem[]> {
  const { readProgramme } = await import('../programme/programme.js');
  const problems: CheckProblem[] = [];
  for (const slug of slugs) {
    let uids: Set<string> | null = null;
    let broken = false;
    try {
      const programme = await readProgramme(ws, readConference(ws, slug));
      uids = programme ? new Set(programme.entries.map((entry) => entry.uid)) : null;
    } catch (error) {
      if (!(error instanceof NoteFileError)) {
        const code = (error as NodeJS.ErrnoException).code;
        if (!code) throw error;
        problems.push({
          path: `${slug}/programme.yml`,
          line: null,
          rule: 'programme',
          message: `cannot read: ${code}`,
          fixable: false,
        });
      } else if (!error.file.endsWith(CONFERENCE_FILE)) {
        problems.push({
          path: error.file,
          line: error.line ?? null,
          rule: 'programme',
          message: error.reason,
          fixable: false,
        });
      }
      broken = true; // conference.md problems are reported by checkWorkspace
    }
    if (broken) continue;
    for (const ref of refs.filter((one) => one.slug === slug)) {
      if (uids?.has(ref.uid)) continue;
      const message = uids
        ? `programme entry "${ref.uid}" is not in ${slug}/programme.yml (removed from the schedule?)`
        : `points at programme entry "${ref.uid}", but ${slug} has no programme; import it with: confnotes import`;
      problems.push({
        path: ref.path,
        line: ref.line,
        rule: 'programme-entry-missing',
        message,
        fixable: false,
      });
    }
  }
  return problems;
}

/** conference.md's own dates: readConference checks each one, not their order. */
function checkConferenceDates(ws: Workspace, slug: string): CheckProblem[] {
  const file = path.join(conferenceDir(ws, slug), CONFERENCE_FILE);
  const rel = relativeToWorkspace(ws, file);
  let split: SplitNote;
  try {
    split = splitNote(readNoteText(file, rel));
  } catch {
    return []; // reported by readConference already
  }
  const start = text(split.data.start);
  const end = text(split.data.end);
  if (start && end && isValidDate(start) && isValidDate(end) && end < start) {
    return [
      {
        path: rel,
        line: keyLineOf(split, 'end'),
        rule: 'end-before-start',
        message: `end ${end} is before start ${start}`,
        fixable: false,
      },
    ];
  }
  return [];
}

/** Every problem of one note's text. `rel` names it in messages. */
export function checkNoteText(source: string, rel: string): CheckProblem[] {
  return analyseNote(source, rel).problems;
}

function analyseNote(
  source: string,
  rel: string,
): { problems: CheckProblem[]; programme?: { uid: string; line: number } } {
  const problems: CheckProblem[] = [];
  const add = (line: number | null, rule: CheckRule, message: string, fixable = false) =>
    problems.push({ path: rel, line, rule, message, fixable });
  if (source.trim() === '') {
    add(1, 'front-matter', 'empty file: a note starts with a line "---", then YAML, then "---"');
    return { problems };
  }
  let split: SplitNote;
  try {
    split = splitNote(source);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    add(
      error.line ?? 1,
      error.message.startsWith('broken YAML') || error.message.includes('nested too deeply')
        ? 'broken-yaml'
        : 'front-matter',
      error.message,
    );
    return { problems };
  }
  const { data } = split;
  const yaml = source.slice(split.bounds.yamlStart, split.bounds.yamlEnd);
  const line = (key: string) => keyLineOf(split, key);

  // Keys: white space around them (fixable), and near misses of known fields.
  const map = isMap(split.yaml.doc.contents) ? (split.yaml.doc.contents as YAMLMap) : null;
  for (const pair of map?.items ?? []) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const keyLine = split.yaml.firstLine + split.yaml.lineCounter.linePos(pair.key.range[0]).line - 1;
    if (keyWhitespace(yaml, pair as Pair<Scalar, unknown>) !== null) {
      add(keyLine, 'key-whitespace', `white space around the key "${pair.key.value.trim()}"`, true);
    }
    const key = pair.key.value.trim();
    if (KNOWN.has(key)) continue;
    const meant = nearMiss(key, new Set(Object.keys(data).map((k) => k.trim())));
    if (meant)
      add(
        keyLine,
        'unknown-field',
        `unknown field "${key}": did you mean "${meant}"? (confnotes does not read "${key}")`,
      );
  }

  const title = text(data.title);
  if (!title) add(line('title'), 'missing-field', 'no title: add a line "title: ..."');

  if (data.type !== undefined && data.type !== null) {
    const type = String(data.type);
    if (!isNoteType(type))
      add(line('type'), 'invalid-value', `unknown type "${type}" (one of ${NOTE_TYPES.join(', ')})`);
  }

  const date = text(data.date);
  if (!date) add(line('date'), 'missing-field', 'no date: add a line "date: YYYY-MM-DD"');
  else if (!isValidDate(date)) add(line('date'), 'invalid-date', `"${date}" is not a date (YYYY-MM-DD)`);

  const start = text(data.start);
  const end = text(data.end);
  const startOk = start !== null && isValidTime(start);
  const endOk = end !== null && isValidTime(end);
  if (start !== null && !startOk)
    add(line('start'), 'invalid-time', `start "${start}" is not a time (HH:MM, 24-hour)`);
  if (end !== null && !endOk) add(line('end'), 'invalid-time', `end "${end}" is not a time (HH:MM, 24-hour)`);
  if (startOk && endOk && minutesOf(end!) < minutesOf(start!))
    add(line('end'), 'end-before-start', `end ${end} is before start ${start}`);

  if (data.rating !== undefined && data.rating !== null && data.rating !== '') {
    const rating = Number(data.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      add(
        line('rating'),
        'invalid-value',
        `rating "${String(data.rating)}" is not a whole number from 1 to 5`,
      );
  }
  for (const key of ['favourite', 'favorite', 'private']) {
    const value = data[key];
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      add(
        line(key),
        'invalid-value',
        `${key} "${String(value)}" is not true or false, so it is read as false`,
      );
    }
  }
  for (const key of ['speakers', 'tags']) {
    const value = data[key];
    if (
      value !== undefined &&
      value !== null &&
      (Array.isArray(value)
        ? value.some((item) => item !== null && typeof item === 'object')
        : typeof value === 'object')
    ) {
      add(line(key), 'invalid-value', `"${key}" is neither a list of names nor a single one`);
    }
  }

  for (const issue of tagIssues(split)) add(issue.line, 'tag-not-normalised', issue.message, true);

  for (const [kind, url, keyName] of linkEntries(data.links)) {
    if (!isUrl(url))
      add(
        line('links'),
        'link-not-url',
        `link${keyName ? ` "${kind}"` : ''} "${url}" is not a URL (e.g. https://example.org/slides)`,
      );
  }
  const uid = text(data.programme);
  return { problems, programme: uid ? { uid, line: line('programme') } : undefined };
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function keyLineOf(split: SplitNote, key: string): number {
  const { doc, lineCounter, firstLine } = split.yaml;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (
        isScalar(pair.key) &&
        typeof pair.key.value === 'string' &&
        pair.key.value.trim() === key &&
        pair.key.range
      ) {
        return firstLine + lineCounter.linePos(pair.key.range[0]).line - 1;
      }
    }
  }
  return firstLine;
}

/** [kind, url, named] for every link, whichever shape `links` has. */
function linkEntries(value: unknown): [string, string, boolean][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value))
    return value
      .map((item, index) => [`link${index + 1}`, String(item ?? ''), false] as [string, string, boolean])
      .filter(([, url]) => url.trim());
  if (typeof value === 'object')
    return Object.entries(value)
      .map(
        ([kind, url]) =>
          [kind, typeof url === 'object' && url !== null ? JSON.stringify(url) : String(url ?? ''), true] as [
            string,
            string,
            boolean,
          ],
      )
      .filter(([, url]) => url.trim());
  return [['link', String(value), false]];
}

export function isUrl(value: string): boolean {
  const trimmed = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /\s/.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    if (UNSAFE_SCHEMES.has(url.protocol)) return false;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * A field the user probably meant as a known one: the same but for case,
 * singular for plural (`tag`, `speaker`, `link`), or one typo away in a name
 * of five letters or more. Not reported when the field it resembles is also
 * present: then both are the user's on purpose.
 */
export function nearMiss(key: string, present: Set<string>): string | null {
  const lower = key.toLowerCase();
  for (const known of KNOWN_FIELDS) {
    if (present.has(known)) continue;
    if (known === 'favorite' || known === 'favourite') {
      if (present.has('favorite') || present.has('favourite')) continue;
    }
    if (lower === known || `${lower}s` === known || (key.length >= 5 && damerau(lower, known) === 1))
      return known;
  }
  return null;
}

function damerau(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Offsets (into the YAML source) of a key's stray white space, and its clean text; null when clean. */
function keyWhitespace(
  source: string,
  pair: Pair<Scalar, unknown>,
): { from: number; to: number; insert: string } | null {
  const key = pair.key;
  const [from, to] = key.range!;
  const raw = source.slice(from, to);
  const value = String(key.value);
  // Between the key and its colon ("tags  :"), only for plain keys.
  const after = source.slice(to);
  const gap = /^[ \t]+:/.exec(after);
  if (value !== value.trim()) {
    const clean = value.trim();
    const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
    const insert = /^[A-Za-z_][\w-]*$/.test(clean) ? clean : `${quote || '"'}${clean}${quote || '"'}`;
    return { from, to: gap ? to + gap[0].length - 1 : to, insert };
  }
  if (gap) return { from: to, to: to + gap[0].length - 1, insert: '' };
  return null;
}

interface TagIssue {
  line: number;
  message: string;
  /** The tag's scalar, and what it should be ('' to drop it). */
  item: Scalar;
  want: string;
}

function tagIssues(split: SplitNote): TagIssue[] {
  const map = isMap(split.yaml.doc.contents) ? (split.yaml.doc.contents as YAMLMap) : null;
  const pair = map?.items.find(
    (item) => isScalar(item.key) && typeof item.key.value === 'string' && item.key.value.trim() === 'tags',
  );
  const value = pair?.value as Node | null | undefined;
  if (!value) return [];
  const items: Scalar[] = isSeq(value)
    ? (value.items as Node[]).filter(isScalar)
    : isScalar(value)
      ? [value]
      : [];
  const seen = new Set<string>();
  const issues: TagIssue[] = [];
  for (const item of items) {
    if (item.value === null || item.value === '') {
      if (isSeq(value))
        issues.push({ line: lineOfNode(split, item), message: 'an empty tag', item, want: '' });
      continue;
    }
    const raw = String(item.value);
    const want = normaliseTag(raw);
    const line = lineOfNode(split, item);
    if (!want)
      issues.push({
        line,
        message: `tag "${raw}" has nothing left once normalised; it would be dropped`,
        item,
        want: '',
      });
    else if (seen.has(want)) issues.push({ line, message: `tag "${raw}" repeats "${want}"`, item, want: '' });
    else if (want !== raw || typeof item.value !== 'string')
      issues.push({ line, message: `tag "${raw}" is not normalised: "${want}"`, item, want });
    if (want) seen.add(want);
  }
  return issues;
}

function lineOfNode(split: SplitNote, node: Node): number {
  return split.yaml.firstLine + split.yaml.lineCounter.linePos(node.range?.[0] ?? 0).line - 1;
}

export interface FixResult {
  text: string;
  /** One line per repair, for the user. */
  changes: string[];
}

/**
 * Repairs what is safe to repair in a note's text: tags normalised (empty and
 * repeated ones dropped) and white space around keys removed, by splicing
 * only those bytes. Everything else is kept byte for byte. The result is
 * parsed again and must hold the same fields but for those repairs;
 * otherwise the text is returned unchanged.
 */
export function fixText(source: string): FixResult {
  let split: SplitNote;
  try {
    split = splitNote(source);
  } catch {
    return { text: source, changes: [] };
  }
  const yaml = source.slice(split.bounds.yamlStart, split.bounds.yamlEnd);
  const splices: { from: number; to: number; insert: string }[] = [];
  const changes: string[] = [];
  const map = isMap(split.yaml.doc.contents) ? (split.yaml.doc.contents as YAMLMap) : null;
  for (const pair of map?.items ?? []) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const splice = keyWhitespace(yaml, pair as Pair<Scalar, unknown>);
    if (splice) {
      splices.push(splice);
      changes.push(`line ${lineOfNode(split, pair.key)}: key "${pair.key.value.trim()}" without white space`);
    }
  }
  const issues = tagIssues(split);
  if (issues.length > 0) {
    const tagsPair = map!.items.find(
      (item) => isScalar(item.key) && typeof item.key.value === 'string' && item.key.value.trim() === 'tags',
    )!;
    const value = tagsPair.value as Node;
    splices.push(...tagSplices(yaml, value, issues));
    for (const issue of issues) {
      changes.push(
        `line ${issue.line}: ${issue.want ? `tag "${String(issue.item.value)}" → "${issue.want}"` : `tag "${String(issue.item.value ?? '')}" dropped`}`,
      );
    }
  }
  if (splices.length === 0) return { text: source, changes: [] };
  let next = yaml;
  for (const splice of splices.sort((a, b) => b.from - a.from))
    next = next.slice(0, splice.from) + splice.insert + next.slice(splice.to);
  const text = source.slice(0, split.bounds.yamlStart) + next + source.slice(split.bounds.yamlEnd);
  return sameButRepaired(split, text) ? { text, changes } : { text: source, changes: [] };
}

function tagSplices(
  yaml: string,
  value: Node,
  issues: TagIssue[],
): { from: number; to: number; insert: string }[] {
  const byItem = new Map(issues.map((issue) => [issue.item, issue.want]));
  if (isScalar(value)) {
    const want = byItem.get(value) ?? '';
    return [{ from: value.range![0], to: value.range![1], insert: want ? renderTag(want) : '[]' }];
  }
  if (!isSeq(value)) return [];
  const items = (value.items as Node[]).filter(isScalar);
  if (value.flow) {
    if (items.length === 0) return [];
    // Rebuild the span from the first item to the last, each kept item with the separator before it.
    let kept = '';
    items.forEach((item, index) => {
      const want = byItem.has(item) ? byItem.get(item)! : null;
      if (want === '') return;
      const own = want === null ? yaml.slice(item.range![0], item.range![1]) : renderTag(want);
      const separator = index === 0 ? '' : yaml.slice(items[index - 1]!.range![1], item.range![0]);
      kept += (kept ? separator || ', ' : '') + own;
    });
    return [{ from: items[0]!.range![0], to: items[items.length - 1]!.range![1], insert: kept }];
  }
  const lineStart = (offset: number) => yaml.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const end = yaml.indexOf('\n', offset);
    return end === -1 ? yaml.length : end + 1;
  };
  const splices: { from: number; to: number; insert: string }[] = [];
  for (const item of items) {
    if (!byItem.has(item)) continue;
    const want = byItem.get(item)!;
    // A tag is replaced in place; an empty or repeated one loses its whole line.
    if (want) splices.push({ from: item.range![0], to: item.range![1], insert: renderTag(want) });
    else splices.push({ from: lineStart(item.range![0]), to: lineEnd(item.range![1]), insert: '' });
  }
  // Dropping every item of a block list would leave "tags:" (null): fine, it reads as no tags.
  return splices;
}

/** The repaired text must read as the same note but for tags (normalised) and keys (trimmed). */
function sameButRepaired(before: SplitNote, text: string): boolean {
  let after: SplitNote;
  try {
    after = splitNote(text);
  } catch {
    return false;
  }
  const clean = (data: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) out[key.trim()] = value;
    const tags = out.tags;
    const list = tags === undefined || tags === null ? [] : Array.isArray(tags) ? tags : [tags];
    out.tags = [
      ...new Set(
        list
          .filter((tag) => tag !== null && tag !== '')
          .map((tag) => normaliseTag(String(tag)))
          .filter(Boolean),
      ),
    ];
    return out;
  };
  return (
    JSON.stringify(clean(before.data)) === JSON.stringify(clean(after.data)) && after.body === before.body
  );
}

/**
 * Markdown files that no listing sees: at the top of the workspace (but
 * README.md) or in a folder without a conference.md.
 */
export function notesOutsideConferences(ws: Workspace): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const conferences = new Set(conferenceSlugs(ws));
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(ws.root, { withFileTypes: true });
  } catch {
    return problems;
  }
  const report = (full: string) =>
    problems.push({
      path: relativeToWorkspace(ws, full),
      line: null,
      rule: 'outside-conference',
      message:
        'outside any conference folder (one with a conference.md), so no command sees it; move it into one',
      fixable: false,
    });
  const walk = (dir: string, depth: number) => {
    let inner: fs.Dirent[];
    try {
      inner = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of inner) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < 8) walk(full, depth + 1);
      } else if (entry.name.toLowerCase().endsWith('.md') && (entry.isFile() || entry.isSymbolicLink()))
        report(full);
    }
  };
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(ws.root, entry.name);
    if (entry.isDirectory()) {
      if (conferences.has(entry.name) || RESERVED_FOLDERS.has(entry.name)) continue;
      walk(full, 1);
    } else if (entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      report(full);
    }
  }
  return problems;
}
