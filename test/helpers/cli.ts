/** Runs the built CLI as a user would: a real process, real streams, a real exit code. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/confnotes.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function confnotes(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string } & SpawnSyncOptions,
): RunResult {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: options.cwd,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    ...options.env,
  };
  // `npm run coverage` collects the CLI's own V8 coverage (scripts/coverage.mjs).
  if (process.env.CONFNOTES_COVERAGE_DIR) env.NODE_V8_COVERAGE = process.env.CONFNOTES_COVERAGE_DIR;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout as string, stderr: result.stderr as string };
}
