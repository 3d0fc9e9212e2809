// Stands in for node:worker_threads inside write-file-atomic (scripts/build.mjs).
// It reads one thing, threadId, once, so that two threads of one process name
// their temporary files apart (the pid alone would not); loading the module
// brings Node's worker and stream modules along, 3-5 ms of every command that
// saves the current note. A random number per copy of the module keeps the
// names of any two threads apart as well (confnotes itself runs on one).
'use strict';
exports.threadId = Math.floor(Math.random() * 0x100000000);
