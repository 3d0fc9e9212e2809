/**
 * Preloaded (node --require) into the CLI by the SIGKILL tests only; never
 * part of the product. It wraps every synchronous file-system call that
 * changes something (write-flag opens, writes, fsyncs, closes of written
 * files, renames, removals) so a test can stop the process exactly before
 * the Nth one, and kill it there.
 *
 * CONFNOTES_TEST_PAUSE_AT=N  before the Nth such call, print "@@paused N name"
 *                            on stderr and block forever (the test kills it).
 * CONFNOTES_TEST_TRACE=1     at exit, print "@@calls N name,name,…" on stderr.
 * CONFNOTES_TEST_FAIL_AT=N   make the Nth such call fail instead, with the error code
 * CONFNOTES_TEST_FAIL_CODE   given (ENOSPC, EROFS…), as the operating system would.
 * CONFNOTES_TEST_START_AT=T  wait until T (ms since the epoch) before the first such call,
 *                            so that concurrent writers meet at the lock together.
 * CONFNOTES_TEST_SLOW_LOCK_RM=MS  sleep MS before removing a `.lock` file: a writer
 *                            descheduled between judging a lock stale and removing it.
 */
'use strict';
const fs = require('node:fs');

const pauseAt = Number(process.env.CONFNOTES_TEST_PAUSE_AT || 0);
const trace = process.env.CONFNOTES_TEST_TRACE === '1';
const failAt = Number(process.env.CONFNOTES_TEST_FAIL_AT || 0);
const failCode = process.env.CONFNOTES_TEST_FAIL_CODE || 'ENOSPC';
const original = {};
const seen = [];
const writtenFds = new Set();
const forever = new Int32Array(new SharedArrayBuffer(4));

function writes(flags) {
  if (typeof flags === 'number')
    return (
      (flags &
        (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !==
      0
    );
  return typeof flags === 'string' && /[wa+]/.test(flags);
}

const startAt = Number(process.env.CONFNOTES_TEST_START_AT || 0);
const slowLockRm = Number(process.env.CONFNOTES_TEST_SLOW_LOCK_RM || 0);

function point(name) {
  if (seen.length === 0 && startAt > Date.now()) Atomics.wait(forever, 0, 0, startAt - Date.now());
  seen.push(name);
  if (seen.length === pauseAt) {
    original.writeSync(2, `\n@@paused ${seen.length} ${name}\n`);
    Atomics.wait(forever, 0, 0);
  }
  if (seen.length === failAt) {
    const error = new Error(`${failCode}: injected by the test, ${name}`);
    error.code = failCode;
    throw error;
  }
}

const wrap = {
  openSync: (call) =>
    function (...args) {
      const flags = args[1];
      if (!writes(flags)) return call.apply(this, args);
      point(`open(${String(flags)})`);
      const fd = call.apply(this, args);
      writtenFds.add(fd);
      return fd;
    },
  closeSync: (call) =>
    function (...args) {
      if (writtenFds.delete(args[0])) point('close');
      return call.apply(this, args);
    },
  writeSync: (call) =>
    function (...args) {
      if (args[0] > 2) point('write');
      return call.apply(this, args);
    },
};
for (const name of [
  'writeFileSync',
  'appendFileSync',
  'fsyncSync',
  'fdatasyncSync',
  'renameSync',
  'rmSync',
  'unlinkSync',
  'mkdirSync',
  'linkSync',
  'ftruncateSync',
  'fchmodSync',
  'chmodSync',
]) {
  wrap[name] = (call) =>
    function (...args) {
      if (slowLockRm && /^(rm|unlink)Sync$/.test(name) && String(args[0]).endsWith('.lock'))
        Atomics.wait(forever, 0, 0, slowLockRm);
      point(name.replace(/Sync$/, ''));
      return call.apply(this, args);
    };
}
for (const [name, make] of Object.entries(wrap)) {
  original[name] = fs[name];
  fs[name] = make(fs[name]);
}

if (trace) {
  process.on('exit', () => original.writeSync(2, `\n@@calls ${seen.length} ${seen.join(',')}\n`));
}
