/**
 * Which comments are private markers, which blocks they make, and which lines
 * a report loses with them: the edges the broad cases of private.test.ts do
 * not reach (marker spellings, lines at the text's ends, CRLF, adjacent blocks).
 */
import { describe, expect, it } from 'vitest';
import { privateMarkerProblems } from '../../src/core/markdown/private-marker-problems.js';
import { privateBlocks, privateMarkers, stripPrivate } from '../../src/core/markdown/private.js';

const kinds = (text: string) => privateMarkers(text).map((marker) => marker.kind);

describe('privateMarkers: what is a marker', () => {
  it.each([
    ['<!-- private -->', 'open'],
    ['<!-- private pricing -->', 'open'],
    ['<!-- private\tpricing -->', 'open'],
    ['<!-- private:pricing -->', 'open'],
    ['<!-- PRIVATE: pricing -->', 'open'],
    ['<!--/private-->', 'close'],
    ['<!-- /private done -->', 'close'],
    ['<!-- /private:done -->', 'close'],
    ['<!-- /  PRIVATE -->', 'close'],
    ['<!-- privat -->', 'unknown'],
    ['<!-- privately -->', 'unknown'],
    ['<!-- /privately -->', 'unknown'],
    ['<!-- /privat -->', 'unknown'],
    ['<!-- end private -->', 'unknown'],
    ['<!-- End-Private -->', 'unknown'],
    ['<!-- close private -->', 'unknown'],
    ['<!-- begin private -->', 'unknown'],
    ['<!-- start private -->', 'unknown'],
    ['<!-- start  -  private -->', 'unknown'],
    ['<!-- - privat -->', 'unknown'],
  ])('reads %j as %s', (comment, kind) => {
    expect(kinds(`a ${comment} b`)).toEqual([kind]);
  });

  it.each([
    '<!-- not private -->',
    '<!-- note on privacy -->',
    '<!-- xprivate -->',
    '<!-- x/private -->',
    '<!-- endprivate -->',
    '<!-- startprivate -->',
    '<!-- closeprivate -->',
    '<!-- beginprivate -->',
    '<!-- ending private -->',
    '<!-- hint -->',
    '<!---->',
  ])('does not read %j as a marker', (comment) => {
    expect(kinds(`a ${comment} b`)).toEqual([]);
  });

  it('gives each marker its offsets and its text without the dashes and spaces at its ends', () => {
    const text = 'ab <!--- \n private: pricing  --->cd<!--  -- /private -- -->';
    const markers = privateMarkers(text);
    expect(markers).toEqual([
      { kind: 'open', from: 3, to: 33, text: 'private: pricing' },
      { kind: 'close', from: 35, to: text.length, text: '/private' },
    ]);
    expect(text.slice(markers[0]!.from, markers[0]!.to)).toBe('<!--- \n private: pricing  --->');
  });

  it('reads every marker of a text, also on a second call', () => {
    const text = '<!-- private -->x<!-- /private --><!-- private -->';
    expect(kinds(text)).toEqual(['open', 'close', 'open']);
    expect(kinds(text)).toEqual(['open', 'close', 'open']);
  });

  it('reads a marker inside another comment, and none in text without comments', () => {
    expect(kinds('<!-- outer <!-- private --> -->')).toEqual(['open']);
    expect(kinds('private /private')).toEqual([]);
  });
});

describe('privateBlocks', () => {
  it('gives the outer block of nested ones, closed', () => {
    const text = 'a<!-- private -->b<!-- private -->c<!-- /private -->d<!-- /private -->e';
    expect(privateBlocks(text)).toEqual([{ from: 1, to: text.length - 1, closed: true, stray: false }]);
  });

  it('gives a stray closer as a block of its own, and an unclosed opener as a block to the end', () => {
    const text = '<!-- /private -->x<!-- private -->y<!-- private -->z<!-- /private -->';
    expect(privateBlocks(text)).toEqual([
      { from: 0, to: 17, closed: true, stray: true },
      { from: 18, to: text.length, closed: false, stray: false },
    ]);
  });

  it('does not close a block at a marker-like comment', () => {
    const text = '<!-- private -->a<!-- end private -->b<!-- /private -->';
    expect(privateBlocks(text)).toEqual([{ from: 0, to: text.length, closed: true, stray: false }]);
  });

  it('gives no block for text with comments but no marker', () => {
    expect(privateBlocks('a <!-- note --> b')).toEqual([]);
  });
});

describe('stripPrivate: what leaves the report', () => {
  it('keeps a marker-like comment inside a block from ending it (nothing leaks)', () => {
    const text = 'a\n<!-- private -->\nsecret\n<!-- end private -->\nmore secret\n<!-- /private -->\nb\n';
    expect(stripPrivate(text)).toBe('a\nb\n');
  });

  it('removes two blocks that touch, the second right after the first', () => {
    expect(stripPrivate('a<!-- private -->x<!-- /private --><!-- private -->y<!-- /private -->b')).toBe('ab');
    expect(stripPrivate('a<!-- private --><!-- private -->x<!-- /private --><!-- /private -->b', true)).toBe(
      'axb',
    );
  });

  it('takes whole lines when the block starts on the first line or ends on the last', () => {
    expect(stripPrivate('<!-- private -->\nsecret\n<!-- /private -->\nafter\n')).toBe('after\n');
    expect(stripPrivate('before\n<!-- private -->\nsecret\n<!-- /private -->')).toBe('before\n');
    expect(stripPrivate('before\n<!-- private -->\nsecret\n')).toBe('before\n');
    expect(stripPrivate('<!-- private -->\nsecret\n<!-- /private -->')).toBe('');
  });

  it('keeps what follows the closer on its last line', () => {
    expect(stripPrivate('before\n<!-- private -->\nsecret\n<!-- /private -->x')).toBe('before\nx');
    expect(stripPrivate('before\n<!-- private -->\nsecret\n<!-- /private --> x\nafter\n')).toBe(
      'before\n x\nafter\n',
    );
  });

  it('takes whole lines around markers indented with spaces or tabs, or followed by blanks', () => {
    expect(stripPrivate('a\n  <!-- private -->\nsecret\n\t<!-- /private -->  \nb\n')).toBe('a\nb\n');
    expect(stripPrivate('a\n \t <!-- private -->\t\nsecret\n<!-- /private -->\nb\n')).toBe('a\nb\n');
  });

  it('keeps the line when text shares it with a marker, before or after', () => {
    expect(stripPrivate('a\nx <!-- private -->\nsecret\n<!-- /private -->\nb\n')).toBe('a\nx \nb\n');
    expect(stripPrivate('a\nxy<!-- private -->\nsecret\n<!-- /private -->\nb\n')).toBe('a\nxy\nb\n');
    expect(stripPrivate('a\n<!-- private -->\nsecret\n<!-- /private --> yz\nb\n')).toBe('a\n yz\nb\n');
  });

  it('keeps CRLF line ends whole', () => {
    const text = 'before\r\n<!-- private -->\r\nsecret\r\n<!-- /private -->\r\nafter\r\n';
    expect(stripPrivate(text)).toBe('before\r\nafter\r\n');
    expect(stripPrivate(text, true)).toBe('before\r\nsecret\r\nafter\r\n');
  });

  it('takes the line of each of two markers on consecutive lines', () => {
    const text = 'a\n<!-- private -->\n<!-- private -->\nx\n<!-- /private -->\n<!-- /private -->\nb\n';
    expect(stripPrivate(text, true)).toBe('a\nx\nb\n');
    expect(stripPrivate(`<!-- /private -->\n${text}`)).toBe('a\nb\n');
  });

  it('with keep, removes only the markers: marker-like and other comments stay', () => {
    const text = 'a <!-- note --> b <!-- privat --> c <!-- private -->d<!-- /private -->';
    expect(stripPrivate(text, true)).toBe('a <!-- note --> b <!-- privat --> c d');
  });

  it('leaves a text with comments but no marker as it is', () => {
    const text = '<!-- note -->\nsome <!-- privat --> text\n';
    expect(stripPrivate(text)).toBe(text);
    expect(stripPrivate(text, true)).toBe(text);
  });
});

describe('privateMarkerProblems: the marker text in its message', () => {
  it('names the marker-like comment with its inner spaces folded, dashes and ends trimmed', () => {
    const [problem] = privateMarkerProblems('<!---  end \n  private --->');
    expect(problem!.message).toContain('"<!-- end private -->" is not a private marker');
  });
});
