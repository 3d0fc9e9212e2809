/**
 * Renders a report model: Markdown through a Mustache template (the built-in
 * `templates/report.md`, a workspace's `templates/report.md`, or a file), and
 * HTML from that Markdown with markdown-it, raw HTML escaped, in one
 * self-contained page (inline CSS, no scripts, fonts or remote images).
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { ReportModel } from './report-model.js';
import { stripComments, tidyBlankLines } from './report-text.js';
import { slugify } from '../slug.js';
import { findTemplate, renderTemplate, type TemplateSource } from '../templates.js';
import { pageCss, type Paper } from './paper.js';
import { WEEK_CSS, weekSvg } from './report-week.js';
import type { Workspace } from '../workspace/workspace.js';
import { visible } from '../../visible.js';

/** The last line of every Markdown report written to a file: how `-o` knows a file is a previous report. */
export const MARKDOWN_MARKER = '<!-- confnotes report -->';
/** In every HTML report's head, for the same purpose. */
export const HTML_MARKER = '<meta name="generator" content="confnotes report">';

/** The report template: `--template <file|name>`, else `report` from the workspace, else the built-in one. */
export function reportTemplate(ws: Workspace | null, cwd: string, template?: string): TemplateSource {
  return findTemplate(ws, template ?? 'report', cwd);
}

/** The report as Markdown: the template's output with runs of blank lines tidied, ending with one newline. */
/** C0 and C1 controls but newline and tab, and the bidi overrides and isolates. */
const REPORT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function renderMarkdownReport(template: TemplateSource, model: ReportModel): string {
  // A control character from a note (an escape typed into a title) is shown as `\x1b`, never sent to a
  // terminal; the marks right-to-left text needs (U+200E/F, U+061C) stay, the overrides do not.
  const text = renderTemplate(template, inertConference(model)).replace(/\r\n?/g, '\n');
  return `${tidyBlankLines(text.replace(REPORT_CONTROL, (char) => visible(char)))}\n`;
}

/**
 * conference.md's one-line fields go into Markdown as note titles do (see
 * report-model's `inline`): a `<` as `&lt;`, so a name holding `<script>`
 * stays text in any Markdown renderer; a line break (which could start a
 * heading or a list in the template) becomes a space. Idempotent, so fields the model
 * escaped already are unchanged.
 */
const inline = (text: string): string => text.replace(/</g, '&lt;').replace(/[ \t]*\r?\n\s*/g, ' ');
const CONFERENCE_FIELDS = ['name', 'dates', 'location', 'url', 'author', 'disclaimer', 'timezone'] as const;

function inertConference(model: ReportModel): ReportModel {
  const conference = { ...model.conference };
  for (const key of CONFERENCE_FIELDS) {
    const value = conference[key];
    if (typeof value === 'string') conference[key] = inline(value) as never;
  }
  return { ...model, title: inline(model.title), conference };
}

/** A Markdown report as written to a file: with the marker line at the end, so a later `-o` may replace it. */
export function markMarkdownReport(markdown: string): string {
  return `${markdown.trimEnd()}\n\n${MARKDOWN_MARKER}\n`;
}

interface Heading {
  level: number;
  id: string;
  text: string;
}

let renderer: MarkdownIt | undefined;

/** What a render is for: `print` when the HTML goes to the PDF printer. */
type RenderEnv = { print?: boolean };
const printing = (env: unknown): boolean => (env as RenderEnv | undefined)?.print === true;

/** A link with no scheme (`slides.pdf`, `../x`, `//host/x`) resolves against the page's own folder; `#id` does not. */
function isRelative(href: string): boolean {
  return !href.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}

async function markdownIt(): Promise<MarkdownIt> {
  if (renderer) return renderer;
  const { default: MarkdownItClass } = await import('markdown-it');
  // html: false escapes any raw HTML a note holds (text pasted from a conference
  // site cannot run a script); markdown-it also refuses javascript:, vbscript:,
  // file: and data: links.
  const md = new MarkdownItClass({ html: false, linkify: false, typographer: false });
  // Images become links: the page stays self-contained and never fetches anything.
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, {}) || 'image';
    const src = String(token.attrGet('src') ?? '');
    if (printing(env) && isRelative(src)) return `<a class="image">${md.utils.escapeHtml(alt)}</a>`;
    return `<a class="image" href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt)}</a>`;
  };
  // Printed from a temporary folder, a relative link would become a file:// path of
  // that folder in the PDF (private, and different on every run): keep its text only.
  const linkOpen =
    md.renderer.rules.link_open ??
    ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (printing(env) && isRelative(String(token.attrGet('href') ?? ''))) {
      const attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
      token.attrs = attrs.length > 0 ? attrs : null;
    }
    // A link whose text is its own address needs no address printed after it.
    const text = tokens[index + 1];
    const href = String(token.attrGet('href') ?? '');
    if (text?.type === 'text' && href && (text.content === href || `https://${text.content}` === href))
      token.attrJoin('class', 'bare');
    return linkOpen(tokens, index, options, env, self);
  };
  md.renderer.rules.table_open = () => '<div class="table"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  renderer = md;
  return md;
}

/** The Markdown to HTML, with ids on the headings; returns the headings for the table of contents. */
async function markdownToHtml(
  markdown: string,
  env: RenderEnv,
): Promise<{ body: string; headings: Heading[] }> {
  const md = await markdownIt();
  // Comments are notes to the writer (and the report marker): never shown, not even escaped.
  const tokens = md.parse(stripComments(markdown), {});
  const headings: Heading[] = [];
  // `contents` is the table of contents' own heading.
  const used = new Set<string>(['contents']);
  tokens.forEach((token: Token, index: number) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[index + 1];
    const text = (inline?.children ?? [])
      .filter((child: Token) => child.type === 'text' || child.type === 'code_inline')
      .map((child: Token) => child.content)
      .join('');
    const base = slugify(text, 'section');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    token.attrSet('id', id);
    headings.push({ level: Number(token.tag.slice(1)), id, text });
  });
  return { body: md.renderer.render(tokens, md.options, { ...env }), headings };
}

/** A nested list of the level-2 headings, each with its level-3 headings. */
function tableOfContents(headings: Heading[], escapeHtml: (text: string) => string): string {
  const top = headings.filter((heading) => heading.level === 2 || heading.level === 3);
  if (top.filter((heading) => heading.level === 2).length < 2) return '';
  let html = '<nav class="toc" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ol>\n';
  let open = false;
  let inner = false;
  for (const heading of top) {
    const link = `<a href="#${heading.id}">${escapeHtml(heading.text)}</a>`;
    if (heading.level === 2) {
      if (inner) html += '</ol>';
      if (open) html += '</li>\n';
      html += `<li>${link}`;
      open = true;
      inner = false;
    } else if (open) {
      if (!inner) html += '\n<ol>\n';
      html += `<li>${link}</li>\n`;
      inner = true;
    }
  }
  if (inner) html += '</ol>';
  if (open) html += '</li>\n';
  return `${html}</ol>\n</nav>\n`;
}

/**
 * The whole HTML page for a Markdown report. With `print` (the page handed to
 * the PDF printer) relative links keep their text but lose their href.
 */
export async function renderHtmlReport(
  markdown: string,
  model: ReportModel,
  options: { print?: boolean; paper?: Paper } = {},
): Promise<string> {
  const { body, headings } = await markdownToHtml(markdown, { print: options.print === true });
  // markdown-it's own escaping, for the text this module writes around its output.
  const { escapeHtml } = (await markdownIt()).utils;
  const toc = tableOfContents(headings, escapeHtml);
  const firstH2 = body.indexOf('<h2');
  const withToc = toc && firstH2 !== -1 ? body.slice(0, firstH2) + toc + body.slice(firstH2) : body + toc;
  const content = withWeek(withToc, weekSvg(model, escapeHtml));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    HTML_MARKER,
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>\n${STYLE}${WEEK_CSS}${options.print ? pageCss(options.paper ?? 'a4') : ''}</style>`,
    '</head>',
    '<body>',
    '<main>',
    content.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The picture of the week goes at the end of the At a glance section (before the next heading). */
function withWeek(html: string, svg: string): string {
  const glance = html.indexOf('<h2 id="at-a-glance"');
  const next = glance === -1 ? -1 : html.indexOf('<h2', glance + 1);
  return svg && next !== -1 ? html.slice(0, next) + svg + html.slice(next) : html;
}

const STYLE = `:root {
  color-scheme: light dark;
  --text: #1d1f21;
  --muted: #5c6166;
  --rule: #d8dadc;
  --accent: #1a5fb4;
  --panel: #f4f5f6;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #a4a9ae; --rule: #3a3d40; --accent: #8ab4f8; --panel: #24272a; }
  body { background: #161819; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  color: var(--text);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.1rem 4rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.6rem; }
h1 { font-size: 2rem; margin-top: 0.5rem; }
h2 { font-size: 1.45rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; }
p, li, blockquote, a { overflow-wrap: anywhere; }
/* In a table "anywhere" lets the column shrink below its longest word (headers broke mid-word on a phone). */
td, th { overflow-wrap: break-word; }
a { color: var(--accent); }
em { color: var(--muted); }
blockquote { margin: 1rem 0; padding: 0.6rem 1rem; background: var(--panel); border-left: 4px solid var(--rule); color: var(--muted); }
blockquote p { margin: 0; }
ul, ol { padding-left: 1.4rem; }
li + li { margin-top: 0.25rem; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 0.1em 0.3em; border-radius: 3px; }
pre { overflow-x: auto; background: var(--panel); padding: 0.8rem; border-radius: 4px; }
pre code { padding: 0; background: none; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--rule); }
nav.toc { margin: 1.5rem 0; padding: 0.6rem 1rem 0.8rem; background: var(--panel); border-radius: 4px; font-size: 0.95rem; }
nav.toc h2 { margin: 0.3rem 0 0.4rem; font-size: 1rem; border: 0; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.2rem; }
nav.toc ol ol { font-size: 0.92em; color: var(--muted); }
nav.toc li + li { margin-top: 0.1rem; }
@media (max-width: 30rem) {
  body { font-size: 16px; }
  main { padding: 1rem 0.9rem 3rem; }
  h1 { font-size: 1.6rem; }
  nav.toc ol ol { display: none; }
}
@media print {
  :root { --text: #000; --muted: #333; --rule: #bbb; --accent: #000; --panel: #f2f2f2; }
  @page { margin: 18mm 16mm; }
  body { font-size: 10.5pt; background: none; }
  main { max-width: none; padding: 0; }
  a { text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  p, li, blockquote, pre, tr { break-inside: avoid; page-break-inside: avoid; }
  .table { overflow: visible; }
  table { break-inside: avoid; page-break-inside: avoid; }
  nav.toc ol ol { display: block; }
  /* Two columns, so the first page holds the opening of the report too, not the contents alone. */
  nav.toc { columns: 2; column-gap: 1.5rem; font-size: 9pt; padding: 0.4rem 0.8rem; }
  nav.toc h2 { column-span: all; }
  nav.toc li { break-inside: avoid; }
  /* On paper a link cannot be clicked: its target is printed after it (unless the text is the target). */
  a[href^="http"]:not(.bare)::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
}
`;
