/**
 * The CLI's stdout and stderr (the quick lane's and the full CLI's): text
 * written straight to descriptors 1 and 2. Creating process.stdout or
 * process.stderr loads Node's stream and net modules (~2-7 ms at start-up),
 * more than a one-line jot spends on anything else; no command needs them
 * but to read a terminal's width, a line editor or a prompt. A pipe
 * whose reader has gone (EPIPE) swallows the rest quietly, as the launcher's
 * handler does for the streams; a descriptor someone made non-blocking
 * (EAGAIN, a full pipe) is waited for a millisecond at a time and written
 * again, as a blocking one would be: handing the rest to a Node stream would
 * let a later line on the other descriptor of a shared pipe overtake it.
 */
import fs from 'node:fs';
import type { Io, OutStream } from './io.js';

type Fd = 1 | 2;

const nodeStream = (fd: Fd): NodeJS.WriteStream => (fd === 1 ? process.stdout : process.stderr);

/** /dev/null's device, read once: the character device that stands for "no terminal" most often. */
let nullDevice: number | undefined;

/**
 * isatty(fd) without node:tty, which loads node:net: anything but a character
 * device is no terminal, nor is /dev/null; any other character device is asked.
 */
export function isTerminal(fd: number): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice()) return false;
  try {
    nullDevice ??= fs.statSync('/dev/null').rdev;
    if (stat.rdev === nullDevice) return false;
  } catch {
    // No /dev/null (Windows): node:tty decides.
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** One millisecond of sleep, without the event loop: for a full descriptor someone made non-blocking. */
const pause = new Int32Array(new SharedArrayBuffer(4));
const waitAMoment = () => Atomics.wait(pause, 0, 0, 1);

export class FdStream implements OutStream {
  /** The reader is gone: nothing more is written. */
  private closed = false;
  private tty: boolean | undefined;

  constructor(
    private readonly fd: Fd,
    private readonly stream: (fd: Fd) => NodeJS.WriteStream = nodeStream,
  ) {}

  write(text: string): boolean {
    if (this.closed) return true;
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += fs.writeSync(this.fd, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          this.closed = true;
          return true;
        }
        if (code !== 'EAGAIN') throw error;
        waitAMoment();
      }
    }
    return true;
  }

  get isTTY(): boolean {
    this.tty ??= isTerminal(this.fd);
    return this.tty;
  }

  /** The Node stream of the same descriptor, for what needs a stream (readline, prompts). */
  get node(): NodeJS.WriteStream {
    return this.stream(this.fd);
  }

  /** The terminal's width; only a terminal has one (then the Node stream is worth creating). */
  get columns(): number | undefined {
    return this.isTTY ? this.stream(this.fd).columns : undefined;
  }
}

/** The process's descriptors as an Io; stdin is Node's stream, touched only when a command reads it. */
export function fdIo(): Io {
  return {
    stdout: new FdStream(1),
    stderr: new FdStream(2),
    get stdin() {
      return process.stdin;
    },
  };
}

/** A Node stream to hand what needs one (readline, @inquirer): an FdStream's own, else the stream itself (a test's). */
export function nodeStreamOf(stream: OutStream): NodeJS.WritableStream {
  return stream instanceof FdStream ? stream.node : (stream as unknown as NodeJS.WritableStream);
}
