import { renderPdf } from '#src/shared/pdf/document.ts';
import { sheetDocument } from '#src/modules/recommendations/index.ts';
import { sampleSheet } from '#tests/fixtures/demo-recommendations.ts';
import { percentile } from '../lib/load.ts';

/** The brief's budget for printing a recommendation sheet, in the server process. */
const BUDGET_MS = 300;
const RUNS = 40;

async function timings(copies: number): Promise<Float64Array> {
  const values: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await renderPdf(sheetDocument(sampleSheet(copies)));
    values.push(performance.now() - started);
  }
  return Float64Array.from(values).sort();
}

/**
 * Renders a recommendation sheet to PDF again and again: the usual one (3 products, works, funding
 * leads; 2 pages) and a long one (5 times the products; about 6 pages). Fonts load once, before.
 */
export async function measureRecommendationPdf(): Promise<string> {
  await renderPdf(sheetDocument(sampleSheet()));
  const usual = await timings(1);
  const long = await timings(5);
  const p = (values: Float64Array, q: number) => percentile(values, q).toFixed(1);
  // The budget holds for any sheet: the worse of the two.
  const p95 = Math.max(percentile(usual, 95), percentile(long, 95));
  return [
    '',
    `Fiche de préconisations en PDF (pdfmake, ${RUNS} rendus chacune) :`,
    `  fiche courante (3 produits)  : p50 ${p(usual, 50)} ms, p95 ${p(usual, 95)} ms`,
    `  fiche longue (15 produits)   : p50 ${p(long, 50)} ms, p95 ${p(long, 95)} ms`,
    `  ${p95 < BUDGET_MS ? 'PASS' : 'FAIL'}  p95 ${p95.toFixed(1)} ms < ${BUDGET_MS} ms`,
  ].join('\n');
}
