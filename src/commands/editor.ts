import { ConfnotesError } from '../errors.js';
import type { CommandEnv } from '../io.js';

/**
 * Opens a file in $VISUAL, else $EDITOR, else vi. The variable may hold
 * arguments (`code -w`), so it goes through the shell; the file is passed as
 * a separate argument ("$1"), never pasted into the command line.
 * node:child_process is loaded here, when an editor is wanted: it brings
 * Node's sockets and streams along, milliseconds every `new` would pay.
 */
export async function openInEditor(env: CommandEnv, file: string): Promise<void> {
  const editor = env.ctx.env.VISUAL?.trim() || env.ctx.env.EDITOR?.trim() || 'vi';
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${editor} "$1"`, 'confnotes-editor', file], {
      stdio: 'inherit',
      env: env.ctx.env as NodeJS.ProcessEnv,
      cwd: env.ctx.cwd,
    });
    child.on('error', (error) =>
      reject(new ConfnotesError(`cannot start the editor "${editor}": ${error.message}`)),
    );
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new ConfnotesError(
            `the editor "${editor}" ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}; the note is kept at ${file}`,
          ),
        );
    });
  });
}
