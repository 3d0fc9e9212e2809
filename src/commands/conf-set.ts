import path from 'node:path';
import { FrontMatterError } from '../core/front-matter/front-matter.js';
import { parseAssignments } from '../core/note/note-set.js';
import { rewrite } from '../core/safe-write.js';
import {
  CONFERENCE_FILE,
  chooseConference,
  conferenceDir,
  readConference,
} from '../core/workspace/conference.js';
import { setConferenceFields, type ConferenceSetResult } from '../core/workspace/conference-set.js';
import { readState, relativeToWorkspace } from '../core/workspace/workspace.js';
import { NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { workspaceOf } from './shared.js';

export function run(env: CommandEnv, words: string[], options: { conf?: string; json?: boolean }): void {
  const assignments = parseAssignments(words);
  const ws = workspaceOf(env);
  // Not read first: `conf set` is how a conference.md with a bad value gets mended.
  const slug = chooseConference(ws, readState(ws), options.conf);
  const file = path.join(conferenceDir(ws, slug), CONFERENCE_FILE);
  const shown = relativeToWorkspace(ws, file);
  let result: ConferenceSetResult | undefined;
  try {
    rewrite(file, (old) => {
      result = setConferenceFields(old, assignments);
      return result.text;
    });
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
  const { changed } = result!;
  env.say(changed.length ? `${shown}: ${changed.join(' ')}` : `${shown}: no change`);
  if (options.json) {
    const { dir: _dir, body: _body, ...fields } = readConference(ws, slug);
    env.out(JSON.stringify(fields, null, 2));
  }
}
