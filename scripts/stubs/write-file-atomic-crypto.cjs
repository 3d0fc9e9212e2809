// Stands in for node:crypto inside write-file-atomic (scripts/build.mjs). It
// uses crypto once, to name its temporary file: the first four bytes of a
// SHA-1 of its own path, the pid, the thread id and a counter, a name unique
// to this process and write, not a secret. Loading node:crypto costs 3-5 ms of
// every room command that saves the current note; xxHash32 of the same parts
// (js-xxhash, as the caches' fingerprints use) names it as uniquely.
'use strict';
const { xxHash32 } = require('js-xxhash');

exports.createHash = (algorithm) => {
  if (algorithm !== 'sha1') throw new Error(`the write-file-atomic crypto stub has no ${algorithm}`);
  const parts = [];
  const hash = {
    update(part) {
      parts.push(String(part));
      return hash;
    },
    digest() {
      // Each part with its length, so that no two different lists join alike.
      const bytes = Buffer.alloc(4);
      bytes.writeUInt32BE(xxHash32(parts.map((part) => `${part.length}:${part}`).join('\n'), 0) >>> 0, 0);
      return bytes;
    },
  };
  return hash;
};
