/** The kinds of session a note can be about. Its own module: the CLI's option list needs it at start-up. */
export const NOTE_TYPES = [
  'keynote',
  'session',
  'design-summit',
  'workshop',
  '101',
  'expo',
  'hallway',
  'meetup',
] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
