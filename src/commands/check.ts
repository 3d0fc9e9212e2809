import path from 'node:path';
import {
  checkProgrammes,
  checkWorkspace,
  fixText,
  followLookup,
  sortProblems,
  type CheckProblem,
} from '../core/check/check.js';
import { rewrite } from '../core/safe-write.js';
import { CONFERENCE_FILE } from '../core/workspace/conference.js';
import { readNoteText } from '../core/note/store.js';
import { ConfnotesError, NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { scopeOf, workspaceOf } from './shared.js';
import { visible } from '../visible.js';

interface CheckOptions {
  conf?: string;
  all?: boolean;
  json?: boolean;
  fix?: boolean;
}

interface Fixed {
  path: string;
  changes: string[];
}

export async function run(env: CommandEnv, options: CheckOptions): Promise<void> {
  const ws = workspaceOf(env);
  const slugs = scopeOf(ws, options);
  // A note outside every conference is a workspace matter: looked for unless one conference is named.
  const check = async () => {
    const found = checkWorkspace(ws, { slugs, workspaceWide: !options.conf, cache: true });
    found.problems = sortProblems([
      ...found.problems,
      ...(await checkProgrammes(ws, slugs, found.programmeRefs, found.linkedNotes)),
    ]);
    return found;
  };
  let result = await check();
  const fixed: Fixed[] = [];
  if (options.fix) {
    const follow = await followLookup(ws, slugs);
    const files = [
      ...new Set(result.problems.filter((problem) => problem.fixable).map((problem) => problem.path)),
    ];
    for (const rel of files) {
      const file = path.join(ws.root, ...rel.split('/'));
      let changes: string[] = [];
      try {
        readNoteText(file, rel);
        rewrite(file, (old) => {
          const repaired = fixText(
            old,
            path.basename(rel) === CONFERENCE_FILE ? 'conference' : 'note',
            follow(rel),
          );
          changes = repaired.changes;
          return repaired.text;
        });
      } catch (error) {
        if (error instanceof NoteFileError) {
          env.warn(`${error.message}; not fixed`);
          continue;
        }
        throw error;
      }
      if (changes.length > 0) {
        fixed.push({ path: rel, changes });
        if (!options.json) for (const change of changes) env.say(visible(`fixed ${rel}: ${change}`));
      }
    }
    if (fixed.length > 0) result = await check();
  }
  const { checked, problems } = result;
  if (options.json) env.out(JSON.stringify({ checked, problems, fixed }, null, 2));
  else for (const problem of problems) env.out(visible(formatProblem(problem)));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (problems.length === 0) {
    if (!options.json) env.say(`checked ${plural(checked, 'file')}: no problems`);
    return;
  }
  const files = new Set(problems.map((problem) => problem.path)).size;
  const fixable = problems.filter((problem) => problem.fixable).length;
  const hint = fixable > 0 && !options.fix ? `; ${fixable} can be repaired with: confnotes check --fix` : '';
  // Exit code 1: the problems are the output; this line sums them up on stderr.
  throw new ConfnotesError(
    `checked ${plural(checked, 'file')}: ${plural(problems.length, 'problem')} in ${plural(files, 'file')}${hint}`,
    1,
  );
}

/** `path:line: message [rule]`, the shape editors and grep understand. */
export function formatProblem(problem: CheckProblem): string {
  return `${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message} [${problem.rule}${problem.fixable ? ', fixable' : ''}]`;
}
