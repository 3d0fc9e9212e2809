// `npm run coverage`: line and branch coverage of src/ over the whole suite, the
// CLI processes the end-to-end tests spawn included (see CONTRIBUTING.md).
// The unit side comes from vitest's v8 provider; each spawned CLI writes raw V8
// coverage (NODE_V8_COVERAGE, passed through by test/helpers/cli.ts) of the
// source-mapped bundle, which c8 maps back to src/; the two maps are merged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';

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
run(
  bin('vitest'),
  [
    'run',
    '--coverage.enabled',
    '--coverage.provider=v8',
    '--coverage.reporter=json',
    `--coverage.reportsDirectory=${path.join(out, 'unit')}`,
    '--coverage.include=src/**',
    ...process.argv.slice(2),
  ],
  { CONFNOTES_COVERAGE_DIR: raw },
);
run(bin('c8'), [
  'report',
  `--temp-directory=${raw}`,
  `--report-dir=${path.join(out, 'e2e')}`,
  '--reporter=json',
  '--exclude-after-remap',
  '--include=src/**',
]);

// The two sides instrument differently (vitest's transform, the bundle's source
// map), so istanbul's merge of their maps is unreliable: report each side, then
// the union of covered lines and branch arms per file, keyed by source position.
const maps = {};
for (const part of ['unit', 'e2e']) {
  const file = path.join(out, part, 'coverage-final.json');
  maps[part] = libCoverage.createCoverageMap(
    fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {},
  );
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
      const start = branch.loc?.start ?? branch.locations[0]?.start;
      fc.b[id].forEach((hits, arm) => {
        const key = `${start?.line}:${start?.column}:${arm}`;
        entry.arms.set(key, (entry.arms.get(key) ?? false) || hits > 0);
      });
    }
  }
}
const pct = (hit, all) => (all ? ((100 * hit) / all).toFixed(2) : '100');
let lines = [0, 0];
let arms = [0, 0];
for (const [file, entry] of union) {
  if (!file.includes(`${path.sep}src${path.sep}core${path.sep}`)) continue;
  lines = [lines[0] + [...entry.lines.values()].filter(Boolean).length, lines[1] + entry.lines.size];
  arms = [arms[0] + [...entry.arms.values()].filter(Boolean).length, arms[1] + entry.arms.size];
}
console.log(`\nsrc/core, unit and e2e together: lines ${pct(...lines)}%, branches ${pct(...arms)}%`);
