// Reads reports/steps.tsv (written by scripts/test.sh) and the JSON reports it points to,
// prints one line per step, and closes with exactly one line: 'N passed, N failed[, N skipped]'.
// Exit code is non-zero when anything failed or nothing passed.
import { existsSync, readFileSync } from 'node:fs';

const stepsFile = process.argv[2] ?? 'reports/steps.tsv';
const readJson = (file) => {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    return null;
  }
};

/** Counts from a vitest or Playwright JSON report, or null when the report is missing. */
function countsOf(report) {
  const json = readJson(report);
  if (!json) return null;
  if (json.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
    return { passed: expected + flaky, failed: unexpected, skipped };
  }
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

const lines = existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean) : [];
const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

for (const line of lines) {
  const [name, kind, code, ms, report] = line.split('\t');
  const exit = Number(code);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let note = '';
  if (kind === 'gate') {
    counts[exit === 0 ? 'passed' : 'failed'] = 1;
  } else if (kind === 'setup') {
    if (exit !== 0) counts.failed = 1;
  } else {
    Object.assign(counts, countsOf(report) ?? {});
    // A crash (config error, unhandled error, server that never started) fails no single test.
    if (exit !== 0 && counts.failed === 0) {
      counts.failed = 1;
      note = `exited with ${exit} without a failing test${existsSync(report) ? '' : ' and no report'}`;
    }
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  const result = exit === 0 ? 'ok' : `FAILED (${exit})`;
  const detail = kind === 'suite' ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : '';
  rows.push([name, result, `${(Number(ms) / 1000).toFixed(1)} s`, detail, note]);
}

const width = (i) => Math.max(0, ...rows.map((r) => r[i].length));
for (const row of rows) {
  console.log(
    row
      .map((cell, i) => (i < 3 ? cell.padEnd(width(i)) : cell))
      .join('  ')
      .trimEnd(),
  );
}
console.log(`${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ''));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
