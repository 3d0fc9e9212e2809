/**
 * `agenda --format ics` and `-o`: the starred plan as iCalendar, to stdout or
 * to a file under report's rule. Loaded only for an export (agenda.ts), so a
 * listing of the agenda never reads the plan's output code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { planCalendar } from '../../core/programme/plan-ics.js';
import { existingPlanTarget, writePlan } from '../../core/programme/plan-output.js';
import type { ProgrammeEntry } from '../../core/programme/programme.js';
import type { Conference } from '../../core/workspace/conference.js';
import { ConfnotesError, UsageError } from '../../errors.js';
import type { CommandEnv } from '../../io.js';
import { pathForUser } from '../shared.js';
import { type PlanOptions, remindMinutes } from './plan.js';

const NONE_STARRED = 'no starred talks; star some with: confnotes agenda --star <uid>';

/** Writes the starred talks as iCalendar to stdout, or to the -o file under report's rule. */
export async function exportPlan(
  env: CommandEnv,
  conference: Conference,
  starred: ProgrammeEntry[],
  options: PlanOptions,
): Promise<void> {
  const text = await planCalendar(starred, {
    slug: conference.slug,
    name: conference.name,
    now: env.ctx.now(conference.timezone),
    remind: remindMinutes(options.remind),
  });
  const talks = `${starred.length} starred ${starred.length === 1 ? 'talk' : 'talks'}`;
  if (options.output === undefined || options.output === '-') {
    env.io.stdout.write(text);
    if (starred.length === 0) env.say(NONE_STARRED);
    return;
  }
  const target = path.resolve(env.ctx.cwd, options.output);
  const shown = pathForUser(env, target);
  if (!isFolder(path.dirname(target)))
    throw new ConfnotesError(`${shown}: the folder ${pathForUser(env, path.dirname(target))} does not exist`);
  const existing = existingPlanTarget(target);
  if (existing === 'folder') throw new UsageError(`${shown} is a folder; give a file name with -o`);
  if (existing === 'other' && !options.force)
    throw new ConfnotesError(
      `${shown} exists and is not a confnotes plan; pass --force to replace it, or choose another file with -o`,
    );
  const replaced = writePlan(target, text, existing);
  env.say(`${shown}: ${replaced ? 'updated' : 'written'}, ${talks}`);
  if (starred.length === 0) env.say(NONE_STARRED);
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
