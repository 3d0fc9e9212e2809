import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/note/note.js';
import { resolveNote } from '../../src/core/note/note-resolve.js';
import { readNote, scanEntries, scanNotes } from '../../src/core/note/store.js';
import { ConfnotesError, NoteFileError } from '../../src/errors.js';
import { makeWorkspace, note, tempDir } from '../helpers/workspace.js';

describe('parseNote', () => {
  it('reads every field', () => {
    const { meta } = parseNote(
      note({
        title: 'Ceilometer',
        speakers: '[Ann, Bob]',
        tags: '[Metering, "#Ceilometer", metering]',
        rating: '5',
        favourite: 'true',
        private: 'false',
        links: '{video: https://example.org/v, slides: https://example.org/s}',
        summary: 'Metering for chargeback.',
        custom: 'kept',
      }),
    );
    expect(meta).toMatchObject({
      title: 'Ceilometer',
      type: 'session',
      date: '2013-04-16',
      start: '10:00',
      end: '10:40',
      speakers: ['Ann', 'Bob'],
      tags: ['metering', 'ceilometer'],
      rating: 5,
      favourite: true,
      private: false,
      links: { video: 'https://example.org/v', slides: 'https://example.org/s' },
      summary: 'Metering for chargeback.',
    });
  });

  it.each([
    [{ type: 'party' }, /unknown type "party"/, 3],
    [{ date: '2013-02-30' }, /not a date/, 5],
    [{ date: 'tomorrow' }, /not a date/, 5],
    [{ start: '"25:00"' }, /not a time/, 6],
    [{ rating: '7' }, /1 to 5/, 8],
    [{ title: '""' }, /no title/, 2],
  ])('rejects %j with the line of the field', (fields, message, line) => {
    try {
      parseNote(note(fields as Record<string, string>));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as { line?: number }).line).toBe(line);
    }
  });

  it('takes a single speaker or tag written as plain text', () => {
    const { meta } = parseNote(note({ speakers: 'Ann', tags: 'storage' }));
    expect(meta.speakers).toEqual(['Ann']);
    expect(meta.tags).toEqual(['storage']);
  });
});

describe('scanNotes', () => {
  it('reads good notes and reports each bad file with its path and line', () => {
    const { ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, '2013-04-16-1000-good.md'), note({ title: 'Good' }));
    fs.writeFileSync(path.join(confDir, 'broken.md'), '---\ntitle: x\ntags: [a\n---\n');
    fs.writeFileSync(path.join(confDir, 'empty.md'), '');
    fs.writeFileSync(path.join(confDir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0, 1, 2]));
    fs.writeFileSync(
      path.join(confDir, 'latin1.md'),
      Buffer.concat([Buffer.from(note({ title: 'Caf' })), Buffer.from([0xe9, 0x0a])]),
    );
    fs.writeFileSync(path.join(confDir, 'plain.md'), '# no front matter\n');
    fs.writeFileSync(path.join(confDir, 'notes.txt'), 'not a note');
    const { notes, problems } = scanNotes(ws);
    expect(notes.map((n) => n.title)).toEqual(['Good']);
    const messages = problems.map((p) => p.message).sort();
    expect(messages).toEqual([
      expect.stringMatching(/^conf\/binary\.md: binary file/),
      expect.stringMatching(/^conf\/broken\.md:\d: broken YAML/),
      expect.stringMatching(/^conf\/empty\.md:1: empty file/),
      expect.stringMatching(/^conf\/latin1\.md:\d+: not UTF-8/),
      expect.stringMatching(/^conf\/plain\.md:1: no front matter/),
    ]);
  });

  it('skips links that leave the workspace or loop', () => {
    const { ws, confDir } = makeWorkspace();
    const outside = path.join(tempDir(), 'secret.md');
    fs.writeFileSync(outside, note({ title: 'Secret' }));
    fs.symlinkSync(outside, path.join(confDir, 'outside.md'));
    fs.symlinkSync(path.join(confDir, 'loop.md'), path.join(confDir, 'loop.md'));
    const inside = path.join(confDir, 'real.md');
    fs.writeFileSync(inside, note({ title: 'Real' }));
    fs.symlinkSync(inside, path.join(confDir, 'alias.md'));
    const { notes, problems } = scanNotes(ws);
    expect(notes.map((n) => n.title).sort()).toEqual(['Real', 'Real']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /outside\.md: symbolic link to .* outside the workspace/,
    );
    expect(problems.map((p) => p.message).join('\n')).toMatch(/loop\.md: symbolic link loop/);
  });
});

describe('readNote and resolveNote', () => {
  const setup = () => {
    const { ws, confDir, root } = makeWorkspace();
    const files = {
      fc: path.join(confDir, '2013-04-16-1100-orchestrating-fibre-channel-in-cinder.md'),
      ceil: path.join(confDir, '2013-04-16-1400-ceilometer-from-metrics-to-metering.md'),
      heat: path.join(confDir, '2013-04-17-1000-deploying-openstack-with-heat.md'),
    };
    for (const [name, file] of Object.entries(files)) fs.writeFileSync(file, note({ title: name }));
    return { ws, root, files };
  };

  it('finds a note by id, id prefix, title prefix, title words or path', () => {
    const { ws, root, files } = setup();
    expect(resolveNote(ws, '2013-04-16-1100-orchestrating-fibre-channel-in-cinder', root)).toBe(files.fc);
    expect(resolveNote(ws, '2013-04-17', root)).toBe(files.heat);
    expect(resolveNote(ws, 'ceilometer', root)).toBe(files.ceil);
    expect(resolveNote(ws, 'Fibre Channel', root)).toBe(files.fc);
    expect(resolveNote(ws, 'conf/2013-04-17-1000-deploying-openstack-with-heat.md', root)).toBe(files.heat);
  });

  it('lists the candidates of an ambiguous reference', () => {
    const { ws, root } = setup();
    expect(() => resolveNote(ws, '2013-04-16', root)).toThrow(
      /matches 2 notes: conf\/2013-04-16-1100.*, conf\/2013-04-16-1400/,
    );
    expect(() => resolveNote(ws, 'nothing-like-it', root)).toThrow(ConfnotesError);
  });

  it('reports a missing or unreadable note by name', () => {
    const { ws, root, files } = setup();
    expect(() => resolveNote(ws, 'conf/missing.md', root)).toThrow(/no such note file/);
    fs.writeFileSync(files.fc, '---\ntitle: [\n---\n');
    expect(() => readNote(ws, files.fc)).toThrow(NoteFileError);
  });
});

describe('scanEntries over a scope naming a conference twice', () => {
  it('finds each note once, from the cache', () => {
    const { ws } = makeWorkspace();
    for (const title of ['Alpha', 'Bravo'])
      fs.writeFileSync(path.join(ws.root, 'conf', `${title.toLowerCase()}.md`), note({ title }));
    const old = { now: Date.now() + 10_000 };
    scanEntries(ws, ['conf'], { cache: old });
    const twice = scanEntries(ws, ['conf', 'conf'], { cache: old });
    expect(twice.entries.map((entry) => entry.rel)).toEqual(['conf/alpha.md', 'conf/bravo.md']);
    expect(twice.found).toBe(2);
  });
});
