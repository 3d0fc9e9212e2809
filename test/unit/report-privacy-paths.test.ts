/** Each path of report-privacy.ts and publish-flags.ts: a private note never reaches a report, in any spelling. */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/note/note.js';
import {
  UNPUBLISHED_FLAGS,
  UNPUBLISHED_KEYS,
  missingFlags,
  unpublishedLines,
} from '../../src/core/note/publish-flags.js';
import { frontMatterSaysPrivate, noteSource, publicField } from '../../src/core/report/report-privacy.js';

describe('frontMatterSaysPrivate, spelling by spelling', () => {
  it.each([
    ['private: yes', true],
    ['PRIVATE: yes', true],
    ['Private: False', false],
    ['private: FALSE', false],
    ['private: fAlse', true],
    ['private: falsey', true],
    ['private: nofalse', true],
    ['private: false#x', true],
    ['private: false # reviewed', false],
    ['private: # nothing', true],
    ['private: #', true],
    ['private:', true],
    ['private:   ', true],
    ['private:yes', false],
    ['#private: yes', false],
    ['  private: yes', false],
    ['privately: yes', false],
    ['not private: yes', false],
    ['xprivate: yes', false],
    ['summary: private', false],
  ])('reads %s as private: %s', (line, expected) => {
    expect(frontMatterSaysPrivate(`title: x\n${line}\ndate: 2013-04-16\n`)).toBe(expected);
  });

  // Not in it.each: a test name with a backslash (JSON of a quote or tab) is not selected by Stryker's runner.
  it('reads quoted keys and tabs', () => {
    const cases: [string, boolean][] = [
      ['private: false\t# reviewed', false],
      ['private :\tno', true],
      ['private\t: false', false],
      ['"private": no', true],
      ["'private': no", true],
      ['"private": false', false],
      ['"private ": yes', true],
      ['"private: yes', false],
      ['private: false   ', false],
      ['private: false  # reviewed', false],
      ['private: False\t', false],
    ];
    for (const [line, expected] of cases)
      expect([line, frontMatterSaysPrivate(`title: x\n${line}\ndate: 2013-04-16\n`)]).toEqual([
        line,
        expected,
      ]);
  });

  it('reads every line, with LF or CRLF ends, whatever comes first', () => {
    expect(frontMatterSaysPrivate('private: yes')).toBe(true);
    expect(frontMatterSaysPrivate('title: x\nprivate: yes')).toBe(true);
    expect(frontMatterSaysPrivate('title: x\r\nprivate: yes\r\ndate: 2013-04-16\r\n')).toBe(true);
    expect(frontMatterSaysPrivate('title: x\r\nprivate: false\r\n')).toBe(false);
    expect(frontMatterSaysPrivate('private: false\nprivate: yes\n')).toBe(true);
    expect(frontMatterSaysPrivate('private: yes\nprivate: false\n')).toBe(true);
    expect(frontMatterSaysPrivate('title: x\nPrivate: "false"\n')).toBe(true);
  });

  it('counts a flow mapping that mentions private, indented or not, and nothing without the word', () => {
    expect(frontMatterSaysPrivate('{title: x, private: false}')).toBe(true);
    expect(frontMatterSaysPrivate('  \n {title: x, Private: no}')).toBe(true);
    expect(frontMatterSaysPrivate('{title: x}')).toBe(false);
    expect(frontMatterSaysPrivate('title: {a: b}\nsummary: private talk\n')).toBe(false);
    expect(frontMatterSaysPrivate('title: x\n')).toBe(false);
    expect(frontMatterSaysPrivate('')).toBe(false);
  });
});

const note = (over: Partial<Note>): Note =>
  ({
    id: 'n',
    file: '/x/n.md',
    path: 'c/n.md',
    folder: 'c',
    body: 'model body\n',
    private: false,
    ...over,
  }) as Note;

describe('noteSource', () => {
  it('uses the note as read when no source is given', () => {
    expect(noteSource(note({}))).toEqual({ body: 'model body\n', private: false });
    expect(noteSource(note({ private: true }))).toEqual({ body: 'model body\n', private: true });
  });

  it('reads the body and the private spelling from the file text', () => {
    const text = '---\ntitle: x\nprivate: yes\n---\n## Body\n\nfile body\n';
    expect(noteSource(note({}), () => text)).toEqual({ body: '## Body\n\nfile body\n', private: true });
    const open = '---\ntitle: x\nprivate: false\n---\nfile body\n';
    expect(noteSource(note({}), () => open)).toEqual({ body: 'file body\n', private: false });
  });

  it('keeps a note private that the model read as private, whatever the text says', () => {
    const text = '---\ntitle: x\nprivate: false\n---\nfile body\n';
    expect(noteSource(note({ private: true }), () => text).private).toBe(true);
  });

  it('reads only the front matter for the private key, not the body', () => {
    const text = '---\ntitle: x\n---\nprivate: yes\n';
    expect(noteSource(note({}), () => text)).toEqual({ body: 'private: yes\n', private: false });
  });

  it('passes the note itself to the source', () => {
    const seen: Note[] = [];
    const given = note({ id: 'mine' });
    noteSource(given, (n) => {
      seen.push(n);
      return '---\ntitle: x\n---\n';
    });
    expect(seen).toEqual([given]);
  });
});

describe('publicField', () => {
  it('gives back null and text without comments untouched', () => {
    expect(publicField(null, false)).toBeNull();
    expect(publicField(null, true)).toBeNull();
    expect(publicField('  two  spaces  ', false)).toBe('  two  spaces  ');
    expect(publicField('', false)).toBe('');
  });

  it('removes the private part and folds the white space left', () => {
    expect(publicField('Good  <!-- private -->secret<!-- /private -->  talk ', false)).toBe('Good talk');
    expect(publicField('a\n<!-- private -->x<!-- /private -->\tb', false)).toBe('a b');
  });

  it('is null when only private text was there', () => {
    expect(publicField('<!-- private -->secret<!-- /private -->', false)).toBeNull();
    expect(publicField(' <!-- private -->secret<!-- /private --> ', false)).toBeNull();
  });

  it('with keep, removes only the markers', () => {
    expect(publicField('Good <!-- private -->secret<!-- /private --> talk', true)).toBe('Good secret talk');
    expect(publicField('<!-- private --><!-- /private -->', true)).toBeNull();
  });
});

describe('the publishing flags', () => {
  it('are the four generator flags, in order', () => {
    expect(UNPUBLISHED_FLAGS).toEqual({
      draft: true,
      eleventyExcludeFromCollections: true,
      permalink: false,
      publish: false,
    });
    expect(UNPUBLISHED_KEYS).toEqual(['draft', 'eleventyExcludeFromCollections', 'permalink', 'publish']);
  });

  it('as lines, with LF by default or the given line end', () => {
    expect(unpublishedLines()).toBe(
      'draft: true\neleventyExcludeFromCollections: true\npermalink: false\npublish: false',
    );
    expect(unpublishedLines('\r\n')).toBe(
      'draft: true\r\neleventyExcludeFromCollections: true\r\npermalink: false\r\npublish: false',
    );
  });

  it('lists the flags missing or contradicted, and none when all are set', () => {
    expect(missingFlags({})).toEqual(['draft', 'eleventyExcludeFromCollections', 'permalink', 'publish']);
    expect(
      missingFlags({ draft: true, eleventyExcludeFromCollections: true, permalink: false, publish: false }),
    ).toEqual([]);
    expect(
      missingFlags({ draft: 'true', eleventyExcludeFromCollections: true, permalink: null, publish: true }),
    ).toEqual(['draft', 'permalink', 'publish']);
    expect(missingFlags({ draft: false, eleventyExcludeFromCollections: 1, permalink: false })).toEqual([
      'draft',
      'eleventyExcludeFromCollections',
      'publish',
    ]);
  });
});
