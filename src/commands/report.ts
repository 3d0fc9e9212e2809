/** `confnotes report`: a conference's notes as one trip report, in Markdown, HTML or PDF. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chosenConference, isConference } from '../core/workspace/conference.js';
import {
  buildReport,
  GROUP_BY,
  type GroupBy,
  NOTES_MODES,
  type NotesMode,
  type ReportModel,
} from '../core/report/report-model.js';
import {
  defaultReportName,
  existingOutput,
  formatFromName,
  REPORT_FORMATS,
  writeReport,
  type ReportFormat,
} from '../core/report/report-output.js';
import { findChrome, NO_CHROME_MESSAGE, printPdf } from '../core/report/pdf.js';
import { type Paper, PAPERS, paperFromLocale } from '../core/report/paper.js';
import { titleBlock, wantsTitleBlock } from '../core/report/report-front-matter.js';
import {
  markMarkdownReport,
  renderHtmlReport,
  renderMarkdownReport,
  reportTemplate,
} from '../core/report/report-render.js';
import { readNoteText, scanNotes } from '../core/note/store.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { ConfnotesError, type NoteFileError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { promptsOf } from '../ui/prompts.js';
import { pathForUser, printProblems, workspaceOf } from './shared.js';

export interface ReportOptions {
  format?: string;
  output?: string;
  template?: string;
  includePrivate?: boolean;
  groupBy?: string;
  notes?: string;
  skipBroken?: boolean;
  frontMatter?: boolean;
  paper?: string;
  force?: boolean;
}

export async function run(env: CommandEnv, slug: string | undefined, options: ReportOptions): Promise<void> {
  const format = chooseFormat(options);
  if (options.groupBy !== undefined && !(GROUP_BY as readonly string[]).includes(options.groupBy)) {
    throw new UsageError(`--group-by "${options.groupBy}" is not one of ${GROUP_BY.join(', ')}`);
  }
  if (options.paper !== undefined && !(PAPERS as readonly string[]).includes(options.paper.toLowerCase())) {
    throw new UsageError(`--paper "${options.paper}" is not one of ${PAPERS.join(', ')}`);
  }
  if (options.notes !== undefined && !(NOTES_MODES as readonly string[]).includes(options.notes)) {
    throw new UsageError(`--notes "${options.notes}" is not one of ${NOTES_MODES.join(', ')}`);
  }
  const toStdout = options.output === '-' || (options.output === undefined && format === 'md');

  const ws = workspaceOf(env);
  const conference = chosenConference(ws, slug);
  const target = toStdout
    ? null
    : path.resolve(env.ctx.cwd, options.output ?? defaultReportName(conference.slug, format));
  if (target) await checkTarget(env, ws, target, options.force ?? false);

  const { notes, problems } = scanNotes(ws, [conference.slug]);
  stopOnBroken(env, problems, options.skipBroken ?? false);
  const model = buildReport(conference, notes, {
    includePrivate: options.includePrivate,
    groupBy: options.groupBy as GroupBy | undefined,
    notes: options.notes as NotesMode | undefined,
    // The file as written: its front matter decides privacy in any spelling (`private: yes`).
    source: (note) => readNoteText(note.file, note.path),
  });
  const markdown = renderMarkdownReport(reportTemplate(ws, env.ctx.cwd, options.template), model);

  const titled = wantsTitleBlock(options.frontMatter, target) ? titleBlock(model) + markdown : markdown;
  let data: string | Buffer = target ? markMarkdownReport(titled) : titled;
  if (format !== 'md') {
    const paper = (options.paper?.toLowerCase() as Paper | undefined) ?? paperFromLocale(env.ctx.env);
    const html = await renderHtmlReport(markdown, model, { print: format === 'pdf', paper });
    data = html;
    if (format === 'pdf') {
      const chrome = findChrome(env.ctx.env);
      if (!chrome) throw new ConfnotesError(NO_CHROME_MESSAGE);
      data = await printPdf({ chrome, html, tmpRoot: os.tmpdir(), noSandbox: runningAsRoot() });
    }
  }

  const left = model.privateNotes;
  const summary = `${model.notes.length} note${model.notes.length === 1 ? '' : 's'}${
    options.includePrivate
      ? left
        ? `, ${left} of them private`
        : ''
      : left
        ? `, ${left} private left out`
        : ''
  }`;
  const blank = nothingWritten(model);
  if (blank) env.say(blank);
  if (options.includePrivate)
    env.warn('private notes and private blocks are included; read the report before you share it');
  if (target === null) {
    env.io.stdout.write(data as string);
    return;
  }
  writeReport(target, data);
  env.out(pathForUser(env, target));
  env.say(`${conference.name} trip report (${format.toUpperCase()}, ${summary})`);
}

/**
 * A note that cannot be read stops the report (a report silently short of a
 * talk is worse than none): every one is named, file and line. With
 * --skip-broken each is named and left out.
 */
function stopOnBroken(env: CommandEnv, problems: NoteFileError[], skip: boolean): void {
  if (problems.length === 0) return;
  if (skip) {
    for (const problem of problems) env.warn(`left out: ${problem.message}`);
    return;
  }
  printProblems(env, problems);
  const [count, them] =
    problems.length === 1
      ? ['a note cannot be read', 'it']
      : [`${problems.length} notes cannot be read`, 'them'];
  throw new ConfnotesError(`${count}; fix ${them}, or pass --skip-broken to leave ${them} out of the report`);
}

/** `3 sessions have nothing written: A, B, C`, so the writer knows what to fill in; null when every note says something. */
export function nothingWritten(model: ReportModel): string | null {
  const empty = model.notes.filter((note) => note.empty);
  if (empty.length === 0) return null;
  const names = empty.map((note) => note.title);
  const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  const verb = empty.length === 1 ? 'session has' : 'sessions have';
  return `${empty.length} ${verb} nothing written: ${shown.join(', ')}`;
}

function chooseFormat(options: ReportOptions): ReportFormat {
  if (options.format !== undefined) {
    const wanted = options.format.toLowerCase() === 'markdown' ? 'md' : options.format.toLowerCase();
    if (!(REPORT_FORMATS as readonly string[]).includes(wanted))
      throw new UsageError(`--format "${options.format}" is not one of ${REPORT_FORMATS.join(', ')}`);
    return wanted as ReportFormat;
  }
  return options.output && options.output !== '-' ? formatFromName(options.output) : 'md';
}

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * A new file, or a previous confnotes report, is written without asking.
 * Anything else needs --force, or a yes on a terminal.
 */
async function checkTarget(env: CommandEnv, ws: Workspace, target: string, force: boolean): Promise<void> {
  const shown = pathForUser(env, target);
  const inWorkspace = path.relative(ws.root, target);
  const top = inWorkspace.split(path.sep)[0] ?? '';
  if (
    !inWorkspace.startsWith('..') &&
    !path.isAbsolute(inWorkspace) &&
    inWorkspace.includes(path.sep) &&
    isConference(ws, top) &&
    /\.md$/i.test(target)
  ) {
    throw new UsageError(
      `${shown}: a Markdown file inside a conference folder would be read as a note; write the report elsewhere`,
    );
  }
  // A typo in the folder should fail, not leave a new folder behind.
  if (!isFolder(path.dirname(target)))
    throw new ConfnotesError(`${shown}: the folder ${pathForUser(env, path.dirname(target))} does not exist`);
  const existing = existingOutput(target);
  if (existing === 'none' || existing === 'report') return;
  if (existing === 'folder') throw new UsageError(`${shown} is a folder; give a file name with -o`);
  if (force) return;
  if (!env.interactive) {
    throw new ConfnotesError(
      `${shown} exists and is not a confnotes report; pass --force to replace it, or choose another file with -o`,
    );
  }
  const prompts = await promptsOf(env);
  const replace = await prompts.confirm({
    message: `${shown} exists and is not a confnotes report. Replace it?`,
    default: false,
  });
  if (!replace) throw new ConfnotesError(`${shown} left as it is`);
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
