// Bundles src/cli.ts into dist/ with one chunk per lazily imported command,
// so a quick command loads only the code it uses (see ARCHITECTURE.md).
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// gray-matter's default YAML engine, never used by confnotes: see scripts/stubs/js-yaml.cjs; chalk's
// supports-color, whose guess confnotes never asks for: chalk's browser variant; js-yaml's
// full schema, never used by fast-yaml.ts: see scripts/stubs/js-yaml-default-full.cjs; commander's
// node:child_process, loaded on first use: see scripts/stubs/commander-child-process.cjs;
// write-file-atomic's node:crypto and node:worker_threads: see scripts/stubs/write-file-atomic-*.cjs.
const stubJsYaml = {
  name: 'stub-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({
      path: fileURLToPath(new URL('./stubs/js-yaml.cjs', import.meta.url)),
    }));
    // commander's require of node:child_process, used only for executable subcommands: see the stub.
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.resolveDir)
        ? { path: fileURLToPath(new URL('./stubs/commander-child-process.cjs', import.meta.url)) }
        : undefined,
    );
    // chalk's supports-color: every Chalk is made with the level src/ui/colors.ts decided, so chalk
    // gets its own browser variant (no colour of its own), not Node's, which loads node:tty (and
    // node:net, node:stream: ~5-8 ms) at import to guess one (src/ui/painter.ts).
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]chalk[\\/]/.test(args.resolveDir)
        ? {
            path: fileURLToPath(
              new URL('../node_modules/chalk/source/vendor/supports-color/browser.js', import.meta.url),
            ),
          }
        : undefined,
    );
    // write-file-atomic's node:crypto and node:worker_threads, used only to name its temporary files: see the stubs.
    build.onResolve({ filter: /^(node:)?(crypto|worker_threads)$/ }, (args) =>
      /[\\/]write-file-atomic[\\/]/.test(args.resolveDir)
        ? {
            path: fileURLToPath(
              new URL(
                `./stubs/write-file-atomic-${args.path.replace(/^node:/, '').replace('_', '-')}.cjs`,
                import.meta.url,
              ),
            ),
          }
        : undefined,
    );
    // src/core/front-matter/fast-yaml.ts loads js-yaml's loader with a schema of its own; the
    // loader's default full schema would load esprima (its !!js/function type) at start-up.
    build.onResolve({ filter: /[\\/]schema[\\/]default_full(\.js)?$/ }, (args) =>
      /[\\/]js-yaml[\\/]/.test(args.resolveDir)
        ? { path: fileURLToPath(new URL('./stubs/js-yaml-default-full.cjs', import.meta.url)) }
        : undefined,
    );
  },
};

/**
 * Throws when the split build's files import one another in a cycle. As ES
 * modules a cycle would still work (bindings are hoisted); as CommonJS a file
 * in one would see another's exports before they are set. esbuild's chunks make
 * none (a file imports only files shared by more entry points than itself),
 * but the CommonJS build relies on it, so it is checked on every build.
 */
function noImportCycle(metafile) {
  const graph = new Map(
    Object.entries(metafile.outputs).map(([file, output]) => [
      file,
      output.imports
        .filter((entry) => entry.kind === 'import-statement' && !entry.external)
        .map((entry) => entry.path),
    ]),
  );
  const state = new Map(); // file → 'open' while its imports are walked, then 'done'
  const walk = (file, trail) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open')
      throw new Error(`build: an import cycle in the split build: ${[...trail, file].join(' → ')}`);
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) walk(file, []);
}

// Build beside dist/ and swap it in, so a test run that is using dist/ sees
// either the old build or the new one, never a half-written one.
const dist = new URL('../dist', import.meta.url);
const next = new URL(`../dist.next-${process.pid}`, import.meta.url);
const old = new URL(`../dist.old-${process.pid}`, import.meta.url);
// `npm run coverage` maps the bundle's V8 coverage back to src/ (scripts/coverage.mjs).
const sourcemap = process.env.CONFNOTES_SOURCEMAP === '1';

// This build's id, written into the code (src/core/fingerprint.ts buildStamp): a hash of every
// source file and of the locked dependencies, so a cache made by other code is never believed,
// whatever the files' mtimes (npm packs every file with the same one).
function buildId() {
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(path.join(root, 'src'), { recursive: true })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of files) hash.update(`${name}\n`).update(readFileSync(path.join(root, 'src', name)));
  for (const name of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(root, name)));
  return hash.digest('hex').slice(0, 16);
}
const BUILD_ID = { __CONFNOTES_BUILD__: JSON.stringify(buildId()) };
await build({
  entryPoints: ['src/cli.ts'],
  outdir: `dist.next-${process.pid}`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [stubJsYaml],
  define: BUILD_ID,
  sourcemap,
  // Some bundled dependencies are CommonJS and call require() on Node built-ins.
  banner: {
    js: [
      "import { createRequire as __cnRequire } from 'node:module';",
      "import { fileURLToPath as __cnFileURLToPath } from 'node:url';",
      'const require = __cnRequire(import.meta.url);',
      'const __filename = __cnFileURLToPath(import.meta.url);',
    ].join(' '),
  },
  logLevel: 'warning',
});

// import.meta.url in a CommonJS file: a getter, so the URL (pathToFileURL, ~0.4 ms) is worked out
// only when a module asks for it, not whenever its file is loaded (plan-ics.ts asks only to make a
// plan, templates.ts only to find a template). Defined as `__cnMeta.url`, with __cnMeta put at the
// top of each file that uses it.
const IMPORT_META = { 'import.meta.url': '__cnMeta.url' };
const META_BANNER =
  "const __cnMeta = { get url() { return (this.known ??= require('node:url').pathToFileURL(__filename).href); } };";

// The quick lane (src/quick.ts) is one CommonJS file: Node 20 starts its ES
// module loader only for ES modules, and that alone costs ~9 ms, a third of
// the whole budget of `jot` (bench/README.md). bin/ is CommonJS for the same reason.
await build({
  entryPoints: ['src/quick.ts'],
  outfile: `dist.next-${process.pid}/quick.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  define: { ...IMPORT_META, ...BUILD_ID },
  // import() of Node's own modules becomes require(): bin/quick-load.js runs this file as a
  // vm.Script (from its code cache), where import() cannot work without an experimental loader
  // (the launcher hands the lane its own import of dist/cli.js: quickMain's importFull).
  supported: { 'dynamic-import': false },
  // Required from node_modules on first use (see the file): the lane only appends.
  external: JSON.parse(readFileSync(new URL('./quick-lane-external.json', import.meta.url), 'utf8')).external,
  sourcemap,
  logLevel: 'warning',
});

// esbuild wraps each default import of a Node built-in in __toESM, which copies
// every property of the module as a getter (~100 for node:fs, seven times over:
// ~1.3 ms of the lane's start). A built-in needs no ES-module shim: the lane
// takes the module itself as `default` and reaches its names through the prototype.
const quickFile = new URL(`../dist.next-${process.pid}/quick.cjs`, import.meta.url);
const BUILTIN_TO_ESM = /__toESM\(require\("(node:[a-z_/]+)"\), 1\)/g;
const bundled = readFileSync(quickFile, 'utf8');
if (!BUILTIN_TO_ESM.test(bundled))
  throw new Error('build: the quick bundle no longer has the __toESM calls it rewrites');
// __cnMeta (see IMPORT_META) only when a module of the lane asks for import.meta.url: none does today.
const quickCode = bundled.replace(
  BUILTIN_TO_ESM,
  (_, name) => `((m) => ({ __proto__: m, default: m }))(require("${name}"))`,
);
writeFileSync(quickFile, quickCode.includes('__cnMeta.url') ? `${META_BANNER}\n${quickCode}` : quickCode);

// The full CLI once more, as CommonJS (dist/cli.cjs and dist/chunks/*.cjs) for
// every command the launcher does not send down the quick lane. The same
// source and the same main(), so every option, message and exit code is the
// same; but CommonJS can be loaded with a V8 code cache on Node 20
// (bin/quick-load.js), where the ES-module build must compile its chunks on
// every start. It is split as dist/cli.js is, one file per lazily imported
// command and one per group of modules shared by the same commands, so that a
// command reads, decodes and deserialises only the code it runs: esbuild splits
// ES modules only, so the split build is made as ES modules and each file then
// turned into CommonJS, its imports becoming require() of the other files.
// (Why no import cycle can come of that, and why live bindings and classes stay
// single: ARCHITECTURE.md, start-up budget.)
const cjsOut = `dist.next-${process.pid}`;

// The YAML readers, each required by name on first use (src/core/front-matter/yaml-libs.ts,
// fast-yaml.ts), go into files of their own that the other files require only at that first use:
// bundled with them, their code would be read and deserialised on every start, though a command
// on warm caches parses no YAML. dist/chunks/vendor-yaml.cjs holds yaml and gray-matter (~300 KB,
// ~2 ms of a room command); dist/chunks/vendor-js-yaml.cjs js-yaml's small loader, which `new`
// reads its note back with (~1-1.5 ms of every other command: agenda, the listings, search).
// Each module is a getter, so loading a file runs only the module asked for.
const VENDOR_FILES = {
  'vendor-yaml.cjs': ['yaml', 'gray-matter'],
  'vendor-js-yaml.cjs': [
    'js-yaml/lib/js-yaml/type.js',
    'js-yaml/lib/js-yaml/schema.js',
    'js-yaml/lib/js-yaml/schema/failsafe.js',
    'js-yaml/lib/js-yaml/loader.js',
  ],
};
const VENDOR_OF = new Map(
  Object.entries(VENDOR_FILES).flatMap(([file, names]) => names.map((name) => [name, file])),
);
const VENDOR_PREFIX = 'confnotes-vendor:';
const vendorYaml = {
  name: 'vendor-yaml',
  setup(build) {
    build.onResolve({ filter: /^(yaml|gray-matter|js-yaml\/.*)$/ }, (args) =>
      args.kind === 'require-call' && VENDOR_OF.has(args.path)
        ? { path: `${VENDOR_PREFIX}${args.path}`, external: true }
        : undefined,
    );
  },
};
for (const [name, modules] of Object.entries(VENDOR_FILES)) {
  await build({
    stdin: {
      contents: `module.exports = {${modules.map((module) => `get ${JSON.stringify(module)}() { return require(${JSON.stringify(module)}); }`).join(', ')}};`,
      resolveDir: process.cwd(),
      sourcefile: name,
      loader: 'js',
    },
    outfile: `${cjsOut}/chunks/${name}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    plugins: [stubJsYaml],
    banner: { js: "'use strict';" },
    logLevel: 'warning',
  });
}
// The room lane (src/room.ts: `agenda`, `new` and the listings without commander) is a second entry of the
// same split build: dist/room.cjs requires the very files of dist/chunks/ the full CLI would
// for those commands (and their code caches), and never commander, which is the full CLI's.
const split = await build({
  entryPoints: ['src/cli.ts', 'src/room.ts'],
  outdir: cjsOut,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  plugins: [stubJsYaml, vendorYaml],
  define: { ...IMPORT_META, ...BUILD_ID },
  // Inline, for the transform below to read and carry through to the CommonJS file's own map.
  sourcemap: sourcemap ? 'inline' : false,
  metafile: true,
  write: false,
  logLevel: 'warning',
});
noImportCycle(split.metafile);
const BUILTIN_NAMESPACE = /__toESM\(require\("(node:[a-z_/]+)"\)\)/g;
const VENDOR_REQUIRE =
  /\(0,\s*import_chunk_[A-Z0-9]+\.__require\)\("confnotes-vendor:([^"]+)"\)|__require\("confnotes-vendor:([^"]+)"\)/g;
let builtins = 0;
const vendorRequires = new Map(Object.keys(VENDOR_FILES).map((file) => [file, 0]));
for (const file of split.outputFiles) {
  if (!file.path.endsWith('.cjs')) continue;
  const transformed = await transform(file.text, {
    // Strict, as the ES modules it was made of (and dist/cli.js) are; and each file's own URL,
    // for the modules that find files from theirs (src/core/templates.ts).
    banner: file.text.includes('__cnMeta.url') ? `'use strict'; ${META_BANNER}` : "'use strict';",
    format: 'cjs',
    loader: 'js',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    // A third less text to read and decode on every start (names are kept, for stack traces).
    minifyWhitespace: true,
    legalComments: 'none',
    // import() of another file (a lazily loaded command) or of a Node built-in becomes
    // require(): bin/quick-load.js runs these files as vm.Scripts, where import() cannot work.
    supported: { 'dynamic-import': false },
    sourcemap,
    sourcefile: file.path,
    logLevel: 'warning',
  });
  const { map } = transformed;
  mkdirSync(path.dirname(file.path), { recursive: true });
  // A YAML reader's require (see vendorYaml) becomes a require of its getter in its vendor file.
  const chunks = path.dirname(file.path).endsWith(`${path.sep}chunks`) ? './' : './chunks/';
  const code = transformed.code.replace(VENDOR_REQUIRE, (_, viaChunk, direct) => {
    const name = viaChunk ?? direct;
    const vendorFile = VENDOR_OF.get(name);
    vendorRequires.set(vendorFile, vendorRequires.get(vendorFile) + 1);
    return `require(${JSON.stringify(chunks + vendorFile)})[${JSON.stringify(name)}]`;
  });
  if (code.includes(VENDOR_PREFIX))
    throw new Error(`build: ${file.path} requires a YAML reader in a way the build does not rewrite`);
  if (sourcemap) {
    // Left as esbuild wrote it, so that the map fits (the rewrite below changes nothing a command does).
    writeFileSync(file.path, `${code}//# sourceMappingURL=${path.basename(file.path)}.map\n`);
    writeFileSync(`${file.path}.map`, map);
    continue;
  }
  // As in the quick lane (above): a Node built-in needs no ES-module shim; each file would
  // otherwise copy every name of node:fs, node:path… as a getter when it is loaded.
  const plain = code.replace(BUILTIN_NAMESPACE, (_, name) => {
    builtins++;
    return `((m) => ({ __proto__: m, default: m }))(require("${name}"))`;
  });
  writeFileSync(file.path, plain);
}
for (const [vendorFile, count] of vendorRequires)
  if (count === 0) throw new Error(`build: no file requires a YAML reader from ${vendorFile} any more`);
if (!sourcemap && builtins === 0)
  throw new Error('build: the CommonJS full CLI no longer has the __toESM calls it rewrites');

// The V8 code caches of the quick lane and of dist/cli.cjs (bin/quick-load.js), made by a child Node of
// its own; not for a coverage build, whose source maps describe the plain file.
if (!sourcemap) {
  const made = spawnSync(
    process.execPath,
    [
      fileURLToPath(new URL('./quick-code-cache.mjs', import.meta.url)),
      fileURLToPath(next),
      fileURLToPath(dist),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  // Without it the lane only starts a little slower: say so, but keep the build.
  if (made.status !== 0)
    process.stderr.write(`build: no code cache for dist/quick.cjs or dist/cli.cjs: ${made.stderr.trim()}\n`);
  // The lane packs (scripts/lane-packs.mjs), made from the files and caches just written; without
  // them each room command loads its files one by one, as before.
  const packs =
    made.status === 0
      ? spawnSync(
          process.execPath,
          [fileURLToPath(new URL('./lane-packs.mjs', import.meta.url)), fileURLToPath(next)],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
            encoding: 'utf8',
          },
        )
      : null;
  if (packs && packs.status !== 0) process.stderr.write(`build: no lane packs: ${packs.stderr.trim()}\n`);
}

try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
