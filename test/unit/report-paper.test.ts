/** The PDF's paper from the locale, and the print CSS that carries it. */
import { describe, expect, it } from 'vitest';
import { pageCss, paperFromLocale } from '../../src/core/report/paper.js';

describe('paper from the locale', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'letter'],
    [{ LANG: 'en_GB.UTF-8' }, 'a4'],
    [{ LANG: 'fr_CA.UTF-8' }, 'letter'],
    [{ LANG: 'es_MX' }, 'letter'],
    [{ LANG: 'es_CL.UTF-8' }, 'letter'],
    [{ LANG: 'es_CO' }, 'letter'],
    [{ LANG: 'es_VE' }, 'letter'],
    [{ LANG: 'fil_PH.UTF-8' }, 'letter'],
    [{ LANG: 'de_DE.UTF-8' }, 'a4'],
    [{ LANG: 'C.UTF-8' }, 'a4'],
    [{}, 'a4'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'a4'],
    [{ LC_ALL: 'en_GB.UTF-8', LC_PAPER: 'en_US.UTF-8' }, 'letter'],
    [{ LC_PAPER: '', LANG: 'en_US' }, 'letter'],
  ])('%j → %s', (env, paper) => {
    expect(paperFromLocale(env)).toBe(paper);
  });

  it('sets the page size and numbers the pages', () => {
    expect(pageCss('letter')).toContain('size: letter;');
    expect(pageCss('a4')).toContain('size: A4;');
    expect(pageCss('a4')).toContain('counter(page) " / " counter(pages)');
  });
});
