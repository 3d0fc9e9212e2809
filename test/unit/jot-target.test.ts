/** A jot never takes a note over the size limit: refused before anything is written. */
import { describe, expect, it } from 'vitest';
import { FrontMatterError } from '../../src/core/front-matter/front-matter-bounds.js';
import { checkJotSize } from '../../src/core/jot/jot-target.js';
import { MAX_NOTE_BYTES } from '../../src/core/note/note-size.js';

describe('checkJotSize', () => {
  const nearlyFull = 'x'.repeat(MAX_NOTE_BYTES - 10);

  it('lets a jot through that keeps the note within the limit, to the byte', () => {
    const plan = { append: '- 10:00 ok\n' };
    expect(checkJotSize(nearlyFull.slice(1), plan)).toBe(plan);
    expect(checkJotSize('', { replace: 'y'.repeat(MAX_NOTE_BYTES) })).toEqual({
      replace: 'y'.repeat(MAX_NOTE_BYTES),
    });
    expect(checkJotSize('abc', null)).toBeNull();
  });

  it('refuses an append or a rewrite that would go over it, counting bytes, not characters', () => {
    expect(() => checkJotSize(nearlyFull, { append: '- 10:00 one more\n' })).toThrow(FrontMatterError);
    expect(() => checkJotSize(nearlyFull, { append: '- 10:00 one more\n' })).toThrow(
      'this jot would make the note 5.0 MB, over the limit for a note (5 MB)',
    );
    expect(() => checkJotSize('', { replace: 'y'.repeat(MAX_NOTE_BYTES + 1) })).toThrow(/over the limit/);
    // Six characters, eleven bytes in UTF-8.
    expect(() => checkJotSize(nearlyFull, { append: `${'é'.repeat(5)}\n` })).toThrow(/over the limit/);
    expect(checkJotSize(nearlyFull, { append: `${'e'.repeat(9)}\n` })).toBeTruthy();
  });
});
