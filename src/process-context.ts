/** The real outside world, built once at the entry point (tests pass their own Context instead). */
import os from 'node:os';
import { nowFromEnv, type Context } from './context.js';
import { installProcessClock } from './process-clock.js';

export function contextFromProcess(overrides: Partial<Context> = {}): Context {
  installProcessClock();
  const env = overrides.env ?? process.env;
  return { cwd: process.cwd(), env, homeDir: os.homedir(), now: nowFromEnv(env), ...overrides };
}
