// `npm run coverage`: line and branch coverage of src/ over the whole suite, the
// CLI processes the end-to-end tests spawn included (see CONTRIBUTING.md).
// The unit side comes from vitest's v8 provider. Each CLI that test/helpers/cli.ts
// spawns writes raw V8 coverage (NODE_V8_COVERAGE) of the source-mapped bundle;
// monocart-coverage-reports maps its byte ranges back to src/ through the build's
// source maps. (c8 maps a range only when both its ends land in one source file,
// which in a bundle they mostly do not: the ranges of functions never called
// were dropped and nearly every line of a loaded chunk counted as run.)
// Extra arguments go to vitest: `npm run coverage -- test/unit` for one side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { CoverageReport } from 'monocart-coverage-reports';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'coverage');
const raw = path.join(out, 'e2e-raw');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(raw, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exitCode = 1;
  return result.status;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
if (run(process.execPath, ['scripts/build.mjs'], { CONFNOTES_SOURCEMAP: '1' }) !== 0) process.exit(1);
// The V8 code caches too (scripts/build.mjs makes none for a source-mapped build), so that
// the tests that check the launcher takes them pass here as under `npm test`. A function
// V8 takes from a cache carries no block counters, so the CLIs whose coverage is recorded
// run with a flag that makes V8 reject the caches (test/helpers/cli.ts). No lane packs
// (scripts/lane-packs.mjs): a room command then loads its files one by one, each with its
// source map (test/e2e/lane-packs.e2e.test.ts makes packs for a copy of its own).
if (run(process.execPath, ['scripts/quick-code-cache.mjs', 'dist']) !== 0) process.exit(1);
try {
  run(
    bin('vitest'),
    [
      'run',
      '--coverage.enabled',
      '--coverage.provider=v8',
      '--coverage.reporter=json',
      `--coverage.reportsDirectory=${path.join(out, 'unit')}`,
      '--coverage.include=src/**',
      // A failing test still leaves the figures of all the others.
      '--coverage.reportOnFailure',
      ...process.argv.slice(2),
    ],
    { CONFNOTES_COVERAGE_DIR: raw },
  );

  // The bundle's chunks, mapped back to src/ through the build's own source
  // maps, read beside each chunk before dist/ is rebuilt below.
  const dist = `file://${root}/dist/`;
  const e2e = new CoverageReport({
    name: 'confnotes e2e',
    outputDir: path.join(out, 'e2e'),
    reports: [['json']],
    sourceFilter: (sourcePath) => sourcePath.startsWith('src/'),
    logging: 'error',
  });
  const chunks = new Map();
  const withSource = (entry) => {
    if (!chunks.has(entry.url)) {
      const file = fileURLToPath(entry.url);
      const sourceMap = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
      chunks.set(entry.url, { source: fs.readFileSync(file, 'utf8'), sourceMap });
    }
    return { ...entry, ...chunks.get(entry.url) };
  };
  const files = fs.readdirSync(raw);
  for (const name of files) {
    const { result } = JSON.parse(fs.readFileSync(path.join(raw, name), 'utf8'));
    // Only the files the build maps to src/: the vendor files (yaml, gray-matter, js-yaml) carry no map.
    const mapped = (entry) => entry.url.startsWith(dist) && fs.existsSync(`${fileURLToPath(entry.url)}.map`);
    await e2e.add(result.filter(mapped).map(withSource));
  }
  if (files.length) await e2e.generate();
  console.log(`\n${files.length} CLI processes recorded`);
} finally {
  // Leave dist/ as `npm run build` makes it (with the quick lane's code cache).
  run(process.execPath, ['scripts/build.mjs']);
}

// The two sides instrument differently (vitest's AST, monocart's mapping of the
// bundle), so istanbul's merge of their maps would count a statement twice:
// report each side, then the union of covered lines and branch arms per file,
// keyed by source position.
const maps = {};
for (const part of ['unit', 'e2e']) {
  const file = path.join(out, part, 'coverage-final.json');
  const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  // Both sides keyed by the absolute path.
  const keyed = Object.fromEntries(
    Object.entries(data).map(([name, fc]) => {
      const full = path.resolve(root, name);
      return [full, { ...fc, path: full }];
    }),
  );
  maps[part] = libCoverage.createCoverageMap(keyed);
  const context = libReport.createContext({ dir: path.join(out, part), coverageMap: maps[part] });
  console.log(`\n${part}:`);
  reports.create('text-summary').execute(context);
  reports.create('html').execute(context);
}
const union = new Map(); // file → { lines: Map<line, hit>, arms: Map<key, hit> }
for (const map of Object.values(maps)) {
  for (const file of map.files()) {
    const entry = union.get(file) ?? { lines: new Map(), arms: new Map() };
    union.set(file, entry);
    const fc = map.fileCoverageFor(file);
    for (const [line, hits] of Object.entries(fc.getLineCoverage()))
      entry.lines.set(line, (entry.lines.get(line) ?? false) || hits > 0);
    for (const [id, branch] of Object.entries(fc.branchMap)) {
      fc.b[id].forEach((hits, arm) => {
        const at = branch.locations[arm]?.start ?? branch.loc?.start;
        const key = `${at?.line}:${at?.column}:${branch.type}`;
        entry.arms.set(key, (entry.arms.get(key) ?? false) || hits > 0);
      });
    }
  }
}
const pct = (hit, all) => (all ? ((100 * hit) / all).toFixed(2) : '100');
const core = `${path.sep}src${path.sep}core${path.sep}`;
let lines = [0, 0];
let arms = [0, 0];
for (const [file, entry] of union) {
  if (!file.includes(core)) continue;
  lines = [lines[0] + [...entry.lines.values()].filter(Boolean).length, lines[1] + entry.lines.size];
  arms = [arms[0] + [...entry.arms.values()].filter(Boolean).length, arms[1] + entry.arms.size];
}
console.log(
  `\nsrc/core, unit and e2e together: lines ${pct(...lines)}% (${lines[0]}/${lines[1]}), branches ${pct(...arms)}% (${arms[0]}/${arms[1]})`,
);
