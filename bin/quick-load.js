// Loads the quick lane (dist/quick.cjs) and the CommonJS full CLI
// (dist/cli.cjs and the files of dist/chunks/ it requires) with the V8 code
// caches that `npm run build` writes beside each file (`<file>.cache`, made by
// scripts/quick-code-cache.mjs): the bytecode of the functions the commands
// run, so that Node does not compile them again on every call. The full CLI is
// split, one file per command and per group of shared modules, and each file
// has a cache of its own, so a command reads and deserialises only the code it
// runs: a require hook (useCodeCaches) loads every .cjs file of dist/ through
// its cache, as require() would load it otherwise (the same wrapper, the same
// module object, so every module is still loaded once).
// A cache file holds a copy of the file it was made from and its data
// twice, and is used only when the copy is this very file and the two
// copies of the data agree, byte for byte: V8 itself checks little more than
// the source's length, and damaged data can crash it. (A byte comparison
// runs at memcmp speed; node:crypto or node:zlib for a hash take longer to
// load than the cache saves.) Anything else (no cache, another build, a
// damaged file) loads the file with a plain require, and a cache V8 rejects
// (another Node, other flags) is simply compiled afresh.
// A lane pack (dist/packs/<name>.cjs, made by scripts/lane-packs.mjs) holds,
// in one file with one code cache, every file of dist/ a room command loads,
// each as the very function Node's loader would wrap it in: the launcher
// picks the command's pack (usePack), and requireOwn runs a file from it
// instead of reading the file and its cache (~0.2 ms a file, a third of the
// start of `agenda` or `new`). A file the pack lacks is loaded as before.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { isAscii } = require('node:buffer');

const QUICK_FILE = path.join(__dirname, '..', 'dist', 'quick.cjs');
const CLI_FILE = path.join(__dirname, '..', 'dist', 'cli.cjs');
const ROOM_FILE = path.join(__dirname, '..', 'dist', 'room.cjs');
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

/**
 * The file's text. Most of a bundle is ASCII (esbuild escapes other characters
 * in strings), and an ASCII file read as Latin-1 is the same text, copied
 * rather than decoded: a third of the time.
 */
const text = (source) => source.toString(isAscii(source) ? 'latin1' : 'utf8');

/** Compiles a file as Node's CommonJS loader would (the same wrapper, so the cache fits). */
function compile(filename, source, cachedData) {
  // No import() in here (that needs an experimental loader): the build turns each into require().
  return new vm.Script(Module.wrap(text(source)), { filename, cachedData });
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

/** What each file of the full CLI took when it was loaded: 'used', 'rejected' or 'none' (for tests). */
const codeCacheUse = new Map();
/** While the build makes the caches (makeCodeCaches): every file loaded, compiled without a cache. */
let recording;

/**
 * The require() a file of the full CLI is given. Its files require only one
 * another (`./chunks/…cjs`, `./…cjs`: esbuild's names) and Node's built-ins;
 * another file is found by its name, without Node's search of the file system
 * (a stat and a realpath for each), and loaded by requireOwn.
 */
function requireFor(module, dir) {
  // esbuild's names hold no `..` or doubled slash: a concatenation is path.join's answer (a join
  // normalises the whole path, for every one of a command's hundreds of requires).
  const own = (id) => (path.sep === '/' && !id.includes('/.') ? dir + id.slice(1) : path.join(dir, id));
  const requireIn = (id) =>
    id.startsWith('./') && id.endsWith('.cjs') ? requireOwn(own(id), module) : module.require(id);
  requireIn.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  requireIn.cache = Module._cache;
  requireIn.main = process.mainModule;
  return requireIn;
}

/**
 * Loads a file of the full CLI as require() would, in Node's own module cache
 * (so each is loaded once, however it is reached), but compiled from its code
 * cache when there is one to trust. With none, or one V8 rejects, Node
 * compiles the text itself (module._compile), exactly as require() does.
 */
function requireOwn(file, parent) {
  const cached = Module._cache[file];
  if (cached !== undefined) return cached.exports;
  const packed = pack?.modules.get(file.startsWith(pack.dir) ? file.slice(pack.dir.length) : '');
  if (packed !== undefined) {
    // A file of the pack in use: its wrapper run as Node would run the file it holds.
    const exports = loadModule(file, parent, (module) => {
      const dir = path.dirname(file);
      packed.call(module.exports, module.exports, requireFor(module, dir), module, file, dir);
    });
    codeCacheUse.set(file, pack.use);
    return exports;
  }
  let source;
  try {
    source = fs.readFileSync(file);
  } catch {
    return parent ? parent.require(file) : require(file); // missing: Node says so, as require() always did
  }
  return loadModule(file, parent, (module) => compileInto(module, file, source));
}

/** A module for `file` in Node's module cache, filled by `fill`; taken out again if `fill` throws. */
function loadModule(file, parent, fill) {
  const module = new Module(file, parent);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = module;
  let done = false;
  try {
    fill(module);
    done = true;
  } finally {
    if (!done) delete Module._cache[file];
  }
  module.loaded = true;
  return module.exports;
}

/** The pack in use: its files' wrappers by name relative to `dir` (the dist/ it was made in). */
let pack;
/** While makePackCache runs: the pack's script, compiled without a cache. */
let packRecording;

/**
 * Makes `file` (dist/packs/<name>.cjs) the pack later loads take their files
 * from, when its code cache is one to trust ('used'), or one V8 rejects
 * ('rejected': another Node or other flags, which reject the files' own caches
 * too, so one compile of the pack beats thirty of the files). Without a cache
 * ('none': damaged, foreign, missing) the files are loaded one by one, each
 * with its own cache.
 */
function usePack(file) {
  let source;
  try {
    source = fs.readFileSync(file);
  } catch {
    return 'none';
  }
  const cachedData = packRecording ? undefined : cachedDataFor(file, source);
  if (!packRecording && !cachedData) return 'none';
  const script = new vm.Script(text(source), { filename: file, cachedData });
  if (packRecording) packRecording.script = script;
  const use = packRecording ? 'recording' : script.cachedDataRejected ? 'rejected' : 'used';
  // The pack is `(function () { return [[name, wrapper], ...]; })`.
  const modules = new Map(script.runInThisContext()());
  pack = { dir: path.dirname(path.dirname(file)) + path.sep, modules, use };
  return use;
}

/**
 * The bytes of a pack's source (a Buffer) for `files` (absolute, in the order
 * they load), made from the files of `dist` themselves, byte for byte.
 */
function packSource(dist, files) {
  const parts = [Buffer.from('(function () { return [\n')];
  for (const file of files) {
    const name = JSON.stringify(path.relative(dist, file));
    parts.push(Buffer.from(`[${name}, function (exports, require, module, __filename, __dirname) {`));
    parts.push(fs.readFileSync(file), Buffer.from('\n}],\n'));
  }
  parts.push(Buffer.from(']; })\n'));
  return Buffer.concat(parts);
}

/** The bytes of the cache file of the pack `file`, made after `warmUp()` has run its commands through it. */
async function makePackCache(file, warmUp) {
  packRecording = {};
  try {
    if (usePack(file) !== 'recording') throw new Error(`${file}: not a pack`);
    await warmUp();
    return cacheFileBytes(fs.readFileSync(file), packRecording.script.createCachedData());
  } finally {
    packRecording = undefined;
  }
}

function compileInto(module, file, source) {
  const dir = path.dirname(file);
  const cachedData = recording ? undefined : cachedDataFor(file, source);
  if (!recording && !cachedData) {
    codeCacheUse.set(file, 'none');
    return compileAsNode(module, file, source);
  }
  const script = compile(file, source, cachedData);
  if (recording) recording.push({ file, source, script });
  else if (script.cachedDataRejected) {
    codeCacheUse.set(file, 'rejected');
    return compileAsNode(module, file, source);
  } else codeCacheUse.set(file, 'used');
  script.runInThisContext().call(module.exports, module.exports, requireFor(module, dir), module, file, dir);
}

/** Node's own compilation of a CommonJS file, but with requireFor's require() for the files it requires. */
function compileAsNode(module, file, source) {
  const ownRequire = requireFor(module, path.dirname(file));
  const nodeRequire = module.require;
  // module._compile hands the file a require() that calls module.require: route the full CLI's own files.
  module.require = (id) =>
    id.startsWith('./') && id.endsWith('.cjs') ? ownRequire(id) : nodeRequire.call(module, id);
  module._compile(text(source), file, 'commonjs');
}

/** 'used' when every file loaded took its cache, else 'none' if one had none, else 'rejected'. */
function codeCacheSummary() {
  const uses = new Set(codeCacheUse.values());
  if (uses.size === 1) return [...uses][0];
  return uses.size === 0 || uses.has('none') ? 'none' : 'rejected';
}

/**
 * The full CLI's exports (dist/cli.cjs), it and the files it requires loaded
 * through their code caches; `codeCache` says which, as loadQuick's, over all
 * the files loaded so far.
 */
function loadFull(file = CLI_FILE) {
  return { lane: requireOwn(file, undefined), codeCache: codeCacheSummary() };
}

/**
 * The cache files of every file of the full CLI that `warmUp(cli)` loads, as
 * [file, bytes], made after it has run the commands (so that their functions
 * are compiled and in the caches). Run in a process of its own (the build's).
 */
async function makeCodeCaches(file, warmUp) {
  recording = [];
  try {
    await warmUp(requireOwn(file, undefined));
    return recording.map(({ file, source, script }) => [
      file,
      cacheFileBytes(source, script.createCachedData()),
    ]);
  } finally {
    recording = undefined;
  }
}

module.exports = {
  loadQuick,
  loadFull,
  usePack,
  packSource,
  makePackCache,
  makeCodeCache,
  makeCodeCaches,
  codeCacheUse,
  QUICK_FILE,
  CLI_FILE,
  ROOM_FILE,
};
