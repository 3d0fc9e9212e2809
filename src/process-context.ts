/** The real outside world, built once at the entry point (tests pass their own Context instead). */
import os from 'node:os';
import { nowFromEnv, type Context } from './context.js';
import type { Io } from './io.js';
import { installProcessClock } from './process-clock.js';

export function contextFromProcess(overrides: Partial<Context> = {}): Context {
  installProcessClock();
  const env = overrides.env ?? process.env;
  return { cwd: process.cwd(), env, homeDir: os.homedir(), now: nowFromEnv(env), ...overrides };
}

/** The process's streams; stdin is touched only when a command reads it. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
  };
}
