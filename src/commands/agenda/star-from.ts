/** `agenda --star-from <faved.ics>`: star the talks of a favourites export, and say which were not found. */
import fs from 'node:fs';
import path from 'node:path';
import { wallTime } from '../../core/clock.js';
import type { FreshEntry } from '../../core/programme/programme.js';
import { decodeSchedule, MAX_SCHEDULE_BYTES } from '../../core/programme/schedule.js';
import { starFrom } from '../../core/programme/star-from.js';
import type { Conference } from '../../core/workspace/conference.js';
import type { Workspace } from '../../core/workspace/workspace.js';
import { cannotRead, ConfnotesError } from '../../errors.js';
import type { CommandEnv } from '../../io.js';
import { visible } from '../../visible.js';

export async function starFromFile(
  env: CommandEnv,
  ws: Workspace,
  conference: Conference,
  file: string,
  zone: string | null,
): Promise<void> {
  const shown = file;
  const text = decodeSchedule(readFaved(path.resolve(env.ctx.cwd, file), shown), shown);
  const result = await starFrom(ws, conference, text, shown);
  const fresh = result.matched.length - result.already;
  const already = result.already > 0 ? ` (${result.already} already starred)` : '';
  const missing =
    result.missing.length > 0 ? `; ${result.missing.length} not in the programme of ${conference.name}:` : '';
  if (result.matched.length > 0 && fresh === 0)
    env.say(
      `${shown}: nothing new to star, ${result.already === 1 ? 'its talk is' : `its ${result.already} talks are`} starred already${missing}`,
    );
  else if (result.matched.length > 0)
    env.say(`${shown}: ★ starred ${fresh} ${fresh === 1 ? 'talk' : 'talks'}${already}${missing}`);
  for (const entry of result.missing) env.say(`  not found: ${visible(entry.title)} (${when(entry, zone)})`);
  if (result.matched.length === 0) {
    const count = result.missing.length;
    throw new ConfnotesError(
      `${shown}: ${count === 1 ? 'its one talk is not' : `none of its ${count} talks is`} in the programme of ${conference.name}; nothing was starred`,
    );
  }
}

function when(entry: FreshEntry, zone: string | null): string {
  if (entry.all_day) return `${entry.start} all day`;
  const start = wallTime(new Date(entry.start), zone);
  return `${start.date} ${start.time}`;
}

/** The file's bytes: a regular file within the size limit; anything else is one line naming it. */
function readFaved(file: string, shown: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile())
      throw new ConfnotesError(`${shown}: not a regular file; --star-from reads an .ics file`);
    if (stat.size > MAX_SCHEDULE_BYTES)
      throw new ConfnotesError(
        `${shown}: ${(stat.size / 1048576).toFixed(1)} MB is too large for a calendar`,
      );
    return fs.readFileSync(file);
  } catch (error) {
    throw cannotRead(error, shown);
  }
}
