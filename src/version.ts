/** Kept apart so that `--version` loads nothing else. */
export const VERSION = '0.1.0';
