/** Runs the built CLI as a user would: a real process, real streams, a real exit code. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/confnotes.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

type RunOptions = {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
} & SpawnSyncOptions;

/** The environment of a run: a minimal, fixed one, then the test's own keys (undefined removes one). */
function runEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: options.cwd,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    // The run's own temporary folder (test/global-setup.ts), so that what the CLI and the
    // browser it starts leave there goes when the run ends.
    TMPDIR: process.env.TMPDIR,
    ...options.env,
  };
  // `npm run coverage` collects the CLI's own V8 coverage (scripts/coverage.mjs).
  if (process.env.CONFNOTES_COVERAGE_DIR) env.NODE_V8_COVERAGE = process.env.CONFNOTES_COVERAGE_DIR;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/**
 * Node's arguments before the launcher. Under `npm run coverage` a V8 flag that
 * changes nothing the CLI does but differs from the flags the code caches were
 * made with: V8 rejects the caches (the launcher's fallback, as for a stale one)
 * and compiles every function with the block counters branch coverage needs.
 */
function nodeArgs(): string[] {
  return process.env.CONFNOTES_COVERAGE_DIR ? ['--no-flush-bytecode', BIN] : [BIN];
}

export function confnotes(args: string[], options: RunOptions): RunResult {
  const result = spawnSync(process.execPath, [...nodeArgs(), ...args], {
    cwd: options.cwd,
    env: runEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout as string, stderr: result.stderr as string };
}

/**
 * confnotes() without blocking the test's thread, so that a file can run
 * several CLIs at once (test/e2e/kill.e2e.test.ts): same environment, same
 * empty stdin, same 20 s limit.
 */
export function confnotesAsync(args: string[], options: Omit<RunOptions, 'input'>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(), ...args], {
      cwd: options.cwd,
      env: runEnv(options),
      stdio: 'pipe',
      timeout: 20_000,
    });
    // An empty stdin that ends at once, as spawnSync's input '' gives.
    child.stdin.end();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
