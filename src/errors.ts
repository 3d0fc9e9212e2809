/** An error meant for the user: one line, no stack trace, a chosen exit code. */
export class ConfnotesError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'ConfnotesError';
  }
}

/** Wrong or missing command-line input (exit code 2, like most Unix tools). */
export class UsageError extends ConfnotesError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** A note or conference file that cannot be read as one; names the file and line. */
export class NoteFileError extends ConfnotesError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`, 1);
    this.name = 'NoteFileError';
  }
}

/** What the operating system said, in words, for the errors a user (not a bug) causes. */
const ERRNO_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error from the device',
  ENAMETOOLONG: 'the file name is too long',
};

/**
 * The one place that turns a file-system error the user can fix (full disk,
 * read-only or forbidden folder) into a ConfnotesError naming the file, exit
 * 1; anything else is returned unchanged (a real bug stays exit 70).
 */
export function fromErrno(error: unknown, file?: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? ERRNO_REASONS[code] : undefined;
  if (!reason || error instanceof ConfnotesError) return error;
  const named = file ?? (error as NodeJS.ErrnoException).path;
  return new ConfnotesError(named ? `${named}: ${reason}` : reason);
}

/** A file the user named could not be read: one line naming it and why (a ConfnotesError passes through). */
export function cannotRead(error: unknown, shown: string): Error {
  if (error instanceof ConfnotesError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
  return new ConfnotesError(`${shown}: cannot read: ${why}`);
}
