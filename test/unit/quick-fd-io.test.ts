/** The quick lane's stdout and stderr (src/fd-io.ts): what reaches the descriptor, and when Node's stream takes over. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FdStream, isTerminal } from '../../src/fd-io.js';
import { tempDir } from '../helpers/workspace.js';

/** A file open for writing, and what it holds so far. */
function file() {
  const name = path.join(tempDir(), 'out.txt');
  const fd = fs.openSync(name, 'w');
  return { fd, text: () => fs.readFileSync(name, 'utf8') };
}

describe('isTerminal', () => {
  it('says no for a file and for /dev/null, which are not terminals', () => {
    const out = file();
    expect(isTerminal(out.fd)).toBe(false);
    const devNull = fs.openSync('/dev/null', 'w');
    expect(isTerminal(devNull)).toBe(false);
    fs.closeSync(devNull);
    fs.closeSync(out.fd);
  });

  it('says no for a descriptor that is not open', () => {
    expect(isTerminal(987_654)).toBe(false);
  });
});

describe('FdStream', () => {
  it('writes every byte of the text, in order, to its descriptor', () => {
    const out = file();
    const stream = new FdStream(out.fd as 1);
    stream.write('first line\n');
    stream.write(`${'é'.repeat(40_000)}\n`);
    expect(out.text()).toBe(`first line\n${'é'.repeat(40_000)}\n`);
    expect(stream.isTTY).toBe(false);
    expect(stream.columns).toBeUndefined();
    fs.closeSync(out.fd);
  });

  it('waits for a descriptor that would block and writes the rest to it, in order, without a Node stream', () => {
    const out = file();
    const original = fs.writeSync;
    let refusals = 0;
    // A non-blocking pipe that is full twice, then takes a few bytes at a time.
    const spy = ((fd: number, buffer: Buffer, offset: number) => {
      if (refusals < 2) {
        refusals += 1;
        throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      }
      return original(fd, buffer, offset, Math.min(3, buffer.length - offset));
    }) as typeof fs.writeSync;
    fs.writeSync = spy;
    try {
      const stream = new FdStream(out.fd as 1, () => {
        throw new Error('no Node stream for a full descriptor');
      });
      stream.write('one\n');
      stream.write('two\n');
    } finally {
      fs.writeSync = original;
    }
    expect(refusals).toBe(2);
    expect(out.text()).toBe('one\ntwo\n');
    fs.closeSync(out.fd);
  });

  it('drops what follows a closed pipe quietly, and rethrows any other error', () => {
    const original = fs.writeSync;
    const fail = (code: string) =>
      (() => {
        throw Object.assign(new Error(`${code}: write`), { code });
      }) as typeof fs.writeSync;
    try {
      fs.writeSync = fail('EPIPE');
      const stream = new FdStream(1, () => {
        throw new Error('no Node stream for a closed pipe');
      });
      expect(stream.write('lost\n')).toBe(true);
      expect(stream.write('lost too\n')).toBe(true);
      fs.writeSync = fail('EIO');
      expect(() => new FdStream(2).write('x\n')).toThrow('EIO');
    } finally {
      fs.writeSync = original;
    }
  });
});
