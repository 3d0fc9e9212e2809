// Stands in for node:child_process inside commander (scripts/build.mjs).
// commander requires it when it is loaded, to spawn executable subcommands,
// which confnotes has none of; the load costs every command 1-2 ms. The
// same functions, the real module loaded on the first call.
'use strict';
let real;
const childProcess = () => {
  real ??= require('node:child_process');
  return real;
};
module.exports = {
  spawn: (...args) => childProcess().spawn(...args),
  fork: (...args) => childProcess().fork(...args),
  execFile: (...args) => childProcess().execFile(...args),
};
