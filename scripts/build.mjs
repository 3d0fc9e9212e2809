// Bundles src/cli.ts into dist/ with one chunk per lazily imported command,
// so a quick command loads only the code it uses (see ARCHITECTURE.md).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
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
