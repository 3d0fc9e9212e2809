import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoteText, checkWorkspace, fixText } from '../../src/core/check/check.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const found = (ws: Parameters<typeof checkWorkspace>[0]) =>
  checkWorkspace(ws).problems.map((problem) => `${problem.path}:${problem.line}:${problem.rule}`);

describe('check rules', () => {
  it('names the line of a conference.md time zone that is not one', () => {
    const { ws } = makeWorkspace('---\nname: X\nlocation: Y\n\ntimezone: Mars/Olympus\n---\n');
    expect(found(ws)).toEqual(['conf/conference.md:5:conference']);
  });

  it('looks for stray notes with the store walker: README.md only at the top, folders of any depth', () => {
    const { ws, root } = makeWorkspace();
    fs.writeFileSync(path.join(root, 'README.md'), '# mine\n');
    fs.mkdirSync(path.join(root, 'drafts', 'old'), { recursive: true });
    fs.writeFileSync(path.join(root, 'drafts', 'README.md'), note({}));
    fs.writeFileSync(path.join(root, 'drafts', 'old', 'x.md'), note({}));
    fs.writeFileSync(path.join(root, 'drafts', 'old', 'x.txt'), 'not Markdown');
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates', 'note.md'), '---\ntitle: {{{yaml.title}}}\n---\n');
    fs.mkdirSync(path.join(root, '.hidden'));
    fs.writeFileSync(path.join(root, '.hidden', 'y.md'), note({}));
    expect(found(ws)).toEqual([
      'drafts/old/x.md:null:outside-conference',
      'drafts/README.md:null:outside-conference',
    ]);
    expect(checkWorkspace(ws, { workspaceWide: false }).problems).toEqual([]);
  });

  it('names a conference folder reached through a link, which no command reads', () => {
    const { ws, root } = makeWorkspace();
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'outside-'));
    fs.writeFileSync(path.join(outside, 'conference.md'), '---\nname: Elsewhere\n---\n');
    fs.writeFileSync(path.join(outside, 'talk.md'), note({}));
    fs.symlinkSync(outside, path.join(root, 'linked-2014'));
    // A link to a folder of anything else is the writer's own: not a conference, and not reported.
    fs.symlinkSync(fs.mkdtempSync(path.join(path.dirname(root), 'assets-')), path.join(root, 'attachments'));
    fs.symlinkSync(path.join(outside, 'talk.md'), path.join(root, 'conf', 'linked-note.md'));
    expect(found(ws)).toContain('linked-2014:null:outside-conference');
    expect(found(ws).filter((problem) => problem.startsWith('attachments'))).toEqual([]);
    expect(checkWorkspace(ws).problems.find((problem) => problem.path === 'linked-2014')?.message).toMatch(
      /^a link to a folder; confnotes reads no conference through a link/,
    );
  });

  it('says why a flat link is not read as one, and flags an address that runs code under any key', () => {
    const text = [
      '---',
      'title: T',
      'date: 2013-04-16',
      'video: javascript:alert(1)',
      'slides: ask the speaker',
      'Recording: https://example.org/rec',
      'demo: " data:text/html,<script>x</script>"',
      'where: room:A',
      'blog: https://example.org/post',
      'takeaway: "Data: more of it beats better models"',
      "question: 'file: where do the logs go?'",
      'constructor: "javascript:alert(2)"',
      'local: file:///etc/passwd',
      '---',
      '',
    ].join('\n');
    const problems = checkNoteText(text, 'x.md').filter((problem) => problem.rule === 'flat-link-not-url');
    expect(problems.map(({ line, message }) => `${line}:${message}`)).toEqual([
      '4:video "javascript:alert(1)" is not a web address (http:// or https://), so it is not read as a link',
      '5:slides "ask the speaker" is not a web address (http:// or https://), so it is not read as a link',
      '7:demo "data:text/html,<script>x</script>" is not a web address (http:// or https://), so it is not read as a link',
      '12:constructor "javascript:alert(2)" is not a web address (http:// or https://), so it is not read as a link',
      '13:local "file:///etc/passwd" is not a web address (http:// or https://), so it is not read as a link',
    ]);
  });

  it('reports the lenient field problems at the key that has them, and an alias under its own name', () => {
    const problems = checkNoteText(note({ favorite: 'yes', private: '"no"' }), 'x.md');
    expect(problems.map(({ line, rule, message }) => `${line}:${rule}:${message}`)).toEqual([
      '8:invalid-value:favorite "yes" is not true or false, so it is read as false',
      '9:invalid-value:private "no" is not true or false; it is read as private (write true or false)',
      '9:private-not-hidden:private note without draft, eleventyExcludeFromCollections, permalink, publish: a site generator would publish it (confnotes check --fix adds them)',
    ]);
  });

  it('reports a note dated outside its conference (watched later), at its date line', () => {
    const { ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, 'in.md'), note({ date: '2013-04-18' }));
    fs.writeFileSync(path.join(confDir, 'later.md'), note({ date: '2013-05-01' }));
    const problems = checkWorkspace(ws).problems.filter((problem) => problem.rule === 'outside-dates');
    expect(problems).toEqual([
      {
        path: 'conf/later.md',
        line: 5,
        rule: 'outside-dates',
        message:
          'dated 2013-05-01, outside Test Conf 2013 (2013-04-15 to 2013-04-18): the report lists it under "Watched later", not as a day attended',
        fixable: false,
      },
    ]);
  });

  it('reports private markers that do not do what they look like, in notes and conference.md', () => {
    const body =
      '## Notes\n<!-- PRIVATE -->\nhidden\n<!-- /private -->\n<!-- private -->\nto the end\n<!-- /private -->\n<!-- /private -->\n<!-- privat -->\n';
    const problems = checkNoteText(note({}, body), 'x.md').filter(
      (problem) => problem.rule === 'private-marker',
    );
    expect(problems.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '16: closing private marker without an opening one',
      expect.stringMatching(/^17: /),
    ]);
    const { ws, confDir } = makeWorkspace();
    fs.appendFileSync(path.join(confDir, 'conference.md'), '\n<!-- private: the budget -->\nsecret\n');
    expect(found(ws)).toEqual(['conf/conference.md:12:private-marker']);
  });

  it('fixes key white space and tags in one text, reporting key changes first', () => {
    const { text, changes } = fixText('---\ntags: [B, b]\n"title ": t\n---\n');
    expect(text).toBe('---\ntags: [b]\ntitle: t\n---\n');
    expect(changes).toEqual([
      'line 3: key "title" without white space',
      'line 2: tag "B" → "b"',
      'line 2: tag "b" dropped',
    ]);
  });
});
