/**
 * Text from conference.md is data: shown escaped in a terminal, inert in the
 * Markdown and HTML reports, and a template the user names may live anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { sharedSetup } from '../helpers/template.js';

let top: string;
let ws: string;
const run = (args: string[]) => confnotes(['--dir', ws, ...args], { cwd: top, env: { NO_COLOR: '1' } });

const HOSTILE_CONFERENCE = `---
name: "Evil \\e]0;pwned\\a Conf \\u202Eplh\\u2066 <script>alert(1)</script> {{title}}"
location: "[x](javascript:alert(1)) <img src=x onerror=alert(2)>"
author: "{{#notes}}{{path}}{{/notes}} <b>me</b>"
disclaimer: "first line\\n## Injected heading\\n<!-- private --> <script>alert(3)</script>"
start: 2013-04-15
end: 2013-04-18
---
## Introduction

Hello.
`;

// One `init` per file, a copy of it per test.
const fresh = sharedSetup((template) => {
  const at = path.join(template, 'ws');
  expect(confnotes(['init', at], { cwd: template }).code).toBe(0);
  fs.mkdirSync(path.join(at, 'conf'));
  fs.writeFileSync(path.join(at, 'conf', 'conference.md'), HOSTILE_CONFERENCE);
}, 'confnotes-conftext-');

beforeEach(() => {
  top = fresh();
  ws = path.join(top, 'ws');
});

afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('conference.md text in the terminal', () => {
  it('conf list shows escape sequences and bidi controls as escapes', () => {
    const result = run(['conf', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).not.toContain('\x07');
    expect(result.stdout).not.toMatch(BIDI);
    expect(result.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(result.stdout).toContain('\\u202e');
  });

  it("report's message on stderr shows them as escapes too", () => {
    const result = run(['report', '-o', path.join(top, 'r.md')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('\x1b');
    expect(result.stderr).not.toMatch(BIDI);
    expect(result.stderr).toContain('\\u202e');
  });
});

describe('conference.md fields in the report', () => {
  it('are inert in Markdown: no raw tag, no second Mustache pass, no line break into the template', () => {
    const result = run(['report']);
    expect(result.code, result.stderr).toBe(0);
    const md = result.stdout;
    expect(md).not.toMatch(/<(script|img|b)\b/);
    expect(md).toContain('&lt;script>alert(1)&lt;/script>');
    expect(md).toContain('{{title}}');
    expect(md).toContain('{{#notes}}{{path}}{{/notes}}');
    expect(md).not.toMatch(/^## Injected heading/m);
    expect(md).toContain('first line ## Injected heading');
  });

  it('are inert in HTML: no script, no javascript: link, no injected heading', () => {
    const out = path.join(top, 'r.html');
    const result = run(['report', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|img|b)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<h2[^>]*>Injected heading/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{title}}');
  });
});

describe('report --template', () => {
  it('reads a regular file the user names outside the workspace', () => {
    const file = path.join(top, 'mine.md');
    fs.writeFileSync(file, '# {{{conference.slug}}} by my own template\n');
    const result = run(['report', '--template', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('# conf by my own template\n');
  });

  it('reads a link inside the workspace to a file inside it', () => {
    fs.writeFileSync(path.join(ws, 'templates', 'real.md'), '# linked {{{conference.slug}}}\n');
    fs.symlinkSync(path.join(ws, 'templates', 'real.md'), path.join(ws, 'templates', 'report.md'));
    const result = run(['report']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('# linked conf\n');
  });
});

describe('report --format pdf', () => {
  it('prints relative links in notes as text, never as file:// links into the temporary folder', () => {
    fs.writeFileSync(
      path.join(ws, 'conf', 'talk.md'),
      '---\ntitle: Linked talk\ntype: session\nconference: conf\ndate: 2013-04-16\nstart: "10:00"\nend: "10:40"\n---\n## Key takeaways\n\n- see [slides](slides.pdf) and [the secret](../secret) or [the site](https://example.org/site)\n',
    );
    const out = path.join(top, 'r.pdf');
    const result = run(['report', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const pdf = fs.readFileSync(out).toString('latin1');
    // Link annotations are plain dictionaries in Chromium's PDFs: /URI (…).
    expect(pdf).toContain('(https://example.org/site)');
    expect(pdf).not.toMatch(/file:|confnotes-pdf-/);
  }, 60_000);
});
