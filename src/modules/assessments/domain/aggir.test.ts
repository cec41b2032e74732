import { describe, expect, it } from 'vitest';
import {
  compositeVariables,
  computeGir,
  discriminantProfile,
  discriminantVariables,
  girOfRatings,
  illustrativeVariables,
  ratingFields,
  type DiscriminantVariable,
  type Modality,
  type Ratings,
} from '#src/modules/assessments/domain/aggir.ts';
import {
  aggirGroups,
  aggirRanks,
  aggirWeights,
  scoringVariables,
} from '#src/modules/assessments/domain/aggir-tables.ts';

type Profile = Record<DiscriminantVariable, Modality>;
const levels: Modality[] = ['A', 'B', 'C'];
const profileOf = (letters: Partial<Profile>): Profile => ({
  ...(Object.fromEntries(discriminantVariables.map((v) => [v, 'A'])) as Profile),
  ...letters,
});

/** Every profile of the 10 discriminant variables (3^10). */
function* allProfiles(): Generator<Profile> {
  for (let n = 0; n < 3 ** discriminantVariables.length; n++) {
    let rest = n;
    const profile = {} as Profile;
    for (const v of discriminantVariables) {
      profile[v] = levels[rest % 3]!;
      rest = Math.floor(rest / 3);
    }
    yield profile;
  }
}

const worse = (m: Modality): Modality | null => (m === 'A' ? 'B' : m === 'B' ? 'C' : null);

describe('the AGGIR tables', () => {
  it('hold the invariants of the legal text on their own', () => {
    expect(aggirRanks.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // Groups are tested in order A→H, each one's thresholds decreasing, one catch-all row at the very end.
    expect(aggirRanks.map((r) => r.group)).toEqual([...'AAABCCDEFGHHH']);
    for (let i = 1; i < aggirRanks.length - 1; i++) {
      if (aggirRanks[i]!.group === aggirRanks[i - 1]!.group)
        expect(aggirRanks[i]!.minSum!).toBeLessThan(aggirRanks[i - 1]!.minSum!);
    }
    expect(aggirRanks.filter((r) => r.minSum === null)).toEqual([{ group: 'H', minSum: null, rank: 13, gir: 6 }]);
    // Rank → GIR: 1 → 1; 2–7 → 2; 8–9 → 3; 10–11 → 4; 12 → 5; 13 → 6.
    expect(aggirRanks.map((r) => r.gir)).toEqual([1, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 5, 6]);
    expect(Object.keys(aggirWeights)).toEqual([...aggirGroups]);
    const total = (m: 'B' | 'C') =>
      aggirGroups.reduce((s, g) => s + scoringVariables.reduce((t, v) => t + aggirWeights[g][m][v], 0), 0);
    // Sums of the 80 C cells and 80 B cells of the CSV: a cell changed by mistake changes them.
    expect([total('C'), total('B')]).toEqual([37800, 15000]);
  });
});

describe('computeGir', () => {
  it('gives GIR 6 when every variable is A and GIR 1 when every variable is C', () => {
    expect(computeGir(profileOf({}))).toEqual({ gir: 6, rank: 13, group: 'H', sum: 0 });
    const allC = profileOf(Object.fromEntries(discriminantVariables.map((v) => [v, 'C'])));
    expect(computeGir(allC)).toEqual({ gir: 1, rank: 1, group: 'A', sum: 4440 });
  });

  // Worked from the legal text by hand (no official worked example could be found); each line
  // exercises one boundary or chain of the rank table.
  it.each([
    [{ orientation: 'B', toilette: 'C', alimentation: 'B', elimination: 'C', communication: 'B' }, 3, 8, 'E', 1300],
    [{ coherence: 'C', orientation: 'C' }, 2, 4, 'B', 2700],
    [
      {
        transferts: 'C',
        deplacementInterieur: 'C',
        toilette: 'C',
        habillage: 'C',
        alimentation: 'C',
        elimination: 'C',
      },
      2,
      5,
      'C',
      1700,
    ],
    [
      {
        coherence: 'C',
        orientation: 'C',
        toilette: 'C',
        habillage: 'C',
        elimination: 'C',
        transferts: 'C',
        deplacementInterieur: 'C',
      },
      1,
      1,
      'A',
      4380,
    ],
    [
      { coherence: 'C', orientation: 'C', transferts: 'C', toilette: 'C', habillage: 'C', alimentation: 'C' },
      2,
      2,
      'A',
      4140,
    ],
    [{ toilette: 'B', habillage: 'B' }, 4, 11, 'H', 4000],
    [{ toilette: 'B' }, 5, 12, 'H', 2000],
    [{ coherence: 'C' }, 6, 13, 'H', 0],
    [{ coherence: 'B', orientation: 'B' }, 6, 13, 'H', 0],
    [{ transferts: 'C', deplacementInterieur: 'C' }, 5, 12, 'H', 2000],
  ] as [Partial<Profile>, number, number, string, number][])(
    '%o → GIR %i (rank %i)',
    (letters, gir, rank, group, sum) => {
      expect(computeGir(profileOf(letters))).toEqual({ gir, rank, group, sum });
    },
  );

  it('gives the GIR distribution of the verification over the 3^8 scoring profiles', () => {
    const counts = new Map<number, number>();
    for (const p of allProfiles()) {
      if (p.deplacementExterieur !== 'A' || p.communication !== 'A') continue;
      const { gir } = computeGir(p);
      counts.set(gir, (counts.get(gir) ?? 0) + 1);
    }
    expect(Object.fromEntries([...counts].sort())).toEqual({ 1: 8, 2: 3208, 3: 2400, 4: 760, 5: 157, 6: 28 });
  });

  it('never lets déplacement extérieur or communication à distance change the GIR (3^10 profiles)', () => {
    for (const p of allProfiles()) {
      expect(computeGir(p).gir).toBe(computeGir({ ...p, deplacementExterieur: 'A', communication: 'A' }).gir);
    }
  });

  /*
   * Monotonicity is NOT guaranteed by the legal tables for every variable: in group H transferts C
   * weighs 1000 against 2000 for B, and in group B déplacement intérieur has negative weights. So a
   * worse rating of those two can raise the GIR (transferts B alone: GIR 5; transferts C alone: GIR 6).
   * What the tables do guarantee, checked over every profile: a worse rating of any of the other six
   * scoring variables never raises the GIR, and the exceptions are confined to those two variables.
   */
  it('never gives a higher GIR when cohérence, orientation, toilette, habillage, alimentation or élimination gets worse', () => {
    const exceptions = new Map<string, number>();
    for (const p of allProfiles()) {
      if (p.deplacementExterieur !== 'A' || p.communication !== 'A') continue;
      const base = computeGir(p).gir;
      for (const v of scoringVariables) {
        const next = worse(p[v]);
        if (!next) continue;
        if (computeGir({ ...p, [v]: next }).gir > base) exceptions.set(v, (exceptions.get(v) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(exceptions)).toEqual({ transferts: 16, deplacementInterieur: 14 });
    expect(computeGir(profileOf({ transferts: 'B' })).gir).toBe(5);
    expect(computeGir(profileOf({ transferts: 'C' })).gir).toBe(6);
  });

  it('gives GIR 1 only from rank 1 and maps each rank to its GIR (3^10 profiles)', () => {
    const girOfRank = new Map(aggirRanks.map((r) => [r.rank, r.gir]));
    for (const p of allProfiles()) {
      const r = computeGir(p);
      expect(r.gir).toBe(girOfRank.get(r.rank));
    }
  });
});

describe('the sub-variables', () => {
  const pairs = levels.flatMap((a) => levels.map((b) => [a, b] as const));
  const combine = (v: keyof typeof compositeVariables, parts: Modality[]) => compositeVariables[v].combine(parts);

  it('combine toilette and habillage as "all A = A, all C = C, otherwise B"', () => {
    expect(pairs.map((p) => combine('toilette', [...p]))).toEqual(['A', 'B', 'B', 'B', 'B', 'B', 'B', 'B', 'C']);
    expect(combine('habillage', ['A', 'A', 'A'])).toBe('A');
    expect(combine('habillage', ['C', 'C', 'C'])).toBe('C');
    expect(combine('habillage', ['C', 'C', 'B'])).toBe('B');
    expect(combine('habillage', ['A', 'C', 'A'])).toBe('B');
  });

  it('combine alimentation as CC, BC, CB = C; AA = A; otherwise B', () => {
    // pairs order: AA AB AC BA BB BC CA CB CC
    expect(pairs.map((p) => combine('alimentation', [...p]))).toEqual(['A', 'B', 'B', 'B', 'B', 'C', 'B', 'C', 'C']);
  });

  it('combine élimination as any C = C; AA = A; otherwise B', () => {
    expect(pairs.map((p) => combine('elimination', [...p]))).toEqual(['A', 'B', 'C', 'B', 'B', 'C', 'C', 'C', 'C']);
  });

  it('rate cohérence and orientation directly, as their combination rule could not be verified', () => {
    expect(ratingFields).toContain('coherence');
    expect(ratingFields).toContain('orientation');
    expect(Object.keys(compositeVariables)).not.toContain('coherence');
    expect(Object.keys(compositeVariables)).not.toContain('orientation');
  });
});

describe('girOfRatings', () => {
  const complete = Object.fromEntries(ratingFields.map((f) => [f, 'A'])) as Ratings;

  it('asks the evaluator 22 answers: 6 variables rated directly, 9 parts of 4 variables and 7 illustrative', () => {
    expect(ratingFields).toHaveLength(22);
    expect(ratingFields.slice(-7)).toEqual([...illustrativeVariables]);
  });

  it('waits for every discriminant answer and ignores the illustrative ones', () => {
    const { toiletteBas: _, ...missing } = complete;
    expect(girOfRatings(missing)).toBeNull();
    expect(discriminantProfile(missing).toilette).toBeUndefined();
    expect(girOfRatings(complete)?.gir).toBe(6);
    const illustrativeC = Object.fromEntries(illustrativeVariables.map((v) => [v, 'C']));
    expect(girOfRatings({ ...complete, ...illustrativeC })?.gir).toBe(6);
  });

  it('treats blank answers of a form as not given yet', () => {
    const blank = Object.fromEntries(ratingFields.map((f) => [f, '']));
    expect(discriminantProfile(blank)).toEqual({});
    expect(discriminantProfile({ ...blank, toiletteHaut: 'A' })).toEqual({});
    expect(girOfRatings({ ...complete, eliminationFecale: '' })).toBeNull();
  });

  it('feeds the combined letters to the algorithm', () => {
    // Toilette haut B + bas A → toilette B; alone that is group H sum 2000 → GIR 5.
    expect(discriminantProfile({ ...complete, toiletteHaut: 'B' }).toilette).toBe('B');
    expect(girOfRatings({ ...complete, toiletteHaut: 'B' })?.gir).toBe(5);
    const everythingC = Object.fromEntries(ratingFields.map((f) => [f, 'C'])) as Ratings;
    expect(girOfRatings(everythingC)?.gir).toBe(1);
  });
});
