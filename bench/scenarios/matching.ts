import { ceilingsInForce, rankUnits, type EligibilityRules } from '#src/modules/applications/index.ts';
import {
  hardVerdict,
  prepareProfile,
  type MatchProfile,
  type MatchUnit,
  type PointOfInterest,
} from '#src/modules/applications/domain/matching.ts';
import { wishableServices } from '#src/modules/applications/domain/vocabulary.ts';
import { createRng, hashSeed, type Rng } from '#tests/fixtures/synthetic/prng.ts';
import { percentile } from '../lib/load.ts';

/** The architecture's budgets: all units ranked for one application, and a batch of applications. */
const RANK_BUDGET_MS = 50;
const BATCH_BUDGET_MS = 10_000;
const UNITS = 2_000;
const APPLICATIONS = Number(process.env.BENCH_MATCHING_APPLICATIONS ?? 10_000);
const POINTS = 60;

const around = (rng: Rng) => ({ lat: 50.6 + rng.next() * 0.08, lon: 2.93 + rng.next() * 0.15 });
const option = <T>(rng: Rng, value: T, missing = 0.1): T | null => (rng.chance(missing) ? null : value);

function syntheticUnit(rng: Rng, i: number): MatchUnit {
  const floor = rng.int(0, 6);
  return {
    id: `u${String(i).padStart(5, '0')}`,
    communeInsee: rng.pick(['59350', '59328', '59527', '59566']),
    historicCommuneInsee: rng.chance(0.4) ? '59355' : null,
    coordinates: around(rng),
    floor,
    entranceSteps: option(rng, rng.int(0, 6)),
    liftToLanding: option(rng, rng.chance(0.6)),
    doorClearWidthCm: option(rng, rng.int(70, 93)),
    shower: option(rng, rng.pick(['bathtub', 'high_tray', 'extra_flat', 'walk_in'] as const)),
    bedrooms: rng.int(0, 3),
    typology: rng.pick(['T1', 'T2', 'T3', 'T4']),
    rentEur: option(rng, rng.int(280, 700)),
    chargesEur: option(rng, rng.int(40, 160)),
    outdoorSpace: option(rng, rng.chance(0.5)),
    services: rng.chance(0.3) ? [rng.pick(wishableServices), rng.pick(wishableServices)] : [],
    financing: rng.pick(['PLAI', 'PLUS', 'PLUS', 'PLS', 'PLI']),
    programmeKind: rng.pick(['ordinary', 'ordinary', 'ordinary', 'asv_units', 'residence_autonomie']),
    admissionGir: rng.chance(0.5) ? { min: 4, max: 6 } : null,
    dpeClass: option(rng, rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G'])),
    committedWorks: rng.chance(0.1) ? ['step_free_shower'] : [],
  };
}

function syntheticProfile(rng: Rng): MatchProfile {
  return {
    maxStepsClimbable: option(rng, rng.int(0, 20)),
    walkingAid: option(rng, rng.pick(['none', 'cane', 'walker', 'manual_wheelchair'] as const)),
    needsStepFreeShower: option(rng, rng.chance(0.6)),
    needsLift: option(rng, rng.chance(0.5)),
    secondBedroomRequired: rng.chance(0.2),
    wishedTypologies: rng.chance(0.5) ? ['T2', 'T3'] : [],
    maxBudgetEur: option(rng, rng.int(400, 700)),
    wishedCommunes: ['59355', '59350'],
    communesStrict: rng.chance(0.4),
    currentCommunes: ['59350', '59355'],
    familyCoordinates: rng.chance(0.4) ? around(rng) : null,
    floorPreference: rng.chance(0.5) ? 'ground' : null,
    householdSize: option(rng, rng.int(1, 2)),
    referenceIncomeEur: option(rng, rng.int(9_000, 30_000)),
    referenceIncomeYear: 2024,
    gir: option(rng, rng.int(2, 6), 0.5),
    wishedServices: rng.chance(0.5) ? ['common_room', 'telecare'] : [],
    weights: {
      near_doctor: rng.int(0, 5),
      near_pharmacy: rng.int(0, 5),
      near_shops: rng.int(0, 5),
      near_transit: rng.int(0, 5),
      near_family: rng.int(0, 5),
      same_neighbourhood: rng.int(0, 5),
      second_bedroom: rng.int(0, 5),
      floor: rng.int(0, 5),
      outdoor_space: rng.int(0, 5),
      services: rng.int(0, 5),
      cost_margin: rng.int(0, 5),
      energy_class: rng.int(0, 5),
    },
  };
}

/** Fictional ceilings (not the arrêté's): only the ranking's cost is measured here. */
const rules: EligibilityRules = {
  ceilings: ceilingsInForce(
    (['PLAI', 'PLUS', 'PLS'] as const).flatMap((financing, f) =>
      [1, 2, 3].map((householdSize) => ({
        financing,
        householdSize,
        validFrom: '2026-01-01',
        ceilingEur: (13_000 + f * 9_000) * (1 + (householdSize - 1) * 0.4),
      })),
    ),
    '2026-11-29',
  ),
  residenceGir: { min: 5, max: 6 },
  asvMaxGir: 4,
};

const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
/** CPU time of this process (ms): on a machine shared with other work, the wall time alone overstates the cost. */
const cpuMs = (run: () => void) => {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};

/**
 * The explainable matching on synthetic data, in this process (pure code, no database):
 * - all 2,000 units ranked for one application (every constraint, every criterion with its walking time to the
 *   nearest of 60 points of interest), p95 over 200 applications; reference: a bare sort of the same units by
 *   cost for the same applications, the least any ranking does;
 * - a batch of 10,000 applications, each checked against the hard constraints of every unit (the reverse view
 *   of the supply, counting the compatible units of each application).
 */
export function measureMatching(seed = 1): string {
  const rng = createRng(hashSeed('bench', 'matching', seed));
  const units = Array.from({ length: UNITS }, (_, i) => syntheticUnit(rng, i));
  const points: PointOfInterest[] = Array.from({ length: POINTS }, (_, i) => ({
    kind: (['doctor', 'pharmacy', 'food_shop', 'transit_stop'] as const)[i % 4]!,
    name: `Lieu ${i}`,
    coordinates: around(rng),
    accessible: rng.chance(0.6),
  }));
  const profiles = Array.from({ length: APPLICATIONS }, () => syntheticProfile(rng));

  const runs = 200;
  for (let i = 0; i < 20; i += 1) rankUnits(profiles[i]!, units, points, rules); // warm-up (JIT)
  const rank = new Float64Array(runs);
  const reference = new Float64Array(runs);
  for (let i = 0; i < runs; i += 1) {
    const profile = profiles[i]!;
    rank[i] = time(() => rankUnits(profile, units, points, rules));
    reference[i] = time(() =>
      units
        .map((u) => ({ id: u.id, cost: (u.rentEur ?? 0) + (u.chargesEur ?? 0) - (profile.maxBudgetEur ?? 0) }))
        .sort((a, b) => a.cost - b.cost),
    );
  }
  rank.sort();
  reference.sort();

  let compatible = 0;
  let batchCpuMs = 0;
  const batchMs = time(() => {
    batchCpuMs = cpuMs(() => {
      for (const profile of profiles) {
        const prepared = prepareProfile(profile, rules);
        for (const unit of units) if (hardVerdict(prepared, unit) === 'compatible') compatible++;
      }
    });
  });

  const p = (values: Float64Array, q: number) => percentile(values, q).toFixed(1);
  const p95 = percentile(rank, 95);
  const checks = APPLICATIONS * UNITS;
  return [
    '',
    `Mise en relation (${UNITS.toLocaleString('fr-FR')} logements, ${POINTS} lieux utiles, données synthétiques) :`,
    `  référence (tri par coût)  : p50 ${p(reference, 50)} ms, p95 ${p(reference, 95)} ms`,
    `  classement d'une demande  : p50 ${p(rank, 50)} ms, p95 ${p95.toFixed(1)} ms (×${(p95 / Math.max(percentile(reference, 95), 0.01)).toFixed(1)}) sur ${runs} demandes`,
    `  ${p95 < RANK_BUDGET_MS ? 'PASS' : 'FAIL'}  p95 ${p95.toFixed(1)} ms < ${RANK_BUDGET_MS} ms`,
    `  lot de ${APPLICATIONS.toLocaleString('fr-FR')} demandes × ${UNITS.toLocaleString('fr-FR')} logements (contraintes) : ${(batchMs / 1000).toFixed(2)} s (CPU ${(batchCpuMs / 1000).toFixed(2)} s), ${((batchMs * 1e6) / checks).toFixed(0)} ns par paire, ${compatible.toLocaleString('fr-FR')} paires compatibles`,
    `  ${batchMs < BATCH_BUDGET_MS ? 'PASS' : 'FAIL'}  lot ${(batchMs / 1000).toFixed(2)} s < ${BATCH_BUDGET_MS / 1000} s`,
  ].join('\n');
}

// Run alone: `npx tsx bench/scenarios/matching.ts`.
if (import.meta.url === `file://${process.argv[1]}`) console.log(measureMatching());
