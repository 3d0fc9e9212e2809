/**
 * Every temporary folder a test makes (tempDir, mkdtemp in os.tmpdir()) goes
 * into one folder for the run, removed when the run ends, so `npm test`
 * leaves nothing in the system's temp folder however a test ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * As root, the hostile and safety suites run the built CLI as `nobody`, who
 * must be able to reach it: a clone inside a private folder (mktemp -d is
 * 0700) gets search permission (o+x, no listing) on its ancestors for the
 * run, put back as it was at the end.
 */
function letNobodyReach(dir: string): () => void {
  if (process.getuid?.() !== 0) return () => {};
  const changed: [string, number][] = [];
  for (let at = dir; at !== path.dirname(at); at = path.dirname(at)) {
    const mode = fs.statSync(at).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(at, mode | 0o001);
      changed.push([at, mode]);
    }
  }
  return () => {
    for (const [at, mode] of changed) fs.chmodSync(at, mode);
  };
}

const OWNER = '.owner-pid';

/** True while a process with this id runs (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run stopped before its teardown (Ctrl-C twice, a killed CI job, a mutant
 * run timed out) leaves its folder: the next run removes each whose owner has
 * exited. A folder without an owner file, or one whose owner runs, is left alone.
 */
function sweepAbandonedRuns(top: string): void {
  for (const name of fs.readdirSync(top)) {
    if (!name.startsWith('confnotes-run-')) continue;
    const dir = path.join(top, name);
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dir, OWNER), 'utf8'));
    } catch {
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default function setup(): () => void {
  const restore = letNobodyReach(path.resolve(import.meta.dirname, '..'));
  sweepAbandonedRuns(os.tmpdir());
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-run-'));
  fs.writeFileSync(path.join(run, OWNER), String(process.pid));
  // The hostile suite runs the CLI as `nobody` when the tests run as root: it must reach its folders.
  fs.chmodSync(run, 0o755);
  // Workers start after this and inherit it; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = run;
  return () => {
    // The owner file goes last: a teardown killed half-way (a mutant run's
    // runner is stopped so) leaves a folder the next run's sweep still knows.
    for (const name of fs.readdirSync(run))
      if (name !== OWNER) fs.rmSync(path.join(run, name), { recursive: true, force: true });
    fs.rmSync(run, { recursive: true, force: true });
    restore();
  };
}
