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
