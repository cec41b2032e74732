import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggirRanks, aggirWeights, scoringVariables } from '#src/modules/assessments/domain/aggir-tables.ts';

/*
 * The reference CSV files live outside the repository (they are not shipped); where they are at hand,
 * the embedded tables must match them cell by cell. The domain test checks the tables' own invariants.
 */
describe('the AGGIR tables against the reference data', () => {
  // The project's shared folder sits beside the checkout: ../shared/reference/data.
  const dataDir = fileURLToPath(new URL('../../../../../shared/reference/data', import.meta.url));
  const csvAvailable = existsSync(`${dataDir}/aggir-algorithm-weights.csv`);

  it.runIf(csvAvailable)(
    'match the reference CSV files cell by cell (skipped where ../shared/reference is absent)',
    () => {
      const snake = (v: string) => v.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const lines = (file: string) =>
        readFileSync(`${dataDir}/${file}`, 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(','));
      const weights = lines('aggir-algorithm-weights.csv');
      expect(weights).toHaveLength(240);
      for (const [group, variable, , modality, value] of weights) {
        const ours = scoringVariables.find((v) => snake(v) === variable);
        // The two variables absent from the constant weigh 0 in every group of the CSV.
        const expected = !ours || modality === 'A' ? 0 : aggirWeights[group as 'A'][modality as 'B'][ours];
        expect(Number(value), `${group} ${variable} ${modality}`).toBe(expected);
      }
      const ranks = lines('aggir-algorithm-thresholds.csv').map(([group, , min, rank, gir]) => ({
        group,
        minSum: min ? Number(min) : null,
        rank: Number(rank),
        gir: Number(gir),
      }));
      expect(ranks).toEqual(aggirRanks);
    },
  );
});
