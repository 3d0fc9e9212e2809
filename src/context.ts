/**
 * Everything the core may learn from the outside world. The entry point builds
 * the real one; tests build their own, so no core module reads `process`.
 */
import { ConfnotesError } from './errors.js';

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  /** The current instant (CONFNOTES_NOW overrides it, for tests and demos). */
  now(): Date;
  homeDir: string;
}

export function nowFromEnv(env: Record<string, string | undefined>): () => Date {
  const fixed = env.CONFNOTES_NOW;
  if (!fixed) return () => new Date();
  const instant = new Date(fixed);
  if (Number.isNaN(instant.getTime())) {
    throw new ConfnotesError(
      `CONFNOTES_NOW is not an ISO 8601 instant (e.g. 2013-04-16T11:05:00-07:00): ${fixed}`,
      2,
    );
  }
  return () => new Date(instant);
}
