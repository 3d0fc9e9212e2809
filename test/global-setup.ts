/**
 * Every temporary folder a test makes (tempDir, mkdtemp in os.tmpdir()) goes
 * into one folder for the run, removed when the run ends, so `npm test`
 * leaves nothing in the system's temp folder however a test ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-run-'));
  // Workers start after this and inherit it; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = run;
  return () => fs.rmSync(run, { recursive: true, force: true });
}
