/** A terminal for in-process runs of main(): TTY streams whose output the test reads. */
import { PassThrough } from 'node:stream';

export function fakeTerminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdin,
      stdout: { write: (text: string) => out.push(text), isTTY: true },
      stderr: { write: (text: string) => err.push(text), isTTY: true },
    },
    out,
    err,
  };
}
