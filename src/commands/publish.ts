import path from 'node:path';
import { ConfnotesError, UsageError } from '../errors.js';
import {
  conflictMessage,
  folderProblem,
  inspectFolder,
  writePublished,
} from '../core/publish/publish-folder.js';
import { planPublish } from '../core/publish/publish-plan.js';
import { conferenceSlugs } from '../core/workspace/conference.js';
import type { CommandEnv } from '../io.js';
import { pathForUser } from './paths.js';
import { scopeOf, workspaceOf } from './shared.js';

interface PublishOptions {
  conf?: string;
  all?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  json?: boolean;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function run(env: CommandEnv, folder: string, options: PublishOptions): void {
  const ws = workspaceOf(env);
  if (folder.trim() === '') throw new UsageError('publish needs a folder to write the copy into');
  // Every conference unless one is named: a site is of all the notes.
  const slugs = options.conf || options.all ? scopeOf(ws, options) : conferenceSlugs(ws);
  const target = path.resolve(env.ctx.cwd, folder);
  const shown = pathForUser(env, target);
  const problem = folderProblem(ws, target, shown);
  if (problem) throw new ConfnotesError(problem);
  const plan = planPublish(ws, slugs);
  for (const left of plan.leftOut) env.warn(`${left.path}: left out: ${left.why}`);
  // For a site built by CI: a copy missing a note that is not private is no copy to publish.
  if (options.strict && plan.leftOut.length > 0)
    throw new ConfnotesError(
      `${count(plan.leftOut.length, 'file')} left out (named above); nothing published (--strict)`,
    );
  // The dry run says what the publish would do to the folder as it is now, refusal included.
  const looked = inspectFolder(target, plan);
  if (looked.conflict) throw new ConfnotesError(conflictMessage(shown, looked.conflict));
  const written = options.dryRun ? looked : writePublished(target, plan, env.ctx.now());
  const keeps = options.dryRun ? 'would keep' : 'kept';
  if (written.kept.length)
    env.say(
      `${keeps} ${count(written.kept.length, 'file')} of yours in ${shown}: ${written.kept.join(', ')}`,
    );
  if (written.dropped.length)
    env.warn(
      `the previous copy's ${written.dropped.join(', ')} ${options.dryRun ? 'would no longer be' : 'is no longer'} in ${shown} (not published this time)`,
    );
  const done = options.dryRun ? 'would publish' : 'published';
  env.say(
    `${done} ${count(plan.notes, 'note')} of ${count(slugs.length, 'conference')} to ${shown}` +
      ` (left out: ${count(plan.privateNotes, 'private note')}, ${count(plan.privateBlocks, 'private block')}` +
      `${plan.leftOut.length ? `, ${count(plan.leftOut.length, 'file')} named above` : ''})`,
  );
  if (options.json)
    env.out(
      JSON.stringify(
        {
          folder: target,
          written: !options.dryRun,
          conferences: plan.conferences,
          notes: plan.notes,
          files: plan.files.map((file) => file.path),
          private_notes: plan.privateNotes,
          private_blocks: plan.privateBlocks,
          left_out: plan.leftOut,
          kept: written.kept,
          dropped: written.dropped,
        },
        null,
        2,
      ),
    );
}
