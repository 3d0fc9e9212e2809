/** The yaml library's errors in a person's words, through the front-matter parser as a note meets it. */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/front-matter/front-matter.js';
import { yamlErrorInWords } from '../../src/core/front-matter/yaml-words.js';

function messageOf(yaml: string): string {
  try {
    parseYaml(yaml, 2);
  } catch (error) {
    return `line ${(error as { line?: number }).line}: ${(error as Error).message}`;
  }
  throw new Error('parsed without an error');
}

describe('YAML errors in words', () => {
  it.each([
    ['type: talk\ntitle: Nova: the road ahead\n', /line 3: .*a title containing ': ' needs quotes/],
    ['title: "unclosed\ntype: talk\n', /"title" opens a quotation mark that is never closed/],
    ['title: x\n\troom: y\n', /a tab is used for indentation/],
    ['title: a\ntitle: b\n', /the key "title" is given twice/],
    ['title: @home\n', /"title" starts with "@", which YAML reserves; put the value in quotes/],
    ['title: "a" b\n', /"title" has text after its closing quotation mark/],
    ['tags: [a, b\n', /"tags" opens a bracket that is never closed/],
  ])('%j', (yaml, expected) => {
    const message = messageOf(yaml);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/implicit|scalar|compact mapping/i);
  });

  it.each([
    ['title: "unclosed\ntype: talk\ndate: 2013-04-16\n', 2],
    ['title: t\ntype: talk\ntags: [a, b\nroom: A\nend: "10:00"\n', 4],
    ['title: t\nlinks: {video: https://example.org/v\nroom: A\n', 3],
    ['title: t\nroom: A\n', null],
    // A closed quotation mark after the unclosed one does not take the blame.
    ["title: \"Talk about\nspeakers: 'Bob'\ntags: [a]\nroom: B\n", 2],
  ])('points at the line that opened what is never closed: %j', (yaml, line) => {
    // The YAML starts on file line 2 (after the opening ---).
    if (line === null) expect(() => parseYaml(yaml, 2)).not.toThrow();
    else expect(messageOf(yaml)).toMatch(new RegExp(`^line ${line}: `));
  });

  it('keeps the parser message for a code it does not know', () => {
    expect(yamlErrorInWords('SOMETHING_NEW', 'Odd thing', ['a: b'])).toBe('Odd thing');
  });
});
