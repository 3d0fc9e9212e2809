import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findTrashEntry,
  listTrash,
  parseTrashName,
  restoreNote,
  trashDir,
  trashNote,
} from '../../src/core/note/note-trash.js';
import { readState, updateState } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

function setUp() {
  const made = makeWorkspace();
  roots.push(made.root);
  const file = path.join(made.confDir, '2013-04-16-1000-a~talk.md');
  const text = note({ title: 'A talk   # odd spacing kept' }, '## Notes\n- 10:01 hi\n');
  fs.writeFileSync(file, text);
  return { ...made, file, text };
}

const NOW = new Date('2013-04-16T18:02:03.456Z');

describe('trash', () => {
  it('moves a note to a name saying when and from where, and back with the same bytes', () => {
    const { ws, root, file, text } = setUp();
    const done = trashNote(ws, file, NOW);
    expect(done.entry).toEqual({
      name: '20130416T180203Z.conf~2013-04-16-1000-a%7Etalk.md',
      path: 'conf/2013-04-16-1000-a~talk.md',
      removedAt: '2013-04-16T18:02:03Z',
    });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(path.join(trashDir(ws), done.entry.name), 'utf8')).toBe(text);
    expect(listTrash(ws)).toEqual([done.entry]);
    expect(restoreNote(ws, findTrashEntry(ws, 'a~talk'))).toBe('conf/2013-04-16-1000-a~talk.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(listTrash(ws)).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'conf')).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('finds a trashed note by the path rm printed, with or without .md', () => {
    const { ws, file } = setUp();
    const done = trashNote(ws, file, NOW);
    for (const typed of [
      'conf/2013-04-16-1000-a~talk.md',
      './conf/2013-04-16-1000-a~talk',
      'conf\\2013-04-16-1000-a~talk.md',
    ])
      expect(findTrashEntry(ws, typed)).toEqual(done.entry);
    expect(() => findTrashEntry(ws, 'conf/2013-04-16-1000-a')).toThrow(/nothing named/);
  });

  it('never takes a name twice, and refuses to restore over a file back in place', () => {
    const { ws, file, text } = setUp();
    const first = trashNote(ws, file, NOW).entry;
    fs.writeFileSync(file, 'a new note of the same name');
    const second = trashNote(ws, file, NOW).entry;
    expect(second.name).toBe(first.name.replace('Z.', 'Z-2.'));
    fs.writeFileSync(file, 'yet another');
    expect(() => restoreNote(ws, first)).toThrow(/a file of that name is back in place/);
    expect(fs.readFileSync(file, 'utf8')).toBe('yet another');
    expect(fs.readFileSync(path.join(trashDir(ws), first.name), 'utf8')).toBe(text);
    expect(() => findTrashEntry(ws, '2013-04-16')).toThrow(/matches 2 notes in the trash/);
  });

  it('clears the current note only when it was the one removed', () => {
    const { ws, file, confDir } = setUp();
    const other = path.join(confDir, 'other.md');
    fs.writeFileSync(other, note({}));
    updateState(ws, { conference: 'conf', note: 'conf/other.md' });
    expect(trashNote(ws, file, NOW).wasCurrent).toBe(false);
    expect(readState(ws).note).toBe('conf/other.md');
    expect(trashNote(ws, other, NOW).wasCurrent).toBe(true);
    expect(readState(ws)).toEqual({ conference: 'conf' });
  });

  it('moves only notes, and restores only into the workspace', () => {
    const { ws, root } = setUp();
    expect(() => trashNote(ws, path.join(root, 'conf', 'conference.md'), NOW)).toThrow(/not a note/);
    expect(() => trashNote(ws, path.join(root, 'README.md'), NOW)).toThrow(/not a note/);
    expect(() => trashNote(ws, path.join(root, 'templates', 'note.md'), NOW)).toThrow(/not a note/);
    const outside = path.join(path.dirname(root), 'outside.md');
    fs.writeFileSync(outside, 'x');
    expect(() => trashNote(ws, outside, NOW)).toThrow(/not a note of this workspace/);
    const sneaky = parseTrashName('20130416T180203Z.~etc~passwd.md')!;
    expect(sneaky.path).toBe('/etc/passwd.md');
    expect(() => restoreNote(ws, sneaky)).toThrow(/does not name a place inside the workspace/);
    expect(parseTrashName('notes.md')).toBeNull();
  });
});
