/** Rendering the report: templates, HTML safety and layout, previous-report recognition, the PDF marker. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConference } from '../../src/core/workspace/conference.js';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { findChrome, isReportPdf, markPdf } from '../../src/core/report/pdf.js';
import { buildReport } from '../../src/core/report/report-model.js';
import { formatFromName, isPreviousReport } from '../../src/core/report/report-output.js';
import {
  HTML_MARKER,
  markMarkdownReport,
  renderHtmlReport,
  renderMarkdownReport,
  reportTemplate,
} from '../../src/core/report/report-render.js';
import { scanNotes } from '../../src/core/note/store.js';
import { findWorkspace } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, note as noteText, tempDir, testContext } from '../helpers/workspace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function mk(fields: Record<string, string>, body: string): Note {
  const { meta, split } = parseNote(noteText(fields, body));
  return {
    ...meta,
    id: 'n',
    file: '/nowhere/conf/n.md',
    path: 'conf/n.md',
    folder: 'conf',
    body: split.body,
  };
}

const conf = readConference(makeWorkspace().ws, 'conf');

async function htmlFor(notes: Note[]) {
  const model = buildReport(conf, notes);
  return renderHtmlReport(renderMarkdownReport(reportTemplate(null, ROOT), model), model);
}

describe('HTML', () => {
  it('escapes raw HTML from notes, refuses script links and never loads an image', async () => {
    const html = await htmlFor([
      mk(
        { title: 'Hostile <b>title</b>', summary: '"<img src=x onerror=alert(1)>"' },
        '## Key takeaways\n\n- <script>alert("pasted")</script>\n- [click](javascript:alert(1)) and [ok](https://example.org/ok)\n- ![a diagram](https://example.org/d.png)\n- <!-- a note to self -->shown\n',
      ),
    ]);
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;pasted&quot;)&lt;/script&gt;');
    expect(html).toContain('Hostile &lt;b&gt;title&lt;/b&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://example.org/ok">ok</a>');
    expect(html).toContain('<a class="image" href="https://example.org/d.png">a diagram</a>');
    expect(html).not.toContain('&lt;!--');
    expect(html).toMatch(/<li>shown<\/li>/);
  });

  it('is one self-contained page: inline CSS with a print stylesheet, a strict CSP, the generator mark', async () => {
    const html = await htmlFor([
      mk({ title: 'T', links: '{video: https://example.org/v}' }, '## Key takeaways\n\n- x\n'),
    ]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain(HTML_MARKER);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|<script|@import|url\(|src=/);
    expect(html).toContain('<title>Test Conf 2013 trip report</title>');
  });

  it('has a table of contents linking every section and note, with unique ids', async () => {
    const html = await htmlFor([
      mk({ title: 'Same' }, '## Key takeaways\n\n- a\n'),
      mk({ title: 'Same', start: '"11:00"' }, '## Key takeaways\n\n- b\n'),
    ]);
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
    expect(targets).toEqual(['introduction', 'at-a-glance', 'sessions', 'same', 'same-2']);
    for (const id of targets) expect(html).toContain(`id="${id}"`);
    expect(html.indexOf('<nav class="toc"')).toBeLessThan(html.indexOf('<h2 id="introduction"'));
  });

  it('wraps tables so a narrow screen scrolls the table, not the page', async () => {
    expect(await htmlFor([mk({ title: 'T' }, '')])).toMatch(
      /<div class="table"><table>[\s\S]*<\/table><\/div>/,
    );
  });
});

describe('templates', () => {
  it("uses the workspace's templates/report.md over the built-in one, and --template over both", () => {
    const { root, ws } = makeWorkspace();
    expect(reportTemplate(ws, root).origin).toBe('built-in');
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates', 'report.md'), 'Mine: {{{title}}}\n');
    const model = buildReport(readConference(ws, 'conf'), []);
    expect(renderMarkdownReport(reportTemplate(ws, root), model)).toBe('Mine: Test Conf 2013 trip report\n');
    const other = path.join(tempDir(), 'short.md');
    fs.writeFileSync(other, '{{{conference.name}}} ({{conference.slug}})\n\n\n\nend\n');
    expect(renderMarkdownReport(reportTemplate(ws, root, other), model)).toBe(
      'Test Conf 2013 (conf)\n\nend\n',
    );
  });

  it('renders the email template of the README on the sample to exactly the text shown there', () => {
    const docs = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const template = /A short email[\s\S]*?```mustache\n([\s\S]*?)```/.exec(docs)![1]!;
    const expected = /--template email` on the sample gives:\n\n```text\n([\s\S]*?)```/.exec(docs)![1]!;
    const file = path.join(tempDir(), 'email.md');
    fs.writeFileSync(file, template);
    const ws = findWorkspace(testContext(path.join(ROOT, 'notes')));
    const { notes, problems } = scanNotes(ws, ['openstack-summit-2013'], { cache: false });
    expect(problems).toEqual([]);
    const model = buildReport(readConference(ws, 'openstack-summit-2013'), notes);
    expect(renderMarkdownReport(reportTemplate(ws, ROOT, file), model)).toBe(expected);
  });
});

describe('recognising a previous report', () => {
  it('knows each format by its content, not its name', () => {
    expect(isPreviousReport(Buffer.from(markMarkdownReport('# A trip report\n')))).toBe(true);
    expect(isPreviousReport(Buffer.from('# My essay\n\nconfnotes report is mentioned here.\n'))).toBe(false);
    expect(
      isPreviousReport(Buffer.from(`<!DOCTYPE html>\n<html><head>${HTML_MARKER}</head><body></body></html>`)),
    ).toBe(true);
    expect(isPreviousReport(Buffer.from(`<html><head></head><body>${HTML_MARKER}</body></html>`))).toBe(
      false,
    );
    expect(formatFromName('x/report.HTM')).toBe('html');
    expect(formatFromName('report.pdf')).toBe('pdf');
    expect(formatFromName('report.txt')).toBe('md');
  });
});

describe('the PDF marker', () => {
  const pdf = (info: string) =>
    Buffer.from(
      `%PDF-1.4\n%\xe2\xe3\n1 0 obj\n${info}\nendobj\n2 0 obj\n<</Type /Catalog>>\nendobj\ntrailer\n<</Size 3\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n0\n%%EOF\n`,
      'latin1',
    );

  it('rewrites Creator and blanks the dates without moving a byte', () => {
    const original = pdf(
      "<</Title (Report)\n/Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome/156.0.0.0 Safari/537.36)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261125153435+00'00')\n/ModDate (D:20261125153435+00'00')>>",
    );
    const marked = markPdf(original);
    expect(marked.length).toBe(original.length);
    const text = marked.toString('latin1');
    expect(text).toContain('/Creator (confnotes report)');
    expect(text).not.toMatch(/CreationDate|ModDate|HeadlessChrome/);
    expect(text).toContain('/Title (Report)');
    expect(isReportPdf(marked)).toBe(true);
    expect(isReportPdf(original)).toBe(false);
    expect(markPdf(marked).equals(marked)).toBe(true);
  });

  it('leaves a PDF it does not understand as it is', () => {
    const short = pdf('<</Creator (X)>>');
    expect(markPdf(short).equals(short)).toBe(true);
    const noInfo = Buffer.from('%PDF-1.4\ntrailer\n<</Root 2 0 R>>\n%%EOF\n', 'latin1');
    expect(markPdf(noInfo).equals(noInfo)).toBe(true);
  });
});

describe('finding Chromium', () => {
  it('prefers CONFNOTES_CHROME, then the usual names on PATH in order', () => {
    const bin = tempDir();
    const make = (name: string) => {
      fs.writeFileSync(path.join(bin, name), '#!/bin/sh\n', { mode: 0o755 });
      return path.join(bin, name);
    };
    const other = tempDir();
    expect(findChrome({ PATH: other })).toBeNull();
    const stable = make('google-chrome-stable');
    expect(findChrome({ PATH: `${other}${path.delimiter}${bin}` })).toBe(stable);
    const chromium = make('chromium');
    expect(findChrome({ PATH: bin })).toBe(chromium);
    expect(findChrome({ PATH: bin, CONFNOTES_CHROME: stable })).toBe(stable);
    fs.writeFileSync(path.join(bin, 'not-executable'), '', { mode: 0o644 });
    expect(() => findChrome({ PATH: bin, CONFNOTES_CHROME: path.join(bin, 'not-executable') })).toThrow(
      /CONFNOTES_CHROME .* not an executable/,
    );
  });
});

describe('HTML for the PDF printer', () => {
  const body =
    '## Key takeaways\n\n- [slides](slides.pdf), [up](../secret), [far](//host/x) and ![a pic](pic.png)\n- [web](https://example.org/w), [mail](mailto:a@example.org) and [back](#key-takeaways)\n';
  const render = async (print: boolean) => {
    const model = buildReport(conf, [mk({ title: 'Links' }, body)]);
    return renderHtmlReport(renderMarkdownReport(reportTemplate(null, ROOT), model), model, { print });
  };

  it('gives relative links no href (they would be file:// paths of the temporary folder), keeping their text', async () => {
    const html = await render(true);
    for (const href of ['slides.pdf', '../secret', '//host/x', 'pic.png'])
      expect(html).not.toContain(`"${href}"`);
    expect(html).toMatch(/<a>slides<\/a>, <a>up<\/a>, <a>far<\/a> and <a class="image">a pic<\/a>/);
    expect(html).toContain('href="https://example.org/w"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('href="#key-takeaways"');
  });

  it('keeps them in the HTML report, where they resolve beside the file', async () => {
    const html = await render(false);
    expect(html).toContain('<a href="slides.pdf">slides</a>');
    expect(html).toContain('<a class="image" href="pic.png">a pic</a>');
  });
});
