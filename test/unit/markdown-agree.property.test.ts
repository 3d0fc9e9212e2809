/**
 * The lean heading reader of the quick lane (headings.ts) and the markdown-it
 * reader (blocks.ts) find the same document-level headings, on notes built
 * from the lines that make Markdown's block structure tricky.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentHeadingsOf } from '../../src/core/markdown/blocks.js';
import { documentHeadings } from '../../src/core/markdown/headings.js';

// No `>>` lines: under nested quotes markdown-it treats lazy lines its own way (see headings.ts).
const pieces = [
  '',
  '',
  ' ',
  '\t',
  '## Notes',
  '# Title',
  '### Deep ###',
  '  ## Indented two',
  '   # three',
  '    ## four is code',
  '##',
  '#5 bolt',
  '## Notes ##',
  '#\tTabbed',
  '\t## tab-indented',
  'Notes',
  'Some text',
  '  more text',
  '    indented text',
  '===',
  '---',
  '  ---',
  '- - -',
  '***',
  '___',
  '= =',
  '-',
  '```',
  '````',
  '~~~',
  '~~~~',
  '``` md',
  '```js `x`',
  '  ```',
  '    ```',
  '`````',
  '<!--',
  '-->',
  '<!-- one line -->',
  '<!-- private -->',
  'text <!-- inline',
  '<div>',
  '</div>',
  '<span>',
  '<pre>',
  '</pre>',
  '<?php',
  '?>',
  '- item',
  '- [ ] todo',
  '* star',
  '+ plus',
  '1. one',
  '2) two',
  '-',
  '-     code in item',
  '  - nested',
  '  continued',
  '   deeper',
  '> quote',
  '> ## quoted heading',
  '>',
  '> ```',
  '> - item in quote',
  '- ```',
  '  ```',
  '- ## heading in item',
  '  ## heading under item',
  '[ref]: https://example.org',
  '[ref]: /u "title"',
  '[ref]: <u v> "t"',
  '[ref]: <>',
  '[ref]: <u',
  '[ref]: u<v>',
  'Notes\r',
  '## CR\r',
];

const note = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((lines) => lines.join('\n'));
const shape = (list: { level: number; title: string; line: number; endLine: number }[]) =>
  list.map(({ level, title, line, endLine }) => ({ level, title, line, endLine }));

/** Mostly plain lines, so that the one-regex path for ordinary notes is taken often, with a rare line that is not. */
const plainNote = fc
  .array(
    fc.oneof(
      {
        weight: 20,
        arbitrary: fc.constantFrom(
          '',
          '## Notes',
          '# T',
          '- 11:05 a',
          '- [ ] b',
          'text',
          '- - -',
          '- ```',
          '- <!--',
          '##',
          '#5',
          '- ',
          '-',
          'Notes',
          '<!-- hint: "- [ ] ..." -->',
          '<!-- a --> text',
          '<!-->',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom(...pieces) },
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

describe('the lean heading reader', () => {
  it('finds the headings markdown-it finds in notes of mostly plain lines', () => {
    fc.assert(
      fc.property(plainNote, (text) => {
        expect(shape(documentHeadings(text))).toEqual(shape(documentHeadingsOf(text)));
      }),
      { numRuns: Number(process.env.RUNS ?? 3000) },
    );
  }, 600_000);

  it('finds the headings markdown-it finds', () => {
    fc.assert(
      fc.property(note, (text) => {
        expect(shape(documentHeadings(text))).toEqual(shape(documentHeadingsOf(text)));
      }),
      { numRuns: Number(process.env.RUNS ?? 3000) },
    );
  }, 600_000);
});
