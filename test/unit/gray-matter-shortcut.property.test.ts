/**
 * checkGrayMatterAgrees skips gray-matter when grayMatterClosesHere says it
 * would read the very block confnotes found. Held to the real gray-matter:
 * for generated notes full of dash lines, openings with languages or spaces,
 * `...` closings and CRLF, whenever the shortcut is taken gray-matter reads
 * the same block (and so would not have refused the note).
 */
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import {
  checkGrayMatterAgrees,
  findFrontMatter,
  FrontMatterError,
  grayMatterClosesHere,
} from '../../src/core/front-matter/front-matter.js';

/**
 * The block gray-matter hands its YAML engine: undefined when it hands none
 * (a block of comments only), null when it would run another engine.
 */
function grayMatterBlock(text: string): string | null | undefined {
  let seen: string | undefined;
  const refuse = () => {
    throw new Error('not YAML');
  };
  try {
    matter(text, {
      language: 'yaml',
      engines: {
        yaml: {
          parse: (block: string) => {
            seen = block;
            return {};
          },
        },
        js: refuse,
        javascript: refuse,
      },
    } as unknown as Parameters<typeof matter>[1]);
  } catch {
    return null;
  }
  return seen;
}

const line = fc.constantFrom(
  'title: "A talk"',
  'tags: [a, b]',
  '---',
  '----',
  '--- x',
  ' ---',
  '...',
  '# a comment ---',
  'summary: a --- b',
  '',
  'x: |',
  '  ---',
);
const eol = fc.constantFrom('\n', '\r\n');
const note = fc
  .record({
    bom: fc.boolean(),
    opening: fc.constantFrom('---', '--- ', '---yaml', '---\t', '---js'),
    lines: fc.array(line, { maxLength: 6 }),
    closing: fc.constantFrom('---', '...', '--- ', '---\t'),
    body: fc.array(line, { maxLength: 4 }),
    eol,
  })
  .map(
    ({ bom, opening, lines, closing, body, eol }) =>
      `${bom ? '\uFEFF' : ''}${[opening, ...lines, closing, ...body].join(eol)}${eol}`,
  );

describe('the gray-matter shortcut', () => {
  it('is taken only where gray-matter reads the block confnotes found', () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(note, (text) => {
        let bounds: ReturnType<typeof findFrontMatter>;
        try {
          bounds = findFrontMatter(text);
        } catch {
          return;
        }
        const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
        if (grayMatterClosesHere(text, bounds, source)) {
          taken++;
          const block = grayMatterBlock(text.slice(bounds.start));
          expect(block).not.toBeNull();
          // Handed a block, it is confnotes' (else gray-matter saw nothing to parse, and refuses nothing).
          if (block !== undefined) expect(block!.trim()).toBe(source.trim());
          else expect(source.replace(/^\s*#[^\n]+/gm, '').trim()).toBe('');
        } else {
          try {
            checkGrayMatterAgrees(text, bounds, source);
          } catch (error) {
            expect(error).toBeInstanceOf(FrontMatterError);
            refused++;
          }
        }
      }),
      { numRuns: 3000 },
    );
    // Neither side is vacuous: the shortcut is often taken, and gray-matter still refuses notes.
    expect(taken).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('is taken for the front matter confnotes writes, and not past a dash line', () => {
    const plain = '---\ntitle: "A talk"\ntags: [a]\n---\n\n# A talk\n\n---\n';
    const b = findFrontMatter(plain);
    expect(grayMatterClosesHere(plain, b, plain.slice(b.yamlStart, b.yamlEnd))).toBe(true);
    const dashed = '---\ntitle: "A talk"\n---- oops\ntags: [a]\n---\n';
    const d = findFrontMatter(dashed);
    const source = dashed.slice(d.yamlStart, d.yamlEnd);
    expect(grayMatterClosesHere(dashed, d, source)).toBe(false);
    expect(() => checkGrayMatterAgrees(dashed, d, source)).toThrow(/a line starting with "---"/);
  });
});
