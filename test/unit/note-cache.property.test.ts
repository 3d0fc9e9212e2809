/** The cache never changes what a scan returns (property test, split from note-cache.test.ts). */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheFile } from '../helpers/note-cache.js';
import { scanNotes, type ScanResult } from '../../src/core/note/store.js';
import { defaultConference, makeWorkspace, note } from '../helpers/workspace.js';

/** Files written by a test are seconds old at most; a scan "a minute later" may cache them. */
const later = () => ({ cache: { now: Date.now() + 60_000 } });

/** Everything a command could see: every field of every note (bodies included) and every problem. */
function comparable(result: ScanResult) {
  return {
    notes: result.notes.map((n) => ({ ...n })),
    problems: result.problems.map((p) => p.message).sort(),
  };
}

describe('the front-matter cache', () => {
  it('never changes what a scan returns, whatever happens to the files and the cache', () => {
    type Step =
      | { kind: 'write'; slot: number; title: string; tags: string[]; body: string }
      | { kind: 'break'; slot: number }
      | { kind: 'flip-case'; slot: number }
      | { kind: 'delete'; slot: number }
      | { kind: 'damage-cache' }
      | { kind: 'scan'; conference: 'one' | 'all' };
    const tag = fc.constantFrom('storage', 'storage/ceph', 'networking', 'Security', '#ops');
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('write' as const),
        slot: fc.nat(3),
        title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
        tags: fc.array(tag, { maxLength: 4 }),
        body: fc.string({ maxLength: 40 }),
      }),
      fc.record({ kind: fc.constant('break' as const), slot: fc.nat(3) }),
      fc.record({ kind: fc.constant('flip-case' as const), slot: fc.nat(3) }),
      fc.record({ kind: fc.constant('delete' as const), slot: fc.nat(3) }),
      fc.constant({ kind: 'damage-cache' as const }),
      fc.record({
        kind: fc.constant('scan' as const),
        conference: fc.constantFrom('one' as const, 'all' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const { ws, root } = makeWorkspace();
        fs.mkdirSync(path.join(root, 'one'));
        fs.writeFileSync(path.join(root, 'one', 'conference.md'), defaultConference);
        // Slots 0-1 in "conf", 2-3 in "one"; mtimes move forward a second per write, as edits do.
        const fileOf = (slot: number) =>
          path.join(root, slot < 2 ? 'conf' : 'one', `2013-04-16-10${slot}0-note-${slot}.md`);
        let clock = Date.now() - 3_600_000;
        const touch = (file: string) => {
          clock += 1000;
          fs.utimesSync(file, new Date(clock), new Date(clock));
        };
        for (const s of steps) {
          if (s.kind === 'write') {
            fs.writeFileSync(fileOf(s.slot), note({ title: s.title, tags: JSON.stringify(s.tags) }, s.body));
            touch(fileOf(s.slot));
          } else if (s.kind === 'break') {
            fs.writeFileSync(fileOf(s.slot), '---\ntitle: [\n---\n');
            touch(fileOf(s.slot));
          } else if (s.kind === 'flip-case') {
            // The same number of bytes with a different title: only the stamp's times tell.
            if (!fs.existsSync(fileOf(s.slot))) continue;
            const text = fs.readFileSync(fileOf(s.slot), 'utf8');
            const flipped = text.replace(
              /^title: ([A-Za-z])/m,
              (_, c: string) => `title: ${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}`,
            );
            fs.writeFileSync(fileOf(s.slot), flipped);
            touch(fileOf(s.slot));
          } else if (s.kind === 'delete') {
            fs.rmSync(fileOf(s.slot), { force: true });
          } else if (s.kind === 'damage-cache') {
            for (const slug of ['conf', 'one'])
              if (fs.existsSync(cacheFile(ws, slug)))
                fs.writeFileSync(cacheFile(ws, slug), fs.readFileSync(cacheFile(ws, slug)).subarray(0, 40));
          } else {
            const slugs = s.conference === 'one' ? ['one'] : undefined;
            const cached = comparable(scanNotes(ws, slugs, later()));
            expect(cached).toEqual(comparable(scanNotes(ws, slugs, { cache: false })));
          }
        }
        expect(comparable(scanNotes(ws, undefined, later()))).toEqual(
          comparable(scanNotes(ws, undefined, { cache: false })),
        );
      }),
      { numRuns: 80 },
    );
  });
});
