/** Each path of check/fix.ts: what `check --fix` repairs, and what it refuses to write. */
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/core/check/check.js';
import type { ProgrammeEntry } from '../../src/core/programme/programme-model.js';
import { storedEntry } from '../helpers/conference.js';
import { note } from '../helpers/workspace.js';

const ZONE = 'America/Los_Angeles';
const entry = (fields: Partial<ProgrammeEntry> = {}): ProgrammeEntry =>
  storedEntry('talk-1', 'tk1', {
    title: 'A talk',
    start: '2013-04-16T17:00:00+00:00',
    end: '2013-04-16T17:40:00+00:00',
    room: 'B110',
    ...fields,
  });
const moved = () => ({ entry: entry({ room: 'Hall A' }), zone: ZONE });

describe('fixText', () => {
  it('refuses a repair that would make the note read differently (two keys become one)', () => {
    const text = '---\ntitle: a\n"title ": b\n---\nbody\n';
    expect(fixText(text)).toEqual({ text, changes: [] });
  });

  it("follows the programme only for a note, not for conference.md's scope", () => {
    const text = note({ room: 'B110', programme: 'talk-1' });
    expect(fixText(text, 'conference', moved)).toEqual({ text, changes: [] });
    expect(fixText(text, 'note', moved).text).toBe(text.replace('room: B110', 'room: Hall A'));
    expect(fixText(text, undefined, moved).text).toBe(text.replace('room: B110', 'room: Hall A'));
  });

  it('follows the programme alone, with no other repair to make', () => {
    const text = note({ room: 'B110', programme: 'talk-1' });
    expect(fixText(text, 'note', moved)).toEqual({
      text: text.replace('room: B110', 'room: Hall A'),
      changes: ["line 8: room B110 → Hall A (the programme's)"],
    });
  });

  it('follows the programme into a field the note lacks', () => {
    const text = note({ programme: 'talk-1' });
    const fixed = fixText(text, 'note', moved);
    expect(fixed.text).toBe(text.replace('programme: talk-1\n', 'programme: talk-1\nroom: Hall A\n'));
    expect(fixed.changes).toHaveLength(1);
  });

  it('drops null and empty tags beside a tag to normalise', () => {
    const text = '---\ntitle: t\ntags: [B, null, ""]\n---\nbody\n';
    expect(fixText(text)).toEqual({
      text: '---\ntitle: t\ntags: [b]\n---\nbody\n',
      changes: ['line 3: tag "B" → "b"', 'line 3: tag "" dropped', 'line 3: tag "" dropped'],
    });
  });

  it('trims a key beside tags that are null or already clean', () => {
    for (const tags of ['~', '[b]', '', 'b']) {
      const text = `---\ntitle: t\ntags: ${tags}\n"room ": x\n---\nbody\n`;
      expect(fixText(text).text).toBe(text.replace('"room "', 'room'));
    }
  });

  it('adds the publishing flags to a private note beside a tag repair', () => {
    const text = '---\ntitle: t\ntags: B\nprivate: true\n---\nbody\n';
    expect(fixText(text)).toEqual({
      text: '---\ntitle: t\ntags: b\nprivate: true\npublish: false\npermalink: false\neleventyExcludeFromCollections: true\ndraft: true\n---\nbody\n',
      changes: [
        'line 3: tag "B" → "b"',
        'flags added: draft, eleventyExcludeFromCollections, permalink, publish',
      ],
    });
  });

  it('writes nested links flat beside a trimmed key', () => {
    const text = '---\ntitle: t\nlinks:\n  slides: https://e.org/s\n"room ": x\n---\nbody\n';
    expect(fixText(text).text).toBe('---\ntitle: t\nslides: https://e.org/s\nroom: x\n---\nbody\n');
  });

  it('writes nested links flat when a flat link comes before the map (the links compared as a set)', () => {
    const source = '---\ntitle: t\nvideo: https://e.org/v\nlinks:\n  slides: https://e.org/s\n---\nbody\n';
    const result = fixText(source);
    expect(result.text).toBe('---\ntitle: t\nvideo: https://e.org/v\nslides: https://e.org/s\n---\nbody\n');
    expect(result.changes).toHaveLength(1);
  });

  it("renames conference.md's url before other keys, and trims no key there (a note's rule)", () => {
    const text = '---\nurl: https://e.org/x\n"name ": X\nstart: 2026-01-01\n---\n## Introduction\n';
    expect(fixText(text, 'conference')).toEqual({
      text: text.replace('url:', 'website:'),
      changes: ['line 2: "url" renamed "website"'],
    });
  });
});
