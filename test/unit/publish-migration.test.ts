/** `check --fix` migrating old front matter (issue 19): nested links flat, private notes hidden from generators. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkNoteText, fixText } from '../../src/core/check/check.js';
import { parseNote } from '../../src/core/note/note.js';

const OLD = [
  '---',
  'title: "Fibre"  # mine',
  'date: 2013-04-16',
  'links:',
  '  video: https://example.org/v',
  "  slides: 'https://example.org/s'",
  'room: B1',
  '---',
  '## Notes',
  '- 10:01 links: {a: b} stays',
  '',
].join('\n');

const rules = (text: string) => checkNoteText(text, 'c/n.md').map((problem) => problem.rule);

describe('check --fix migrates old front matter', () => {
  it('writes nested links flat in place, keeping every other byte', () => {
    expect(rules(OLD)).toContain('nested-links');
    const { text, changes } = fixText(OLD);
    expect(text).toBe(
      OLD.replace(
        "links:\n  video: https://example.org/v\n  slides: 'https://example.org/s'\n",
        'video: https://example.org/v\nslides: https://example.org/s\n',
      ),
    );
    expect(changes).toEqual(['line 4: links written flat (video, slides)']);
    expect(parseNote(text).meta.links).toEqual(parseNote(OLD).meta.links);
    expect(rules(text)).toEqual([]);
    for (const version of ['1.1', '1.2'] as const)
      expect(parse(text.split('---\n')[1]!, { version }).video).toBe('https://example.org/v');
  });

  it('keeps CRLF and a flow map, and leaves a map it cannot flatten to the user', () => {
    const crlf = OLD.replace(
      "links:\n  video: https://example.org/v\n  slides: 'https://example.org/s'\n",
      'links: {video: https://example.org/v}\n',
    ).replace(/\n/g, '\r\n');
    expect(fixText(crlf).text).toBe(
      crlf.replace('links: {video: https://example.org/v}', 'video: https://example.org/v'),
    );
    const clash = OLD.replace('room: B1', 'video: https://example.org/other');
    expect(fixText(clash).changes).toEqual([]);
    expect(checkNoteText(clash, 'c/n.md').find((p) => p.rule === 'nested-links')?.message).toContain(
      'move them by hand',
    );
    const notUrl = OLD.replace('https://example.org/v', 'mailto:me@example.org');
    expect(fixText(notUrl).changes).toEqual([]);
  });

  it('adds the publishing flags to a private note, and mends a wrong or empty one', () => {
    const hidden = OLD.replace('room: B1', 'private: true\ndraft:\npublish: true');
    expect(rules(hidden)).toContain('private-not-hidden');
    const { text } = fixText(hidden);
    const data = parse(text.split('---\n')[1]!) as Record<string, unknown>;
    expect(data).toMatchObject({
      private: true,
      draft: true,
      eleventyExcludeFromCollections: true,
      permalink: false,
      publish: false,
    });
    expect(rules(text)).toEqual([]);
    expect(rules(OLD.replace('room: B1', 'private: false'))).not.toContain('private-not-hidden');
  });
});

describe("check --fix renames conference.md's url", () => {
  it('url becomes website, every other byte kept; a file with website is left alone', () => {
    const conf =
      '---\nname: X  # mine\nurl: "https://example.org/x"\nstart: 2026-01-01\n---\n## Introduction\n';
    const { text, changes } = fixText(conf, 'conference');
    expect(text).toBe(conf.replace('\nurl:', '\nwebsite:'));
    expect(changes).toEqual(['line 3: "url" renamed "website"']);
    const both = conf.replace('start:', 'website: https://example.org/y\nstart:');
    expect(fixText(both, 'conference').changes).toEqual([]);
    expect(fixText(conf).changes).toEqual([]);
  });
});
