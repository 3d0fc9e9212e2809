import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sinceStart } from '../../src/core/jot/slot.js';
import { recordingAt, recordingOf, SINCE_START, stampSeconds } from '../../src/core/report/recording-link.js';

/** The stamp `jot --since-start` writes `seconds` after a talk that began at 2026-06-16 09:30. */
function stampAfter(seconds: number): string {
  const begin = Date.UTC(2026, 5, 16, 9, 30);
  const at = new Date(begin + Math.floor(seconds / 60) * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const wall = {
    date: `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`,
    time: `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`,
  };
  return sinceStart({ date: '2026-06-16', start: '09:30' }, wall, seconds % 60);
}

describe('stampSeconds', () => {
  it('reads the stamps jot writes', () => {
    expect(stampSeconds('+12:30')).toBe(750);
    expect(stampSeconds('+0:05')).toBe(5);
    expect(stampSeconds('+1:02:03')).toBe(3723);
    expect(stampAfter(3723)).toBe('+1:02:03');
  });

  it('gives no moment before the start, nor for what is not a stamp', () => {
    for (const text of [
      '-0:30',
      '-1:02:03',
      '+12:60',
      '+1:60:00',
      '+1:02:60',
      '12:30',
      '+12',
      '+12:3',
      '+a:bc',
      '',
    ])
      expect(stampSeconds(text), text).toBeNull();
  });

  it('property: every stamp jot writes after the start reads back as its seconds (up to 10 hours)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), (seconds) => {
        const stamp = stampAfter(seconds);
        expect(SINCE_START.test(stamp)).toBe(true);
        expect(stampSeconds(stamp)).toBe(seconds);
      }),
    );
  });

  it('property: before the start, jot writes a stamp that has no moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 * 3600 }), (early) => {
        const before = new Date(Date.UTC(2026, 5, 16, 18, 0) - Math.ceil(early / 60) * 60_000);
        const two = (n: number) => String(n).padStart(2, '0');
        const wall = {
          date: '2026-06-16',
          time: `${two(before.getUTCHours())}:${two(before.getUTCMinutes())}`,
        };
        expect(stampSeconds(sinceStart({ date: '2026-06-16', start: '18:00' }, wall, 0))).toBeNull();
      }),
    );
  });

  it('property: any text gives null or a whole number of seconds, never an error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const seconds = stampSeconds(text);
        expect(seconds === null || (Number.isInteger(seconds) && seconds >= 0)).toBe(true);
        if (seconds !== null) expect(SINCE_START.test(text)).toBe(true);
      }),
    );
  });
});

describe('recordingAt', () => {
  it('YouTube: watch?v= and youtu.be take t=<seconds>s (an earlier t replaced, other parameters kept)', () => {
    expect(recordingAt('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 750)).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=750s',
    );
    expect(recordingAt('https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&t=10s', 5)).toBe(
      'https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&t=5s',
    );
    expect(recordingAt('https://youtu.be/dQw4w9WgXcQ', 3723)).toBe('https://youtu.be/dQw4w9WgXcQ?t=3723s');
    expect(recordingAt('https://m.youtube.com/watch?v=dQw4w9WgXcQ', 0)).toBe(
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=0s',
    );
  });

  it('Vimeo takes #t=<seconds>s; media.ccc.de #t=<seconds>', () => {
    expect(recordingAt('https://vimeo.com/76979871', 750)).toBe('https://vimeo.com/76979871#t=750s');
    expect(recordingAt('https://vimeo.com/76979871#t=3s', 9)).toBe('https://vimeo.com/76979871#t=9s');
    expect(recordingAt('https://media.ccc.de/v/36c3-10652-bahnmining', 750)).toBe(
      'https://media.ccc.de/v/36c3-10652-bahnmining#t=750',
    );
  });

  it('any other link (or not a video page) gives none', () => {
    for (const url of [
      'https://example.org/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/channel/UC123456',
      'https://www.youtube.com/watch',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://vimeo.com/channels/staffpicks',
      'https://media.ccc.de/c/36c3',
      'ftp://youtu.be/dQw4w9WgXcQ',
      'javascript:alert(1)//youtu.be/dQw4w9WgXcQ',
      'not a url',
    ])
      expect(recordingAt(url, 10), url).toBeNull();
    expect(recordingAt('https://youtu.be/dQw4w9WgXcQ', -1)).toBeNull();
    expect(recordingAt('https://youtu.be/dQw4w9WgXcQ', 1.5)).toBeNull();
  });
});

describe('recordingOf', () => {
  it('the first link that takes a start time, in the order given', () => {
    expect(
      recordingOf([
        { url: 'https://example.org/video.mp4' },
        { url: 'https://media.ccc.de/v/talk' },
        { url: 'https://youtu.be/dQw4w9WgXcQ' },
      ]),
    ).toBe('https://media.ccc.de/v/talk');
    expect(recordingOf([{ url: 'https://example.org/slides.pdf' }])).toBeNull();
    expect(recordingOf([])).toBeNull();
  });
});
