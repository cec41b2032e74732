import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggirRanks, aggirWeights, scoringVariables } from '#src/modules/assessments/domain/aggir-tables.ts';

/*
 * The weights and thresholds of CASF annexe 2-2 as the verified reference files give them (a copy in
 * tests/fixtures/reference): the tables embedded in the domain must match them cell by cell.
 */
describe('the AGGIR tables against the reference data', () => {
  const dataDir = fileURLToPath(new URL('../../../../tests/fixtures/reference', import.meta.url));

  it('match the reference CSV files cell by cell', () => {
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
  });
});
