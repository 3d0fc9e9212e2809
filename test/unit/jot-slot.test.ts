/** A note's slot read without YAML, the time since the talk began, and /undo taking back exactly its bytes. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { jotLine } from '../../src/core/jot/jot.js';
import { sinceStartSetting, unjot, writeJot } from '../../src/core/jot/jot-write.js';
import { outsideSlot, readSlot, sinceStart, slotText } from '../../src/core/jot/slot.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});
const workspace = () => {
  const made = makeWorkspace();
  roots.push(made.root);
  return made;
};

describe('readSlot', () => {
  it('reads date, start and end, plain or quoted, with a comment after', () => {
    expect(readSlot('title: x\ndate: 2013-04-16\nstart: "11:00"\nend: \'11:30\' # short\n')).toEqual({
      date: '2013-04-16',
      start: '11:00',
      end: '11:30',
    });
    expect(readSlot('date: 2013-04-16\nstart: 9:05\n')).toEqual({
      date: '2013-04-16',
      start: '09:05',
      end: undefined,
    });
  });

  it('gives null without a real-looking date or start', () => {
    expect(readSlot('title: x\n')).toBeNull();
    expect(readSlot('date: soon\nstart: "11:00"\n')).toBeNull();
    expect(readSlot('date: 2013-04-16\nstart: eleven\n')).toBeNull();
    // A key inside another value is not the key.
    expect(readSlot('summary: date: 2013-04-16\nnotstart: "11:00"\n')).toBeNull();
  });
});

describe('outsideSlot and sinceStart', () => {
  const slot = { date: '2013-04-16', start: '11:00', end: '11:30' };
  it('is inside from start to end inclusive, outside on another day or time', () => {
    expect(outsideSlot(slot, { date: '2013-04-16', time: '11:00' })).toBe(false);
    expect(outsideSlot(slot, { date: '2013-04-16', time: '11:30' })).toBe(false);
    expect(outsideSlot(slot, { date: '2013-04-16', time: '11:31' })).toBe(true);
    expect(outsideSlot(slot, { date: '2013-04-16', time: '10:59' })).toBe(true);
    expect(outsideSlot(slot, { date: '2013-04-17', time: '11:10' })).toBe(true);
    expect(slotText(slot)).toBe('2013-04-16 11:00–11:30');
  });

  it('counts minutes and seconds since the start, hours past one, a minus before it', () => {
    expect(sinceStart(slot, { date: '2013-04-16', time: '11:12' }, 30)).toBe('+12:30');
    expect(sinceStart(slot, { date: '2013-04-16', time: '11:00' })).toBe('+0:00');
    expect(sinceStart(slot, { date: '2013-04-16', time: '12:02' }, 3)).toBe('+1:02:03');
    expect(sinceStart(slot, { date: '2013-04-16', time: '10:57' })).toBe('-3:00');
    expect(sinceStart(slot, { date: '2013-04-17', time: '11:00' })).toBe('+24:00:00');
  });
});

describe('writeJot and unjot', () => {
  it('takes back exactly the bytes a jot added, in the Notes and the Follow-ups sections', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '## Notes\n',
          '## Notes\n- 10:01 a\n',
          '## Notes\n\n## Later\nx\n',
          '## Notes\r\n- a\r\n',
          'Intro\n',
        ),
        fc.constantFrom('note', 'todo', 'quote') as fc.Arbitrary<'note' | 'todo' | 'quote'>,
        fc
          .string({ minLength: 1, maxLength: 30 })
          .filter((text) => /\S/.test(text.replace(/[\p{Cc}]/gu, ''))),
        (body, kind, text) => {
          const { root, confDir } = workspace();
          const file = path.join(confDir, 'talk.md');
          const before = note({}, body);
          fs.writeFileSync(file, before);
          // A first jot makes the section when there is none; undo then takes back the second one only.
          writeJot({ root, foundBy: 'option' }, file, kind, () => [jotLine(kind, 'first', '10:05')]);
          const middle = fs.readFileSync(file, 'utf8');
          const { lines, slot } = writeJot({ root, foundBy: 'option' }, file, kind, () => [
            jotLine(kind, text, '10:06'),
          ]);
          expect(slot).toEqual({ date: '2013-04-16', start: '10:00', end: '10:40' });
          expect(unjot(file, lines[0]!)).toBe(true);
          expect(fs.readFileSync(file, 'utf8')).toBe(middle);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('removes nothing when the line is gone', () => {
    const { confDir } = workspace();
    const file = path.join(confDir, 'talk.md');
    fs.writeFileSync(file, note({}, '## Notes\n- 10:05 kept\n'));
    expect(unjot(file, '- 10:06 never written')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(note({}, '## Notes\n- 10:05 kept\n'));
  });
});

describe('sinceStartSetting', () => {
  it('reads since_start: true from the workspace config', () => {
    const { root } = workspace();
    const config = path.join(root, '.confnotes', 'config.yml');
    expect(sinceStartSetting({ root, foundBy: 'option' })).toBe(false);
    fs.appendFileSync(config, '\nsince_start: true\n');
    expect(sinceStartSetting({ root, foundBy: 'option' })).toBe(true);
  });
});
