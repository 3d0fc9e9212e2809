import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFrontMatter, FrontMatterError, splitNote } from '../../src/core/front-matter/front-matter.js';
import { tempDir } from '../helpers/workspace.js';

function errorOf(text: string): FrontMatterError {
  try {
    splitNote(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return error;
    throw error;
  }
  throw new Error('expected a FrontMatterError');
}

describe('splitNote', () => {
  it('keeps dates and times as the strings written', () => {
    const { data } = splitNote('---\ndate: 2013-04-15\nstart: 09:00\nend: "09:40"\n---\nbody\n');
    expect(data).toEqual({ date: '2013-04-15', start: '09:00', end: '09:40' });
  });

  it('returns the body byte for byte', () => {
    const body = 'line 1\r\n\r\n- [ ] x  \n';
    expect(splitNote(`---\ntitle: x\n---\n${body}`).body).toBe(body);
  });

  it('reads CRLF files and files with a byte-order mark', () => {
    const crlf = splitNote('---\r\ntitle: x\r\n---\r\nbody\r\n');
    expect(crlf.data.title).toBe('x');
    expect(crlf.bounds.eol).toBe('\r\n');
    expect(splitNote('\uFEFF---\ntitle: y\n---\n').data.title).toBe('y');
  });

  it('names the line of a YAML error', () => {
    const error = errorOf('---\ntitle: ok\ntags: [a, b\nrating: 3\n---\n');
    expect(error.message).toMatch(/broken YAML/);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses front matter that never closes', () => {
    expect(errorOf('---\ntitle: x\nno end').message).toMatch(/never closes/);
  });

  it('refuses a file without front matter', () => {
    expect(errorOf('# Just markdown\n').message).toMatch(/no front matter/);
  });

  it('never evaluates JavaScript or CoffeeScript front matter', () => {
    const dir = tempDir();
    const marker = path.join(dir, 'pwned');
    for (const language of ['js', 'javascript', 'coffee']) {
      const text = `---${language}\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n`;
      expect(errorOf(text).message).toMatch(/not read|never evaluated/);
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('stops a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    expect(errorOf(`---\ntitle: x\n${lines.join('\n')}\n---\n`).message).toMatch(/YAML/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports very deep nesting without crashing', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    expect(() => splitNote(`---\ntitle: x\nx: ${deep}\n---\n`)).toThrow(FrontMatterError);
  });

  it('finds the bounds of the YAML', () => {
    const text = '---\ntitle: x\n---\nbody';
    const bounds = findFrontMatter(text);
    expect(text.slice(bounds.yamlStart, bounds.yamlEnd)).toBe('title: x\n');
    expect(text.slice(bounds.bodyStart)).toBe('body');
  });
});
