import type { Summary } from './load.ts';

/** What every scenario hands back to be printed. */
export type ScenarioResult = {
  title: string;
  rows: Summary[];
  /** p95 of an API request against p95 of its bare-SQL baseline, measured in the same run. */
  ratios: { label: string; api: number; sql: number }[];
  budgets: { label: string; p95: number; limitMs: number }[];
  errors: number;
  errorExamples: string[];
  notes: string[];
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatScenario(result: ScenarioResult): string {
  const out: string[] = [`\n${result.title}`, ''];
  out.push(
    table(
      ['mesure', 'n', 'erreurs', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      result.rows.map((r) => [
        r.label,
        String(r.count),
        String(r.errors),
        r.perSecond.toFixed(0),
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        ms(r.max),
      ]),
    ),
  );
  out.push('', 'Rapport p95 API / p95 SQL nu (même exécution, même concurrence) :');
  for (const r of result.ratios)
    out.push(`  ${r.label} : ${(r.api / r.sql).toFixed(1)} ×  (${ms(r.api)} ms / ${ms(r.sql)} ms)`);
  out.push('', 'Budget de l’architecture (lectures API, p95) :');
  for (const b of result.budgets) {
    out.push(`  ${b.p95 < b.limitMs ? 'PASS' : 'FAIL'}  ${b.label} p95 ${ms(b.p95)} ms < ${b.limitMs} ms`);
  }
  if (result.notes.length) out.push('', ...result.notes.map((n) => `  ${n}`));
  if (result.errorExamples.length) out.push('', 'Erreurs (premières) :', ...result.errorExamples.map((e) => `  ${e}`));
  return out.join('\n');
}
