/**
 * fix.ts's safety net: a repair that makes the note read differently is not
 * written. No rule of today makes such a repair, so a faulty rule stands in
 * for the rules here, one splice at a time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParsedNote } from '../../src/core/check/rule.js';
import { fixText } from '../../src/core/check/fix.js';
import type { rulesOf } from '../../src/core/check/rules/index.js';

const faulty: { find: string; insert: string; changes: string[]; scope: string }[] = [];

/** Stands in for the registry's rulesOf: the faulty rules of the test, by scope. */
const faultyRules = ((scope: string) =>
  faulty
    .filter((rule) => rule.scope === scope)
    .map((rule) => ({
      id: 'faulty',
      scope,
      fix: (note: ParsedNote) => {
        if (rule.find === '') return { splices: [], changes: rule.changes };
        // Offsets are the front matter's; past its end they reach the body.
        const at = note.text.indexOf(rule.find) - note.bounds.yamlStart;
        return {
          splices: [{ from: at, to: at + rule.find.length, insert: rule.insert }],
          changes: rule.changes,
        };
      },
    }))) as unknown as typeof rulesOf;

const fix = (text: string, scope: 'note' | 'conference' = 'note') =>
  fixText(text, scope, undefined, faultyRules);

const repair = (find: string, insert: string, scope = 'note') =>
  faulty.push({ find, insert, changes: ['repaired'], scope });

beforeEach(() => {
  faulty.length = 0;
});

const NOTE = '---\ntitle: t\nroom: B1\ntags: [a, c]\nvideo: https://e.org/v\ndraft: true\n---\n## Notes\n';

describe('a repair that reads differently is refused', () => {
  it.each([
    ['a value', 'room: B1', 'room: B2'],
    ['a tag in a list', 'tags: [a, c]', 'tags: [a, d]'],
    ['a link', 'https://e.org/v', 'https://e.org/w'],
    ['a publishing flag of a public note', 'draft: true', 'draft: false'],
    ['the body', '## Notes', '## Other'],
    ['YAML that no longer parses', 'room: B1', 'room: [B1'],
  ])('%s', (_what, find, insert) => {
    repair(find, insert);
    expect(fix(NOTE)).toEqual({ text: NOTE, changes: [] });
  });

  it('a single tag', () => {
    const text = '---\ntitle: t\ntags: a\n---\n';
    repair('tags: a', 'tags: b');
    expect(fix(text)).toEqual({ text, changes: [] });
  });

  it('tags added to a note that had none, even one spelled undefined', () => {
    const text = '---\ntitle: t\n---\n';
    repair('title: t', 'title: t\ntags: [undefined]');
    expect(fix(text)).toEqual({ text, changes: [] });
  });

  it("conference.md's website, when an old url is there too", () => {
    const text = '---\nname: X\nurl: https://e.org/u\nwebsite: https://e.org/w\n---\n';
    repair('https://e.org/w', 'https://e.org/z', 'conference');
    expect(fix(text, 'conference')).toEqual({ text, changes: [] });
  });

  it('an empty website added to conference.md that had neither url nor website', () => {
    const text = '---\nname: X\n---\n';
    repair('name: X', 'name: X\nwebsite:', 'conference');
    expect(fix(text, 'conference')).toEqual({ text, changes: [] });
  });

  it('while the same kind of repair that reads the same is written', () => {
    repair('room: B1', 'room:   B1');
    expect(fix(NOTE)).toEqual({ text: NOTE.replace('room: B1', 'room:   B1'), changes: ['repaired'] });
  });

  it('a repair that changes no byte reports no change', () => {
    faulty.push({ find: '', insert: '', changes: ['nothing'], scope: 'note' });
    expect(fix(NOTE)).toEqual({ text: NOTE, changes: [] });
  });
});
