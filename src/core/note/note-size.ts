/** How large a note may be: shared by the store and by `jot`, which must not load the store. */

/** Notes larger than this are not read (a note is text typed by a person). */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** Why a file of `size` bytes is not read as a note, or null when it may be one. */
export function tooLargeForNote(size: number): string | null {
  return size > MAX_NOTE_BYTES
    ? `${(size / 1048576).toFixed(1)} MB is too large for a note (limit ${MAX_NOTE_BYTES / 1048576} MB)`
    : null;
}
