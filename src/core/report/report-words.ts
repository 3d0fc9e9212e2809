/** Words of the report: type names, groups by type, lists joined in English, the order of the week. */
import type { NoteType } from '../note/note.js';

/** What the report's groups are when grouping by type, in this order. */
export const TYPE_GROUPS: { key: string; title: string; types: NoteType[] }[] = [
  { key: 'keynotes', title: 'Keynotes', types: ['keynote'] },
  { key: 'sessions', title: 'Sessions', types: ['session'] },
  { key: 'design-summit', title: 'Design summit', types: ['design-summit'] },
  { key: 'workshops', title: 'Hands-on workshops and 101 sessions', types: ['workshop', '101'] },
  {
    key: 'expo-and-hallway',
    title: 'Expo hall, hallway track and meetups',
    types: ['expo', 'hallway', 'meetup'],
  },
];

export const SESSION_TYPES: readonly NoteType[] = ['keynote', 'session', 'design-summit', 'workshop', '101'];

const TYPE_NAMES: Record<NoteType, [string, string]> = {
  keynote: ['keynote', 'keynotes'],
  session: ['session', 'sessions'],
  'design-summit': ['design summit session', 'design summit sessions'],
  workshop: ['hands-on workshop', 'hands-on workshops'],
  '101': ['101 session', '101 sessions'],
  expo: ['expo hall visit', 'expo hall visits'],
  hallway: ['hallway conversation', 'hallway conversations'],
  meetup: ['meetup', 'meetups'],
};

/** The one note order (date, start, title, path), shared with `list`. */
export { compareNotes } from '../note/note-order.js';

export function typeName(type: NoteType, count = 1): string {
  return TYPE_NAMES[type][count === 1 ? 0 : 1];
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function flags<T>(items: T[]): (T & { first: boolean; last: boolean })[] {
  return items.map((item, index) => ({ ...item, first: index === 0, last: index === items.length - 1 }));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
