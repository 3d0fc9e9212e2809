/**
 * Notes follow the programme (issue 14): a real pretalx export imported, notes
 * started from two talks, then a newer copy where one talk moved (time and
 * room) and one was cancelled. `check` reports it, `check --fix` and
 * `import --update-notes` set exactly the moved lines, every other byte kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';
import { snapshot as snapshotAll } from '../helpers/workspace.js';

/** The tool's own caches change as they fill (a note changed in the last two seconds is stored later): not user data. */
const CACHES = /^\.confnotes\/(notes-cache|check-cache|programme-cache|search)\//;

/** Every file of the workspace but the caches, byte for byte. */
function snapshot(dir: string): Map<string, string> {
  return new Map([...snapshotAll(dir)].filter(([rel]) => !CACHES.test(rel.split(path.sep).join('/'))));
}

const EXPORT = path.resolve(__dirname, '../fixtures/real/pretalx-democon.ics');
const MOVED = 'pretalx-democon-GL7LRL@localhost';
const CANCELLED = 'pretalx-democon-DKLQ9G@localhost';

let home: string;
let ws: string;
const run = (args: string[]) =>
  confnotes(args, { cwd: ws, env: { TZ: 'Pacific/Auckland', CONFNOTES_NOW: '2022-09-01T08:00:00Z' } });

/** The export with talk GL7LRL moved from 10:00–10:50 to 14:30–15:20 and to another room, DKLQ9G cancelled. */
function newerExport(): string {
  const text = fs.readFileSync(EXPORT, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const moved = text
    .replace('DTSTART;TZID=Europe/Berlin:20220906T100000', 'DTSTART;TZID=Europe/Berlin:20220906T143000')
    .replace('DTEND;TZID=Europe/Berlin:20220906T105000', 'DTEND;TZID=Europe/Berlin:20220906T152000')
    .replace(
      `LOCATION:Pale Golden Rod Room${eol}SUMMARY:Ergonomic`,
      `LOCATION:Dark Red Room${eol}SUMMARY:Ergonomic`,
    )
    .replace(`UID:${CANCELLED}${eol}`, `UID:${CANCELLED}${eol}STATUS:CANCELLED${eol}`);
  expect(moved.split(eol).length).toBe(text.split(eol).length + 1);
  const file = path.join(home, 'schedule-newer.ics');
  fs.writeFileSync(file, moved);
  return file;
}

// One workspace set up once, copied for each test (test/helpers/template.ts).
const fresh = sharedSetup((template) => {
  ws = path.join(template, 'ws');
  confnotes(['init', ws], { cwd: template });
  const made = run([
    'conf',
    'new',
    'Demo Con',
    '--start',
    '2022-09-06',
    '--end',
    '2022-09-24',
    '--timezone',
    'Europe/Berlin',
  ]);
  expect(made.code, made.stderr).toBe(0);
  const imported = run(['import', EXPORT]);
  expect(imported.code, imported.stderr).toBe(0);
});
beforeEach(() => {
  home = fresh();
  ws = path.join(home, 'ws');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** A note started from a talk, with a jot and a YAML comment of the user's, so that every byte counts. */
function startNote(uid: string): string {
  const made = run(['new', '--from', uid]);
  expect(made.code, made.stderr).toBe(0);
  const file = path.resolve(ws, made.stdout.trim());
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${text.replace('tags: []', 'tags: []  # mine')}- 10:05 the speaker starts late\n`);
  return file;
}

/** The moved note as it must read after the update: those three lines, nothing else. */
const followed = (text: string) =>
  text
    .replace('\nstart: "10:00"\n', '\nstart: "14:30"\n')
    .replace('\nend: "10:50"\n', '\nend: "15:20"\n')
    .replace('\nroom: Pale Golden Rod Room\n', '\nroom: Dark Red Room\n');

describe('notes follow the programme', () => {
  it('import says how many notes differ; check reports them; check --fix sets them', () => {
    const moved = startNote(MOVED);
    const cancelled = startNote(CANCELLED);
    const own = run([
      'new',
      'My own hallway chat',
      '--at',
      '2022-09-06 10:00',
      '--room',
      'Pale Golden Rod Room',
    ]);
    expect(own.code, own.stderr).toBe(0);
    expect(run(['check']).code).toBe(0);
    const before = snapshot(ws);
    const movedText = fs.readFileSync(moved, 'utf8');
    const cancelledText = fs.readFileSync(cancelled, 'utf8');

    const reimport = run(['import', newerExport()]);
    expect(reimport.code, reimport.stderr).toBe(0);
    expect(reimport.stderr).toContain('1 note differs from the programme (time, room or title)');
    expect(reimport.stderr).toContain('--update-notes');
    expect(reimport.stderr).toContain(
      `its talk ${CANCELLED} is cancelled in the programme; the note is kept as it is`,
    );
    expect(reimport.stdout).not.toContain('updated');
    // Without the flag, no note changes.
    const afterImport = snapshot(ws);
    for (const [file, bytes] of before)
      if (file.endsWith('.md')) expect(afterImport.get(file), file).toBe(bytes);

    const checked = run(['check']);
    expect(checked.code).toBe(1);
    const rel = path.relative(ws, moved).split(path.sep).join('/');
    const lines = checked.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${rel}:6: start "10:00", but demo-con/programme.yml says "14:30" for "${MOVED}"; take the programme's with: confnotes check --fix, or keep yours with: confnotes set ${rel} keep=start [programme-changed, fixable]`,
      `${rel}:7: end "10:50", but demo-con/programme.yml says "15:20" for "${MOVED}"; take the programme's with: confnotes check --fix, or keep yours with: confnotes set ${rel} keep=end [programme-changed, fixable]`,
      `${rel}:9: room "Pale Golden Rod Room", but demo-con/programme.yml says "Dark Red Room" for "${MOVED}"; take the programme's with: confnotes check --fix, or keep yours with: confnotes set ${rel} keep=room [programme-changed, fixable]`,
      expect.stringMatching(
        new RegExp(
          `^demo-con/.*amy-perez\\.md:14: "${CANCELLED}" is cancelled in demo-con/programme.yml; .* \\[programme-cancelled\\]$`,
        ),
      ),
    ]);
    expect(checked.stderr).toContain('3 can be repaired with: confnotes check --fix');
    const json = JSON.parse(run(['check', '--json']).stdout) as {
      problems: { rule: string; fixable: boolean }[];
    };
    expect(json.problems.map((p) => `${p.rule}:${p.fixable}`)).toEqual([
      'programme-changed:true',
      'programme-changed:true',
      'programme-changed:true',
      'programme-cancelled:false',
    ]);

    const fixed = run(['check', '--fix']);
    // The cancelled talk is still reported: its note is the user's to keep or remove.
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain(`fixed ${rel}: line 6: start 10:00 → 14:30 (the programme's)`);
    expect(fixed.stderr).toContain(
      `fixed ${rel}: line 9: room Pale Golden Rod Room → Dark Red Room (the programme's)`,
    );
    expect(fixed.stdout.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(moved, 'utf8')).toBe(followed(movedText));
    expect(followed(movedText)).not.toBe(movedText);
    expect(fs.readFileSync(cancelled, 'utf8')).toBe(cancelledText);
    const afterFix = snapshot(ws);
    for (const [file, bytes] of afterImport)
      if (file.endsWith('.md') && !moved.endsWith(file)) expect(afterFix.get(file), file).toBe(bytes);
    // Nothing left to fix: a second run changes nothing.
    expect(run(['check', '--fix']).stderr).not.toContain('fixed');
    expect(snapshot(ws)).toEqual(afterFix);
  });

  it("import --update-notes sets the moved talk's lines and lists them, old → new", () => {
    const moved = startNote(MOVED);
    const cancelled = startNote(CANCELLED);
    const movedText = fs.readFileSync(moved, 'utf8');
    const cancelledText = fs.readFileSync(cancelled, 'utf8');
    const before = snapshot(ws);

    const updated = run(['import', newerExport(), '--update-notes']);
    expect(updated.code, updated.stderr).toBe(0);
    const rel = path.relative(ws, moved).split(path.sep).join('/');
    const lines = updated.stdout
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('updated'));
    expect(lines).toEqual([
      `updated   ${rel}  start 10:00 → 14:30`,
      `updated   ${rel}  end 10:50 → 15:20`,
      `updated   ${rel}  room Pale Golden Rod Room → Dark Red Room`,
    ]);
    expect(updated.stderr).toContain('1 note updated to the programme');
    expect(fs.readFileSync(moved, 'utf8')).toBe(followed(movedText));
    expect(fs.readFileSync(cancelled, 'utf8')).toBe(cancelledText);
    const after = snapshot(ws);
    for (const [file, bytes] of before)
      if (file.endsWith('.md') && !moved.endsWith(file)) expect(after.get(file), file).toBe(bytes);
    // Only the cancelled talk is left for check, and a second import has nothing to update.
    const checked = run(['check']);
    expect(checked.stdout).not.toContain('programme-changed');
    expect(checked.stdout).toContain('programme-cancelled');
    const again = run(['import', newerExport(), '--update-notes']);
    expect(again.stdout).not.toContain('updated');
    expect(again.stderr).toContain('already up to date');
  });

  it('keeps what the writer set: set room= adds it to keep, and neither import nor check --fix sets it back', () => {
    const moved = startNote(MOVED);
    const rel = path.relative(ws, moved).split(path.sep).join('/');
    const set = run(['set', rel, 'room=Overflow tent']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('room=Overflow tent keep=room');
    const corrected = fs.readFileSync(moved, 'utf8');
    expect(corrected).toContain('\nroom: Overflow tent\n');
    expect(corrected).toMatch(/\nkeep: \[room\]\n/);
    // Nothing to report while the programme is unchanged: the room is the writer's now.
    expect(run(['check']).stdout).not.toContain('programme-changed');
    expect(run(['import', EXPORT, '--update-notes']).stdout).not.toContain('updated');
    expect(fs.readFileSync(moved, 'utf8')).toBe(corrected);
    // The talk moves: its times follow, the room stays the writer's.
    const updated = run(['import', newerExport(), '--update-notes']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain(`updated   ${rel}  start 10:00 → 14:30`);
    const noteLines = updated.stdout.split('\n').filter((line) => line.startsWith('updated'));
    expect(noteLines.some((line) => line.includes('room'))).toBe(false);
    const after = fs.readFileSync(moved, 'utf8');
    expect(after).toBe(
      corrected
        .replace('\nstart: "10:00"\n', '\nstart: "14:30"\n')
        .replace('\nend: "10:50"\n', '\nend: "15:20"\n'),
    );
    expect(run(['check', '--fix']).stderr).not.toContain('room');
    expect(fs.readFileSync(moved, 'utf8')).toBe(after);
  });
});
