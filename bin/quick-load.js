// Loads the quick lane (dist/quick.cjs) with the V8 code cache that
// `npm run build` writes beside it (dist/quick.cjs.cache, made by
// scripts/quick-code-cache.mjs): the bytecode of the functions `jot` and
// `current` run, so that Node does not compile them again on every call.
// The cache file holds a copy of the quick.cjs it was made from and its data
// twice, and is used only when the copy is this very quick.cjs and the two
// copies of the data agree, byte for byte: V8 itself checks little more than
// the source's length, and damaged data can crash it. (A byte comparison
// runs at memcmp speed; node:crypto or node:zlib for a hash take longer to
// load than the cache saves.) Anything else (no cache, another build, a
// damaged file) loads quick.cjs with a plain require, and a cache V8 rejects
// (another Node, other flags) is simply compiled afresh.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const QUICK_FILE = path.join(__dirname, '..', 'dist', 'quick.cjs');
const MAGIC = Buffer.from('confnotes quick-lane code cache 1\n', 'latin1');
/** The magic line, then the lengths of the source and of one copy of the data (32-bit little-endian). */
const HEADER_BYTES = MAGIC.length + 8;

/** The cache file's bytes for `source` and the data V8 made from it. */
function cacheFileBytes(source, data) {
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(source.length, 0);
  lengths.writeUInt32LE(data.length, 4);
  return Buffer.concat([MAGIC, lengths, source, data, data]);
}

/** The cached data for `source` (the bytes of `file`), or undefined when there is none to trust. */
function cachedDataFor(file, source) {
  let bytes;
  try {
    bytes = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const sourceBytes = bytes.readUInt32LE(MAGIC.length);
  const dataBytes = bytes.readUInt32LE(MAGIC.length + 4);
  if (dataBytes === 0 || bytes.length !== HEADER_BYTES + sourceBytes + 2 * dataBytes) return undefined;
  const at = HEADER_BYTES + sourceBytes;
  if (!bytes.subarray(HEADER_BYTES, at).equals(source)) return undefined;
  const data = bytes.subarray(at, at + dataBytes);
  return data.equals(bytes.subarray(at + dataBytes)) ? data : undefined;
}

/** Compiles quick.cjs as Node's CommonJS loader would (the same wrapper, so the cache fits). */
function compile(filename, source, cachedData) {
  // No import() in here (that needs an experimental loader): the launcher hands the lane its own.
  return new vm.Script(Module.wrap(source.toString('utf8')), { filename, cachedData });
}

function run(file, script) {
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/**
 * The quick lane's exports, through the code cache when there is one to
 * trust, else require(); `codeCache` says which ('used', 'rejected' by V8, or 'none').
 */
function loadQuick(file = QUICK_FILE) {
  let source;
  try {
    source = fs.readFileSync(file);
  } catch {
    return { lane: require(file), codeCache: 'none' }; // not built: require() says so as it always did
  }
  const cachedData = cachedDataFor(file, source);
  if (!cachedData) return { lane: require(file), codeCache: 'none' };
  const script = compile(file, source, cachedData);
  return { lane: run(file, script), codeCache: script.cachedDataRejected ? 'rejected' : 'used' };
}

/**
 * The bytes of the cache file for `file`, made after `warmUp(lane)` has run
 * the quick commands (so their functions are compiled and in the cache).
 * `filename` is where quick.cjs will be run from (the build makes it elsewhere).
 */
async function makeCodeCache(file, warmUp, filename = file) {
  const source = fs.readFileSync(file);
  const script = compile(filename, source, undefined);
  await warmUp(run(file, script));
  return cacheFileBytes(source, script.createCachedData());
}

module.exports = { loadQuick, makeCodeCache, QUICK_FILE };
