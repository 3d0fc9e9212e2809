/**
 * More cases for the lean heading reader (headings.ts), each aimed at one rule
 * a mutation run left untested (issue 20). As in markdown-headings.test.ts,
 * every case is read by both readers, which must agree with markdown-it.
 */
import { describe } from 'vitest';
import { headingCases as cases } from '../helpers/headings.js';

describe('tabs after a list marker', () => {
  cases([['1.\ta\n   # b\n', ['1 1-2 b']]]);
});

describe('lazy continuation lines', () => {
  cases([
    ['> quote\ncontinued\n---\n', []],
    ['- # h\ntext\n---\n', ['2 1-3 text']],
    ['> a\n\nb\n---\n', ['2 2-4 b']],
    ['text\n- b\n---\n', []],
  ]);
});

describe('block quotes', () => {
  cases([
    ['> ```\n> a\nb\n---\n', ['2 2-4 b']],
    ['>```\n> a\nb\n---\n', ['2 2-4 b']],
    ['> x\n>```\n> a\nb\n---\n', ['2 3-5 b']],
  ]);
});

describe('list items', () => {
  cases([
    ['1.  a\n    ```\n    x\nb\n---\n', ['2 3-5 b']],
    ['a\n\n10. b\n---\n', []],
    ['text\n-  \n', ['2 0-2 text']],
    ['a # b\n-\n', ['2 0-2 a # b']],
    ['```-\n# h\n', []],
  ]);
});

describe('thematic breaks and closing hashes', () => {
  cases([
    ['a\nb ***\n---\n', ['2 0-3 a\nb ***']],
    ['## a #b\n', ['2 0-1 a #b']],
  ]);
});

describe('link reference definitions', () => {
  cases([
    ['[a]:/u\n---\n', []],
    ['[a]: /u  "t"\n---\n', []],
    ['[a]: /u "tt"\n---\n', []],
    ["[a]: /u 'tt'\n---\n", []],
    ['[a]: /u (tt)\n---\n', []],
  ]);
});

describe('HTML blocks start only at the line start, and end where their kind says', () => {
  cases([
    ['<i>a</i> <pre>\n# h\n', ['1 1-2 h']],
    ['<pre\n# h\n</pre>\n', []],
    ['<x <!--\n# h\n', ['1 1-2 h']],
    ['<x <?\n# h\n', ['1 1-2 h']],
    ['<x <!D\n# h\n', ['1 1-2 h']],
    ['<x <![CDATA[\n# h\n', ['1 1-2 h']],
    ['a\n<DIV>\n# h\n', []],
  ]);
});
