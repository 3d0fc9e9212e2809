/**
 * The PDF's paper: `--paper a4|letter`, else from the locale (LC_PAPER, then
 * LC_ALL, then LANG): US Letter where it is the custom (the United States,
 * Canada, Mexico, Chile, Colombia, Venezuela, the Philippines), A4 elsewhere.
 */
export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];

const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'CL', 'CO', 'VE', 'PH']);

/** `en_US.UTF-8` → letter, `en_GB.UTF-8` → a4; `C`, `POSIX` or nothing → a4. */
export function paperFromLocale(env: Record<string, string | undefined>): Paper {
  const locale = [env.LC_PAPER, env.LC_ALL, env.LANG].find((value) => value && value.trim() !== '') ?? '';
  const country = /^[a-z]{2,3}[_-]([A-Za-z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
  return country && LETTER_COUNTRIES.has(country) ? 'letter' : 'a4';
}

/** The print CSS for a paper: its size, and page numbers (`2 / 7`) in the footer. */
export function pageCss(paper: Paper): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  return `@media print {
  @page {
    size: ${size};
    @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #444; }
  }
}
`;
}
