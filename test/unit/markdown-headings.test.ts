/**
 * Which lines open a section, as CommonMark reads them: one case per block
 * rule that the lean reader (headings.ts, jot's quick lane) follows, each
 * read the same by markdown-it (blocks.ts). Each case gives the headings as
 * `level line title`.
 */
import { describe, expect, it } from 'vitest';
import { headingCases as cases, readHeadings as read } from '../helpers/headings.js';
import { splitLines } from '../../src/core/markdown/headings.js';

describe('ATX headings', () => {
  cases([
    ['# one\n###### six\n####### seven\n', ['1 0-1 one', '6 1-2 six']],
    ['#\n##   \n', ['1 0-1 ', '2 1-2 ']],
    ['#5 bolt\n#hashtag\n', []],
    [
      '## a ##\n## b#\n## #\n## c ###   \n## d \\#\n',
      ['2 0-1 a', '2 1-2 b#', '2 2-3 ', '2 3-4 c', '2 4-5 d \\#'],
    ],
    ['text\n## right after text\n', ['2 1-2 right after text']],
    ['   ### three spaces\n    #### four spaces\n', ['3 0-1 three spaces']],
    ['text\n   # three, no blank line, no line end', ['1 1-2 three, no blank line, no line end']],
  ]);
});

describe('tabs, as spaces to the next multiple of four', () => {
  cases([
    ['#\tTabbed\n', ['1 0-1 Tabbed']],
    ['\t## code\n', []],
    [' \t## code\n', []],
    ['  \t## code\n', []],
    ['#####\tfive\n', ['5 0-1 five']],
    ['-\ta\n\t## in the item\n', []],
    ['text\n\n   \t# code\n', []],
  ]);
});

describe('setext headings', () => {
  cases([
    ['Title\n=====\n', ['1 0-2 Title']],
    ['Title\n-\n', ['2 0-2 Title']],
    ['Title\n--', ['2 0-2 Title']],
    ['Title\n===   \n', ['1 0-2 Title']],
    ['Title\n   ---\n', ['2 0-2 Title']],
    ['Title\n    ---\n', []],
    ['Title\n= =\n', []],
    ['Title\n==-\n', []],
    ['  two\n lines \n---\n', ['2 0-3 two\n lines']],
    ['\n===\n', []],
    ['# atx\n===\n', ['1 0-1 atx']],
    ['Title\n- \n## next\n', ['2 0-2 Title', '2 2-3 next']],
    ['- \n## a\n-\n## b\n', ['2 1-2 a', '2 3-4 b']],
  ]);
});

describe('thematic breaks', () => {
  cases([
    ['Para\n***\n', []],
    ['Para\n- - -\n', []],
    ['Para\n_ _ _\n', []],
    ['Para\n* * * *  \n', []],
    ['***\nText\n---\n', ['2 1-3 Text']],
    ['Para\n**\n===\n', ['1 0-3 Para\n**']],
    ['Para\n__\n===\n', ['1 0-3 Para\n__']],
    ['Para\n***x\n===\n', ['1 0-3 Para\n***x']],
  ]);
});

describe('fenced code', () => {
  cases([
    ['```\n# a\n```\n# b\n', ['1 3-4 b']],
    ['~~~\n# a\n~~~\n# b\n', ['1 3-4 b']],
    ['````\n# a\n```\n# b\n````\n# c\n', ['1 5-6 c']],
    ['~~~~\n# a\n~~~\n# b\n~~~~~\n# c\n', ['1 5-6 c']],
    ['```\n# a\n~~~\n# b\n```\n# c\n', ['1 5-6 c']],
    ['~~~\n# a\n```\n# b\n~~~\n# c\n', ['1 5-6 c']],
    ['```\n# a\n    ```\n# b\n```\n# c\n', ['1 5-6 c']],
    ['```\n# a\n   ```  \n# b\n', ['1 3-4 b']],
    ['```\n# a\n``` x\n# b\n', []],
    ['``\n# a\n', ['1 1-2 a']],
    ['``` a`b\n# a\n```\n', ['1 1-2 a']],
    ['~~~ a`b\n# a\n~~~\n# b\n', ['1 3-4 b']],
    ['   ```\n# a\n```\n# b\n', ['1 3-4 b']],
    ['    ```\n# a\n', ['1 1-2 a']],
    ['Para\n```\n# a\n```\n', []],
    ['```js\n# a\n', []],
  ]);
});

describe('HTML blocks', () => {
  cases([
    ['<!-- a -->\n# b\n', ['1 1-2 b']],
    ['<!-- a -->\n# b\n~~~\n~~~\n', ['1 1-2 b']],
    ['<?x ?>\n# b\n', ['1 1-2 b']],
    ['<script>x</script>\n# b\n', ['1 1-2 b']],
    ['<!--\n# a\n-->\n# b\n', ['1 3-4 b']],
    ['<!-- a\n# hidden\nstill -->\n# b', ['1 3-4 b']],
    ['<!--\na > b\n# a\n-->\n# b\n', ['1 4-5 b']],
    ['<?x\na > b\n# a\n?>\n# b\n', ['1 4-5 b']],
    ['<![CDATA[\na > b\n# a\n]]>\n# b\n', ['1 4-5 b']],
    ['<?php\n# a\n?>\n# b\n', ['1 3-4 b']],
    ['<!DOCTYPE html\n# a\n>\n# b\n', ['1 3-4 b']],
    ['<![CDATA[\n# a\n]]>\n# b\n', ['1 3-4 b']],
    ['<script>\n# a\n\n# still\n</script>\n# b\n', ['1 5-6 b']],
    ['<PRE class="x">\n# a\n</pre>\n# b\n', ['1 3-4 b']],
    ['<style>\n# a\n</style>\n# b\n', ['1 3-4 b']],
    ['<textarea>\n# a\n</textarea>\n# b\n', ['1 3-4 b']],
    ['<div>\n# a\n\n# b\n', ['1 3-4 b']],
    ['<div>\nx\n# a\n\n# b\n', ['1 4-5 b']],
    ['<script>\n</script x\n# a\n</script>\n# b\n', ['1 4-5 b']],
    ['</div>\n# a\n\n# b\n', ['1 3-4 b']],
    ['<DIV class="x">\n# a\n\n# b\n', ['1 3-4 b']],
    ['<details/>\n# a\n\n# b\n', ['1 3-4 b']],
    ['<span>\n# a\n\n# b\n', ['1 3-4 b']],
    ['<a href="x" title=\'y\' data-z=w hidden>\n# a\n\n# b\n', ['1 3-4 b']],
    ['</span>\n# a\n\n# b\n', ['1 3-4 b']],
    ['<span> text\n# a\n', ['1 1-2 a']],
    ['<divs> text\n# a\n', ['1 1-2 a']],
    ['<scripts> text\n# a\n', ['1 1-2 a']],
    ['<divs>\n# a\n\n# b\n', ['1 3-4 b']],
    ['Para\n<span>\n===\n', ['1 0-3 Para\n<span>']],
    ['Para\n<div>\n===\n', []],
    ['Para\n<!-- x -->\n===\n', []],
    ['<3 text\n===\n', ['1 0-2 <3 text']],
  ]);
});

describe('link reference definitions', () => {
  cases([
    ['[a]: /url\n===\n', []],
    ['[a]: <u> "t"\n---\n', []],
    ['[a]: /u "t"\n---\n', []],
    ["[a]: /u 't'\n---\n", []],
    ['[a]: /u (t)\n---\n', []],
    ['[a\\]b]: /u\n---\n', []],
    ['[a] b\n===\n', ['1 0-2 [a] b']],
    ['[a]: /u junk\n---\n', ['2 0-2 [a]: /u junk']],
    ['Para\n[a]: /u\n===\n', ['1 0-3 Para\n[a]: /u']],
  ]);
});

describe('block quotes', () => {
  cases([
    ['> # a\n>## b\n   > # c\n    > # d\n', []],
    ['> a\n# b\n', ['1 1-2 b']],
    ['> a\nlazy\n===\n', []],
    ['> a\n---\n', []],
    ['> a\n\n# b\n', ['1 2-3 b']],
    ['> ```\n# a\n', ['1 1-2 a']],
    ['> a\n<div>\n# b\n', []],
    ['> a\n<span>\n# b\n', ['1 2-3 b']],
    ['> a\n```\n# b\n```\n', []],
    ['> a\n- b\n# c\n', ['1 2-3 c']],
    ['> a\n1. b\n# c\n', ['1 2-3 c']],
    ['> a\n2. b\n# c\n', ['1 2-3 c']],
    ['> a\n    - b\nText\n===\n', []],
    ['>    x\nText\n===\n', []],
    ['> a\n>\n>    x\nText\n===\n', []],
    ['>     code\nText\n===\n', ['1 1-3 Text']],
  ]);
});

describe('list items', () => {
  cases([
    ['- a\n  # in\n# out\n', ['1 2-3 out']],
    ['- a\n # out\n', ['1 1-2 out']],
    ['-  a\n  # out\n', ['1 1-2 out']],
    ['-  a\n   # in\n', []],
    ['1. a\n   # in\n  # out\n', ['1 2-3 out']],
    ['10) a\n    # in\n', []],
    ['1234567890. a\n# b\n', ['1 1-2 b']],
    ['1.5 million\n===\n', ['1 0-2 1.5 million']],
    ['1.\n   # in\n', []],
    ['1234567890. a\n===\n', ['1 0-2 1234567890. a']],
    ['1) a\n===\n', []],
    ['Para\n*  \n===\n', ['1 0-3 Para\n*']],
    ['-x\n+y\n===\n', ['1 0-3 -x\n+y']],
    ['-# a\n+# b\n*# c\n', []],
    ['-\n  # in\n', []],
    ['-\n\n  # out\n', ['1 2-3 out']],
    ['- a\n\n  # in\n', []],
    ['- a\n\n # out\n', ['1 2-3 out']],
    ['-     code\n  # in\n', []],
    ['-      code\n # out\n', ['1 1-2 out']],
    ['- a\nlazy\n===\n', []],
    ['Para\n-\n', ['2 0-2 Para']],
    ['Para\n*\n===\n', ['1 0-3 Para\n*']],
    ['Para\n2. a\n---\n', ['2 0-3 Para\n2. a']],
    ['Para\n1. a\n---\n', []],
    ['Para\n- a\n# b\n', ['1 2-3 b']],
    ['- > a\n# b\n', ['1 1-2 b']],
    ['- > a\nlazy\n===\n', []],
    ['> - a\nlazy\n===\n', []],
    ['> -\n>\nlazy\n===\n', ['1 2-4 lazy']],
    ['- a\n  - b\n    # in\n  # in too\n# out\n', ['1 4-5 out']],
  ]);
});

describe('line ends', () => {
  it('splits at LF, CR and CRLF alike', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(read('a\r# b\r\n# c\n```\r# d\r```\r# e')).toEqual(['1 1-2 b', '1 2-3 c', '1 6-7 e']);
  });
});
