/** publicText: what of a file a published copy may hold (src/core/publish/publish-plan.ts). */
import { describe, expect, it } from 'vitest';
import { publicText } from '../../src/core/publish/publish-plan.js';

const note = (summary: string, body: string) =>
  `---\ntitle: T\ntype: session\ndate: 2013-04-16\nsummary: ${summary}\n---\n${body}`;

describe('publicText', () => {
  it('keeps a file without private blocks byte for byte', () => {
    const text = note('"plain <!-- a comment -->"', '## Notes\r\n- one\r\n');
    expect(publicText(text, true)).toEqual({ text, blocks: 0, cutFromFields: '' });
  });

  it('cuts every block, an unclosed one to the end; a closer that closes nothing keeps the file out', () => {
    const text = note(
      'ok',
      'a\n<!-- private -->\nb\n<!-- /private -->\nc\n<!-- /private -->\nd\n<!-- private -->\ne\n',
    );
    expect(publicText(text, true)).toMatchObject({ why: expect.stringMatching(/closes nothing/) });
    const unclosed = note('ok', 'a\n<!-- private -->\nb\n<!-- /private -->\nd\n<!-- private -->\ne\n');
    expect(publicText(unclosed, true)).toEqual({ text: note('ok', 'a\nd\n'), blocks: 2, cutFromFields: '' });
  });

  it('leaves out a note that reads as private, or no longer reads, once blocks are cut', () => {
    expect(publicText(note('ok', ''), true)).toMatchObject({ text: expect.any(String) });
    const turned = `---\ntitle: T\ntype: session\ndate: 2013-04-16\nprivate: <!-- private -->false<!-- /private -->yes\n---\n`;
    expect(publicText(turned, true)).toEqual({
      why: 'it reads as private (once its private blocks are cut)',
    });
    // Judged on the text written, whatever a scan said before: a note saved as private meanwhile stays out.
    const nowPrivate = `---\ntitle: T\ntype: session\ndate: 2013-04-16\nprivate: true\n---\nbody\n`;
    expect(publicText(nowPrivate, true)).toMatchObject({ why: expect.stringMatching(/reads as private/) });
    const broken = `---\ntitle: "T <!-- private -->"\ntype: session<!-- /private -->\ndate: 2013-04-16\n---\n`;
    expect(publicText(broken, true)).toMatchObject({
      why: expect.stringMatching(/does not read once its private blocks are cut/),
    });
  });

  it('leaves out a file with a misspelt marker, and takes a conference.md without front matter', () => {
    expect(publicText(note('ok', '<!-- end-private -->\n'), true)).toMatchObject({
      why: expect.stringMatching(/looks like a private marker/),
    });
    expect(publicText('# Intro\n<!-- private -->x<!-- /private -->\n', false)).toEqual({
      text: '# Intro\n',
      blocks: 1,
      cutFromFields: '',
    });
    for (const broken of ['<!-- pirvate -->x', '<!- private -->x', 'x <!-- pvt', '<-- private -->x'])
      expect(publicText(note('ok', `${broken}\n`), true), broken).toMatchObject({ why: expect.any(String) });
    expect(publicText(note('ok', '<!-- a comment --> and an arrow -> here\n'), true)).toMatchObject({
      blocks: 0,
    });
  });
});
