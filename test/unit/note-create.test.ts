/** createNote: the one path from a draft to a new, current note, for `new` and `new --from`. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, outsideConference } from '../../src/core/note/note-create.js';
import { chosenConference } from '../../src/core/workspace/conference.js';
import { makeCurrent } from '../../src/core/workspace/current.js';
import { readNote } from '../../src/core/note/store.js';
import { readState } from '../../src/core/workspace/workspace.js';
import { makeWorkspace } from '../helpers/workspace.js';

const now = new Date('2013-04-16T18:02:00Z'); // 11:02 in Portland
const made: string[] = [];
function workspace() {
  const result = makeWorkspace();
  made.push(path.dirname(result.root));
  return result;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('createNote', () => {
  it('writes the rendered note and makes it current, with the conference and its zone', () => {
    const { ws, root } = workspace();
    const conference = chosenConference(ws);
    const { file, draft } = createNote(ws, conference, { title: 'Quantum' }, { now, cwd: root });
    expect(path.relative(root, file)).toBe('conf/2013-04-16-1102-quantum.md');
    expect(draft.start).toBe('11:02');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^---\ntitle: Quantum\n/);
    expect(readState(ws)).toEqual({
      conference: 'conf',
      note: 'conf/2013-04-16-1102-quantum.md',
      timezone: 'America/Los_Angeles',
    });
  });

  it('never replaces a note: the same title and time get a new name', () => {
    const { ws, root } = workspace();
    const conference = chosenConference(ws, 'conf');
    const first = createNote(ws, conference, { title: 'Same' }, { now, cwd: root }).file;
    fs.writeFileSync(first, 'mine\n');
    const second = createNote(ws, conference, { title: 'Same' }, { now, cwd: root }).file;
    expect(second).not.toBe(first);
    expect(fs.readFileSync(first, 'utf8')).toBe('mine\n');
  });

  it('passes the text through finish, and writes nothing and changes no state when finish refuses', () => {
    const { ws, root, confDir } = workspace();
    const conference = chosenConference(ws);
    const { file } = createNote(
      ws,
      conference,
      { title: 'Marked' },
      {
        now,
        cwd: root,
        finish: (text) => `${text}<!-- finished -->\n`,
      },
    );
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<!-- finished -->\n$/);
    const before = fs.readdirSync(confDir).sort();
    const state = readState(ws);
    expect(() =>
      createNote(
        ws,
        conference,
        { title: 'Refused' },
        {
          now,
          cwd: root,
          finish: () => {
            throw new Error('no room');
          },
        },
      ),
    ).toThrow('no room');
    expect(fs.readdirSync(confDir).sort()).toEqual(before);
    expect(readState(ws)).toEqual(state);
  });

  it('tells when a note falls outside the conference dates', () => {
    const { ws, root } = workspace();
    const conference = chosenConference(ws);
    const inside = createNote(ws, conference, { title: 'In' }, { now, cwd: root }).draft;
    const late = createNote(
      ws,
      conference,
      { title: 'Late', at: { date: '2013-04-20', time: '10:00' } },
      { now, cwd: root },
    ).draft;
    expect([outsideConference(inside, conference), outsideConference(late, conference)]).toEqual([
      false,
      true,
    ]);
  });
});

describe('makeCurrent', () => {
  it("records a stored note with its conference's zone", () => {
    const { ws, root } = workspace();
    const { file } = createNote(ws, chosenConference(ws), { title: 'A' }, { now, cwd: root });
    fs.rmSync(path.join(root, '.confnotes', 'state.json'));
    makeCurrent(ws, readNote(ws, file));
    expect(readState(ws)).toEqual({
      conference: 'conf',
      note: 'conf/2013-04-16-1102-a.md',
      timezone: 'America/Los_Angeles',
    });
  });
});
