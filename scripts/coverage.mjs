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

const map = libCoverage.createCoverageMap({});
for (const part of ['unit', 'e2e']) {
  const file = path.join(out, part, 'coverage-final.json');
  if (fs.existsSync(file)) map.merge(JSON.parse(fs.readFileSync(file, 'utf8')));
}
fs.writeFileSync(path.join(out, 'coverage-final.json'), JSON.stringify(map.toJSON()));
const context = libReport.createContext({ dir: out, coverageMap: map, defaultSummarizer: 'pkg' });
for (const name of ['text', 'text-summary', 'html']) reports.create(name).execute(context);
const core = libCoverage.createCoverageSummary();
for (const file of map.files())
  if (file.includes(`${path.sep}src${path.sep}core${path.sep}`))
    core.merge(map.fileCoverageFor(file).toSummary());
console.log(`src/core: lines ${core.lines.pct}%, branches ${core.branches.pct}%`);
