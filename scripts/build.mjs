// Bundles src/cli.ts into dist/ with one chunk per lazily imported command,
// so a quick command loads only the code it uses (see ARCHITECTURE.md).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// gray-matter's default YAML engine, never used by confnotes: see scripts/stubs/js-yaml.cjs; and js-yaml's
// full schema, never used by fast-yaml.ts: see scripts/stubs/js-yaml-default-full.cjs.
const stubJsYaml = {
  name: 'stub-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({
      path: fileURLToPath(new URL('./stubs/js-yaml.cjs', import.meta.url)),
    }));
    // src/core/front-matter/fast-yaml.ts loads js-yaml's loader with a schema of its own; the
    // loader's default full schema would load esprima (its !!js/function type) at start-up.
    build.onResolve({ filter: /[\\/]schema[\\/]default_full(\.js)?$/ }, (args) =>
      /[\\/]js-yaml[\\/]/.test(args.resolveDir)
        ? { path: fileURLToPath(new URL('./stubs/js-yaml-default-full.cjs', import.meta.url)) }
        : undefined,
    );
  },
};

// Build beside dist/ and swap it in, so a test run that is using dist/ sees
// either the old build or the new one, never a half-written one.
const dist = new URL('../dist', import.meta.url);
const next = new URL(`../dist.next-${process.pid}`, import.meta.url);
const old = new URL(`../dist.old-${process.pid}`, import.meta.url);
// `npm run coverage` maps the bundle's V8 coverage back to src/ (scripts/coverage.mjs).
const sourcemap = process.env.CONFNOTES_SOURCEMAP === '1';
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
  define: { 'import.meta.url': '__cnImportMetaUrl' },
  // import() of Node's own modules becomes require(): bin/quick-load.js runs this file as a
  // vm.Script (from its code cache), where import() cannot work without an experimental loader
  // (the launcher hands the lane its own import of dist/cli.js: quickMain's importFull).
  supported: { 'dynamic-import': false },
  sourcemap,
  banner: { js: "const __cnImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
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
writeFileSync(
  quickFile,
  bundled.replace(BUILTIN_TO_ESM, (_, name) => `((m) => ({ __proto__: m, default: m }))(require("${name}"))`),
);

// The full CLI once more, as one CommonJS file (dist/cli.cjs) for the room
// commands the launcher sends it (`new`, `agenda`: bin/quick-words.json's
// `codeCached`). The same source and the same main(), so every option,
// message and exit code is the same; but CommonJS can be loaded with a V8
// code cache on Node 20 (bin/quick-load.js), where the ES-module build must
// compile its chunks on every start (most of what those commands cost above
// bare Node). Lazily imported commands stay lazy: esbuild turns each import()
// into a module initialised on first use.
await build({
  entryPoints: ['src/cli.ts'],
  outfile: `dist.next-${process.pid}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  // A third less text to read and decode on every start (names are kept, for stack traces).
  minifyWhitespace: true,
  legalComments: 'none',
  plugins: [stubJsYaml],
  define: { 'import.meta.url': '__cnImportMetaUrl' },
  supported: { 'dynamic-import': false },
  sourcemap,
  banner: { js: "const __cnImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

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
}

try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
