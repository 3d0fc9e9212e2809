/** From a thrown error to one line on stderr and an exit code; shared by the full CLI and the quick lane. */
import { ConfnotesError, fromErrno } from './errors.js';
import type { OutStream } from './io.js';
import { visible } from './visible.js';

/** Exit code for a crash: a bug in confnotes, not the user's input (EX_SOFTWARE). */
export const EXIT_BUG = 70;

export function reportError(
  error: unknown,
  stderr: OutStream,
  env: Record<string, string | undefined>,
): number {
  // A full disk or a forbidden file met anywhere is the user's to fix (exit 1), not a bug.
  error = fromErrno(error);
  if (error instanceof ConfnotesError) {
    stderr.write(`confnotes: ${visible(error.message)}\n`);
    return error.exitCode;
  }
  if (error && typeof error === 'object' && (error as { name?: string }).name === 'ExitPromptError') {
    stderr.write('confnotes: cancelled\n');
    return 130;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`confnotes: unexpected error: ${visible(message)}\n`);
  if (env.CONFNOTES_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
  return EXIT_BUG;
}
