/** Names that say what a file in a workspace is; no parser here, so the quick lane can use them. */

export const CONFERENCE_FILE = 'conference.md';
/** Top-level folders of a workspace that are never conferences. */
export const RESERVED_FOLDERS = new Set(['templates', 'node_modules']);
/** Files of a conference folder's top that are never notes (lower case). */
export const NOT_NOTES = new Set([CONFERENCE_FILE, 'readme.md']);
