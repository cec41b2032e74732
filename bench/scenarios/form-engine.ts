import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { percentile } from '../lib/load.ts';

/** The architecture's budget for checking and drawing a 150-question response after a change, in the browser. */
const BUDGET_MS = 50;
const CHANGES = 60;

type Question = Record<string, unknown>;

/**
 * A form like a long home-visit grid: sections of text, numbers with rules, choices, yes/no with
 * follow-up questions shown on condition, a computed count; `size` questions in all.
 */
export function syntheticForm(size: number) {
  const sections: { name: string; title: string; items: Question[] }[] = [];
  const answers: Record<string, unknown> = {};
  const choices = ['cuisine', 'salle_de_bain', 'chambre', 'sejour', 'entree'].map((value) => ({ value, label: value }));
  for (let n = 0; n < size; n++) {
    if (n % 15 === 0) sections.push({ name: `section_${n}`, title: `Section ${n / 15 + 1}`, items: [] });
    const name = `q${n}`;
    const kind = n % 6;
    const question: Question =
      kind === 0
        ? { type: 'text', name, label: `Question ${n}` }
        : kind === 1
          ? { type: 'number', name, label: `Nombre ${n}`, unit: 'm', constraint: '. >= 0 and . <= 100' }
          : kind === 2
            ? { type: 'single_choice', name, label: `Choix ${n}`, choices }
            : kind === 3
              ? { type: 'multiple_choice', name, label: `Plusieurs choix ${n}`, choices }
              : kind === 4
                ? { type: 'yes_no', name, label: `Oui ou non ${n}`, required: true }
                : { type: 'long_text', name, label: `Précisions ${n}`, relevant: `\${q${n - 1}} = 'yes'` };
    sections.at(-1)!.items.push(question);
    answers[name] = [`texte ${n}`, n % 100, 'cuisine', ['cuisine', 'chambre'], 'yes', `précisions ${n}`][kind];
  }
  sections.at(-1)!.items.push({
    type: 'calculate',
    name: 'total',
    label: 'Total',
    calculation: 'count-selected(${q3}) + ${q1}',
  });
  return { definition: { sections }, answers };
}

/** Bundles the measuring page with the app's own build settings (production React, minified). */
async function bundleHarness(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    resolve: { alias: { '#src': fileURLToPath(new URL('../../src', import.meta.url)) } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: fileURLToPath(new URL('../harness/form-engine.tsx', import.meta.url)),
        formats: ['iife'],
        name: 'formEngineBench',
        fileName: () => 'form-engine.js',
      },
    },
  });
  return join(outDir, 'form-engine.js');
}

/** Checks and draws a 150-question response after each change, in Chromium; the reference is a 10-question form. */
export async function measureFormEngine(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'demeure-bench-form-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const script = await bundleHarness(outDir);
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="fr"><body></body></html>');
    await page.addScriptTag({ path: script });
    const run = (size: number) => {
      const { definition, answers } = syntheticForm(size);
      return page.evaluate(
        ([d, a, n]) =>
          (window as unknown as { measureForm: (...args: unknown[]) => number[] }).measureForm(d, a, n, 'q0'),
        [definition, answers, CHANGES] as const,
      );
    };
    const sorted = (values: number[]) => Float64Array.from(values).sort();
    const reference = sorted(await run(10));
    const large = sorted(await run(150));
    const p = (values: Float64Array, q: number) => percentile(values, q).toFixed(1);
    const p95 = percentile(large, 95);
    return [
      '',
      'Formulaire de 150 questions, vérifié et affiché après chaque saisie (Chromium, bundle de production) :',
      `  référence 10 questions : p50 ${p(reference, 50)} ms, p95 ${p(reference, 95)} ms`,
      `  150 questions          : p50 ${p(large, 50)} ms, p95 ${p95.toFixed(1)} ms (×${(p95 / Math.max(percentile(reference, 95), 0.01)).toFixed(1)})`,
      `  ${p95 < BUDGET_MS ? 'PASS' : 'FAIL'}  p95 ${p95.toFixed(1)} ms < ${BUDGET_MS} ms`,
    ].join('\n');
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
