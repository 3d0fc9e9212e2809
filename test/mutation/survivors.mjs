// The mutants a Stryker JSON report left alive, one per line with its source line:
//   node test/mutation/survivors.mjs reports/mutation/<MUTATE_REPORT or mutation>.json
import fs from 'node:fs';

const report = JSON.parse(fs.readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  for (const mutant of mutants) {
    if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
    const { line, column } = mutant.location.start;
    const replacement = JSON.stringify(mutant.replacement ?? '');
    console.log(`${file}:${line}:${column} [${mutant.status}] ${mutant.mutatorName}: ${replacement}`);
    console.log(`    ${lines[line - 1].trim()}`);
  }
}
