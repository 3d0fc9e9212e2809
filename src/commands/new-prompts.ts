/**
 * The guided `new`: asks, on a terminal, for what the command line left out.
 * Prompts come in through the `Prompts` interface (src/ui/prompts.ts).
 */
import { parseWhen, roundToSlot, wallTime, type WallTime } from '../core/clock.js';
import { NOTE_TYPES } from '../core/note/note-types.js';
import { DEFAULT_DURATION } from '../core/note/note-new.js';
import type { Prompts } from '../ui/prompts.js';

export interface GuidedKnown {
  title?: string;
  type?: string;
  speakers?: string[];
  tags?: string[];
  at?: WallTime;
  edit?: boolean;
}

export interface GuidedAnswers {
  title: string;
  type: string;
  speakers: string[];
  tags: string[];
  at: WallTime;
  edit: boolean;
}

const TYPE_HINTS: Record<string, string> = {
  keynote: 'on the main stage',
  session: 'a talk or presentation',
  'design-summit': 'a contributors’ planning session',
  workshop: 'hands-on, with a laptop',
  '101': 'an introduction for newcomers',
  expo: 'the expo hall, vendors’ booths',
  hallway: 'a conversation between talks',
  meetup: 'an evening meetup or BoF',
};

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Asks for each piece not given on the command line; `tagSuggestions` are the workspace's tags, most used first. */
export async function askForMissing(
  prompts: Prompts,
  known: GuidedKnown,
  tagSuggestions: string[],
  now: Date,
  timeZone: string | null,
): Promise<GuidedAnswers> {
  const title =
    known.title ??
    (await prompts.input({
      message: 'Title of the session',
      required: true,
      validate: (value) => value.trim() !== '' || 'a note needs a title',
    }));
  const type =
    known.type ??
    (await prompts.select({
      message: 'Type',
      choices: NOTE_TYPES.map((value) => ({
        name: value,
        value: value as string,
        description: `${TYPE_HINTS[value]} (${DEFAULT_DURATION[value]} min)`,
      })),
      default: 'session',
    }));
  const speakers = known.speakers?.length
    ? known.speakers
    : splitList(await prompts.input({ message: 'Speakers (comma-separated, empty for none)' }));
  let tags = known.tags ?? [];
  if (tags.length === 0) {
    if (tagSuggestions.length > 0) {
      tags = await prompts.checkbox({
        message: 'Tags',
        choices: tagSuggestions.slice(0, 20).map((tag) => ({ name: tag, value: tag })),
      });
    }
    tags = [
      ...tags,
      ...splitList(
        await prompts.input({
          message: tagSuggestions.length ? 'Other tags (comma-separated)' : 'Tags (comma-separated)',
        }),
      ),
    ];
  }
  let at = known.at;
  if (!at) {
    const today = wallTime(now, timeZone);
    const answer = await prompts.input({
      message: 'Start time',
      default: roundToSlot(today.time),
      validate: (value) => parseWhen(value, today.date) !== null || 'HH:MM, or YYYY-MM-DD HH:MM',
    });
    at = parseWhen(answer, today.date)!;
  }
  const edit =
    known.edit ?? (await prompts.confirm({ message: 'Open it in your editor now?', default: false }));
  return { title, type, speakers, tags, at, edit };
}
