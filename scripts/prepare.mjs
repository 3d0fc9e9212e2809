// `npm install -g .` runs `prepare` in a fresh clone without its
// devDependencies, so the bundler may be missing: install them into the clone
// (as `npm install -g <git url>` does by itself), then build dist/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  require.resolve('esbuild');
} catch {
  console.error('confnotes: installing the build tools to build dist/');
  // Not the outer command's --global or --prefix: this install is for the clone itself.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location)$/i.test(key)),
  );
  const args = ['install', '--include=dev', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund'];
  run(npm[0], [...npm.slice(1), ...args, '--prefix', process.cwd()], env);
}
run(process.execPath, ['scripts/build.mjs']);
