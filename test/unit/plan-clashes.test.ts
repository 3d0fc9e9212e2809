/** Clashes between starred talks (issue 14, "the plan in your pocket"). */
import { describe, expect, it } from 'vitest';
import { findClashes } from '../../src/core/programme/plan-clashes.js';
import type { ProgrammeEntry } from '../../src/core/programme/programme.js';

const talk = (
  uid: string,
  start: string,
  end: string,
  extra: Partial<ProgrammeEntry> = {},
): ProgrammeEntry => ({
  uid,
  ref: uid.slice(0, 6),
  title: uid,
  start,
  end,
  all_day: false,
  room: null,
  track: null,
  tags: [],
  speakers: [],
  url: null,
  abstract: null,
  status: 'confirmed',
  starred: true,
  ...extra,
});
const at = (time: string) => `2026-06-16T${time}:00+02:00`;

describe('findClashes', () => {
  it('pairs overlapping talks both ways, and leaves the others without a clash', () => {
    const clashes = findClashes([
      talk('a', at('10:00'), at('10:40')),
      talk('b', at('10:30'), at('11:10')),
      talk('c', at('12:00'), at('12:30')),
    ]);
    expect(Object.fromEntries(clashes)).toEqual({ a: ['b'], b: ['a'], c: [] });
  });

  it('talks that touch (one ends when the next starts) do not clash', () => {
    const clashes = findClashes([talk('a', at('10:00'), at('10:40')), talk('b', at('10:40'), at('11:20'))]);
    expect(Object.fromEntries(clashes)).toEqual({ a: [], b: [] });
  });

  it('compares instants, whatever offset they are written with', () => {
    const clashes = findClashes([
      talk('berlin', at('10:00'), at('10:40')),
      talk('utc', '2026-06-16T08:20:00Z', '2026-06-16T08:50:00Z'),
    ]);
    expect(clashes.get('berlin')).toEqual(['utc']);
  });

  it('a long workshop clashes with every talk inside it; talks inside it not with each other', () => {
    const clashes = findClashes([
      talk('workshop', at('09:00'), at('13:00')),
      talk('t1', at('09:30'), at('10:00')),
      talk('t2', at('10:00'), at('10:30')),
      talk('after', at('13:00'), at('14:00')),
    ]);
    expect(clashes.get('workshop')).toEqual(['t1', 't2']);
    expect(clashes.get('t1')).toEqual(['workshop']);
    expect(clashes.get('t2')).toEqual(['workshop']);
    expect(clashes.get('after')).toEqual([]);
  });

  it('all-day entries, cancelled and removed talks never clash', () => {
    const clashes = findClashes([
      talk('day', '2026-06-16', '2026-06-16', { all_day: true }),
      talk('a', at('10:00'), at('10:40')),
      talk('cancelled', at('10:00'), at('10:40'), { status: 'cancelled' }),
      talk('removed', at('10:10'), at('10:30'), { status: 'removed' }),
    ]);
    expect(Object.fromEntries(clashes)).toEqual({ day: [], a: [], cancelled: [], removed: [] });
  });

  it('a talk without length clashes only with a talk running at that moment', () => {
    const clashes = findClashes([
      talk('a', at('10:00'), at('10:40')),
      talk('moment', at('10:20'), at('10:20')),
      talk('edge', at('10:40'), at('10:40')),
    ]);
    expect(Object.fromEntries(clashes)).toEqual({ a: ['moment'], moment: ['a'], edge: [] });
  });

  it('two talks at the very same time clash, in any input order', () => {
    const one = talk('one', at('10:00'), at('10:40'));
    const two = talk('two', at('10:00'), at('10:40'));
    for (const entries of [
      [one, two],
      [two, one],
    ]) {
      const clashes = findClashes(entries);
      expect(clashes.get('one')).toEqual(['two']);
      expect(clashes.get('two')).toEqual(['one']);
    }
  });
});
