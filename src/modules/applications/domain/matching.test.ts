import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHardConstraints,
  compareMatches,
  committedWorkKinds,
  hardVerdict,
  hasCapacities,
  indexPoints,
  matchUnit,
  prepareProfile,
  rankUnits,
  scorePreferences,
  STEPS_PER_STOREY,
  verdictOf,
  walkScore,
  type ConstraintCheck,
  type ConstraintKey,
  type MatchProfile,
  type MatchUnit,
  type PointOfInterest,
} from '#src/modules/applications/domain/matching.ts';
import {
  ceilingsInForce,
  noEligibilityRules,
  type EligibilityRules,
  type IncomeCeiling,
} from '#src/modules/applications/domain/eligibility.ts';
import { explainConstraint } from '#src/modules/applications/domain/explain.ts';
import { wishableServices } from '#src/modules/applications/domain/vocabulary.ts';
import { programmeServices } from '#src/modules/housing/index.ts';

const unit = (over: Partial<MatchUnit> = {}): MatchUnit => ({
  id: 'u1',
  communeInsee: '59350',
  historicCommuneInsee: '59355',
  coordinates: { lat: 50.6431, lon: 2.9869 },
  floor: 0,
  entranceSteps: 0,
  liftToLanding: null,
  doorClearWidthCm: 83,
  shower: 'walk_in',
  bedrooms: 2,
  typology: 'T3',
  rentEur: 400,
  chargesEur: 100,
  outdoorSpace: true,
  services: ['common_room'],
  financing: 'PLUS',
  programmeKind: 'ordinary',
  admissionGir: null,
  dpeClass: 'C',
  committedWorks: [],
  ...over,
});

const profile = (over: Partial<MatchProfile> = {}): MatchProfile => ({
  maxStepsClimbable: 3,
  walkingAid: 'cane',
  needsStepFreeShower: true,
  needsLift: true,
  secondBedroomRequired: false,
  wishedTypologies: [],
  maxBudgetEur: null,
  wishedCommunes: [],
  communesStrict: false,
  currentCommunes: [],
  familyCoordinates: null,
  floorPreference: null,
  householdSize: 1,
  referenceIncomeEur: 15_000,
  referenceIncomeYear: 2024,
  gir: null,
  wishedServices: ['common_room'],
  weights: {},
  ...over,
});

/** Fictional test ceilings (not the arrêté's): PLUS for one and two persons, PLAI for one. */
const testCeilings: IncomeCeiling[] = [
  { financing: 'PLUS', householdSize: 1, validFrom: '2025-01-01', ceilingEur: 20_000 },
  { financing: 'PLUS', householdSize: 1, validFrom: '2026-01-01', ceilingEur: 21_000 },
  { financing: 'PLUS', householdSize: 1, validFrom: '2027-01-01', ceilingEur: 99_000 },
  { financing: 'PLUS', householdSize: 2, validFrom: '2026-01-01', ceilingEur: 28_000 },
  { financing: 'PLAI', householdSize: 1, validFrom: '2026-01-01', ceilingEur: 12_000 },
];
const rules: EligibilityRules = {
  ceilings: ceilingsInForce(testCeilings, '2026-11-29'),
  residenceGir: { min: 5, max: 6 },
  asvMaxGir: 4,
};

const check = (
  p: MatchProfile,
  u: MatchUnit,
  key: ConstraintKey,
  r: EligibilityRules = rules,
): ConstraintCheck | undefined => checkHardConstraints(p, u, r).find((c) => c.key === key);
const outcome = (p: MatchProfile, u: MatchUnit, key: ConstraintKey) => check(p, u, key)?.outcome;

describe('hard constraints', () => {
  it('counts entrance steps, and a storey of stairs per floor when no lift serves the landing', () => {
    expect(check(profile(), unit({ entranceSteps: 2 }), 'steps')).toMatchObject({ outcome: 'pass', actual: 2 });
    expect(check(profile(), unit({ entranceSteps: 4 }), 'steps')).toMatchObject({
      outcome: 'fail',
      actual: 4,
      limit: 3,
    });
    expect(check(profile(), unit({ floor: 2, liftToLanding: false }), 'steps')).toMatchObject({
      outcome: 'fail',
      actual: 2 * STEPS_PER_STOREY,
    });
    expect(outcome(profile(), unit({ floor: 3, liftToLanding: true, entranceSteps: 1 }), 'steps')).toBe('pass');
  });

  it('leaves steps to check when a measurement or the capacity is missing', () => {
    expect(check(profile(), unit({ entranceSteps: null }), 'steps')).toMatchObject({
      outcome: 'unknown',
      missing: 'unit',
    });
    expect(check(profile(), unit({ floor: 2, liftToLanding: null }), 'steps')).toMatchObject({
      outcome: 'unknown',
      missing: 'unit',
    });
    expect(check(profile({ maxStepsClimbable: null }), unit(), 'steps')).toMatchObject({
      outcome: 'unknown',
      missing: 'profile',
    });
  });

  it('a committed ramp lifts entrance steps but never stairs', () => {
    const ramp = { committedWorks: ['entrance_ramp'] as const };
    expect(outcome(profile(), unit({ entranceSteps: 6, ...ramp }), 'steps')).toBe('after_works');
    expect(outcome(profile(), unit({ entranceSteps: 6, floor: 1, liftToLanding: false, ...ramp }), 'steps')).toBe(
      'fail',
    );
  });

  it('needs a lift to the landing above the ground floor', () => {
    expect(outcome(profile(), unit({ floor: 0 }), 'lift')).toBe('pass');
    expect(outcome(profile(), unit({ floor: 3, liftToLanding: true }), 'lift')).toBe('pass');
    expect(outcome(profile(), unit({ floor: 3, liftToLanding: false }), 'lift')).toBe('fail');
    expect(outcome(profile(), unit({ floor: 3, liftToLanding: null }), 'lift')).toBe('unknown');
    expect(outcome(profile(), unit({ floor: null }), 'lift')).toBe('unknown');
    expect(outcome(profile({ needsLift: false }), unit({ floor: 3, liftToLanding: false }), 'lift')).toBeUndefined();
    expect(check(profile({ needsLift: null }), unit(), 'lift')).toMatchObject({
      outcome: 'unknown',
      missing: 'profile',
    });
  });

  it('a wheelchair needs a step-free path and 77 cm doors', () => {
    const chair = profile({ walkingAid: 'manual_wheelchair', maxStepsClimbable: 0 });
    expect(outcome(chair, unit(), 'wheelchair_path')).toBe('pass');
    expect(outcome(chair, unit(), 'wheelchair_doors')).toBe('pass');
    expect(outcome(chair, unit({ entranceSteps: 1 }), 'wheelchair_path')).toBe('fail');
    expect(outcome(chair, unit({ entranceSteps: 1, committedWorks: ['entrance_ramp'] }), 'wheelchair_path')).toBe(
      'after_works',
    );
    expect(outcome(chair, unit({ doorClearWidthCm: 72 }), 'wheelchair_doors')).toBe('fail');
    expect(outcome(chair, unit({ doorClearWidthCm: 72, committedWorks: ['widen_doors'] }), 'wheelchair_doors')).toBe(
      'after_works',
    );
    expect(outcome(chair, unit({ doorClearWidthCm: null }), 'wheelchair_doors')).toBe('unknown');
    expect(outcome(chair, unit({ entranceSteps: null }), 'wheelchair_path')).toBe('unknown');
    expect(
      outcome(profile({ walkingAid: 'cane' }), unit({ doorClearWidthCm: 60 }), 'wheelchair_doors'),
    ).toBeUndefined();
    expect(check(profile({ walkingAid: null }), unit(), 'wheelchair_path')).toMatchObject({
      outcome: 'unknown',
      missing: 'profile',
    });
  });

  it('a step-free shower need: plain-pied or extra-flat passes, a bathtub fails unless works are committed', () => {
    expect(outcome(profile(), unit({ shower: 'extra_flat' }), 'shower')).toBe('pass');
    expect(outcome(profile(), unit({ shower: 'bathtub' }), 'shower')).toBe('fail');
    expect(outcome(profile(), unit({ shower: 'high_tray' }), 'shower')).toBe('fail');
    expect(outcome(profile(), unit({ shower: 'bathtub', committedWorks: ['step_free_shower'] }), 'shower')).toBe(
      'after_works',
    );
    expect(outcome(profile(), unit({ shower: null }), 'shower')).toBe('unknown');
    expect(outcome(profile({ needsStepFreeShower: false }), unit({ shower: 'bathtub' }), 'shower')).toBeUndefined();
    expect(outcome(profile({ needsStepFreeShower: null }), unit(), 'shower')).toBe('unknown');
  });

  it('checks the second bedroom, typology, budget and communes only when the person asked', () => {
    expect(outcome(profile(), unit({ bedrooms: 1 }), 'bedrooms')).toBeUndefined();
    const wishes = profile({
      secondBedroomRequired: true,
      wishedTypologies: ['T2', 'T3'],
      maxBudgetEur: 520,
      wishedCommunes: ['59355'],
      communesStrict: true,
    });
    for (const key of ['bedrooms', 'typology', 'budget', 'commune'] as const)
      expect(outcome(wishes, unit(), key)).toBe('pass');
    expect(outcome(wishes, unit({ bedrooms: 1 }), 'bedrooms')).toBe('fail');
    expect(outcome(wishes, unit({ bedrooms: null }), 'bedrooms')).toBe('unknown');
    expect(outcome(wishes, unit({ typology: 'T4' }), 'typology')).toBe('fail');
    expect(outcome(wishes, unit({ typology: null }), 'typology')).toBe('unknown');
    expect(check(wishes, unit({ rentEur: 450 }), 'budget')).toMatchObject({ outcome: 'fail', actual: 550, limit: 520 });
    expect(outcome(wishes, unit({ chargesEur: null }), 'budget')).toBe('unknown');
    // Lomme is a commune associée of Lille: a Lille unit outside Lomme is not in a Lomme-only wish.
    expect(outcome(wishes, unit({ historicCommuneInsee: null }), 'commune')).toBe('fail');
    expect(outcome(profile({ wishedCommunes: ['59350'], communesStrict: true }), unit(), 'commune')).toBe('pass');
    expect(outcome(wishes, unit({ communeInsee: null, historicCommuneInsee: null }), 'commune')).toBe('unknown');
    expect(outcome(profile({ wishedCommunes: ['59128'] }), unit(), 'commune')).toBeUndefined();
  });
});

describe('verdict', () => {
  const c = (outcome: ConstraintCheck['outcome']): ConstraintCheck => ({ key: 'steps', outcome });
  it('a failure wins, then what is left to check, then works', () => {
    expect(verdictOf([c('pass'), c('after_works'), c('unknown'), c('fail')])).toBe('incompatible');
    expect(verdictOf([c('pass'), c('after_works'), c('unknown')])).toBe('to_check');
    expect(verdictOf([c('pass'), c('after_works')])).toBe('after_works');
    expect(verdictOf([c('pass')])).toBe('compatible');
    expect(verdictOf([])).toBe('compatible');
  });
  it('writes every applicable check out, with its figures and nothing else', () => {
    const chair = profile({
      walkingAid: 'electric_wheelchair',
      maxStepsClimbable: 0,
      secondBedroomRequired: true,
      wishedTypologies: ['T2', 'T3'],
      maxBudgetEur: 480,
      wishedCommunes: ['59355'],
      communesStrict: true,
      gir: 3,
    });
    const home = unit({
      floor: 2,
      liftToLanding: true,
      entranceSteps: 2,
      doorClearWidthCm: 74,
      shower: 'bathtub',
      programmeKind: 'asv_units',
      committedWorks: ['entrance_ramp', 'widen_doors'],
    });
    expect(checkHardConstraints(chair, home, rules)).toStrictEqual([
      { key: 'steps', outcome: 'after_works', actual: 2, limit: 0 },
      { key: 'lift', outcome: 'pass', actual: 2 },
      { key: 'wheelchair_path', outcome: 'after_works', actual: 2, limit: 0 },
      { key: 'wheelchair_doors', outcome: 'after_works', actual: 74, limit: 77 },
      { key: 'shower', outcome: 'fail', actual: 'bathtub' },
      { key: 'bedrooms', outcome: 'pass', actual: 2, limit: 2 },
      { key: 'typology', outcome: 'pass', actual: 'T3', limit: 'T2, T3' },
      { key: 'budget', outcome: 'fail', actual: 500, limit: 480 },
      { key: 'commune', outcome: 'pass', actual: '59355' },
      {
        key: 'income_ceiling',
        outcome: 'pass',
        actual: 15_000,
        limit: 21_000,
        detail: { financing: 'PLUS', since: '2026-01-01', year: 2024 },
      },
      { key: 'admission', outcome: 'pass', actual: 3, limit: '1–4', detail: { path: 'asv_units' } },
    ]);
    const unknowns = checkHardConstraints(
      profile({ maxStepsClimbable: null, needsLift: null, walkingAid: null, needsStepFreeShower: null, gir: null }),
      unit({ programmeKind: 'residence_autonomie', shower: null, committedWorks: ['step_free_shower'] }),
      rules,
    );
    expect(unknowns).toStrictEqual([
      { key: 'steps', outcome: 'unknown', missing: 'profile' },
      { key: 'lift', outcome: 'unknown', missing: 'profile' },
      { key: 'wheelchair_path', outcome: 'unknown', missing: 'profile' },
      { key: 'shower', outcome: 'unknown', missing: 'profile' },
      {
        key: 'income_ceiling',
        outcome: 'pass',
        actual: 15_000,
        limit: 21_000,
        detail: { financing: 'PLUS', since: '2026-01-01', year: 2024 },
      },
      {
        key: 'admission',
        outcome: 'unknown',
        missing: 'profile',
        limit: '5–6',
        detail: { path: 'residence_autonomie', rangeSource: 'workspace' },
      },
    ]);
    expect(
      checkHardConstraints(
        profile(),
        unit({ floor: 3, liftToLanding: null, shower: null, committedWorks: ['step_free_shower'] }),
        rules,
      ),
    ).toStrictEqual([
      { key: 'steps', outcome: 'unknown', missing: 'unit', limit: 3 },
      { key: 'lift', outcome: 'unknown', missing: 'unit', actual: 3 },
      { key: 'shower', outcome: 'after_works', actual: null },
      {
        key: 'income_ceiling',
        outcome: 'pass',
        actual: 15_000,
        limit: 21_000,
        detail: { financing: 'PLUS', since: '2026-01-01', year: 2024 },
      },
    ]);
  });

  it('an application is qualified once its four capacities are filled in', () => {
    expect(hasCapacities(profile())).toBe(true);
    expect(hasCapacities(profile({ needsLift: null }))).toBe(false);
  });
});

describe('resource ceiling of the financing', () => {
  it('applies, for each financing and size, the latest value dated on or before the day', () => {
    expect(rules.ceilings.get('PLUS:1')).toMatchObject({ ceilingEur: 21_000, validFrom: '2026-01-01' });
    expect(ceilingsInForce(testCeilings, '2025-06-30').get('PLUS:1')?.ceilingEur).toBe(20_000);
    expect(ceilingsInForce(testCeilings, '2024-12-31').size).toBe(0);
  });

  it('passes under the ceiling, fails above it (named, with the figures)', () => {
    expect(check(profile(), unit(), 'income_ceiling')).toMatchObject({
      outcome: 'pass',
      actual: 15_000,
      limit: 21_000,
      detail: { financing: 'PLUS', since: '2026-01-01', year: 2024 },
    });
    expect(check(profile({ referenceIncomeEur: 21_000 }), unit(), 'income_ceiling')?.outcome).toBe('pass');
    const fail = check(profile({ referenceIncomeEur: 21_001 }), unit(), 'income_ceiling')!;
    expect(fail.outcome).toBe('fail');
    expect(verdictOf(checkHardConstraints(profile({ referenceIncomeEur: 21_001 }), unit(), rules))).toBe(
      'incompatible',
    );
    expect(check(profile(), unit({ financing: 'PLAI' }), 'income_ceiling')?.outcome).toBe('fail');
    expect(check(profile({ householdSize: 2, referenceIncomeEur: 25_000 }), unit(), 'income_ceiling')?.outcome).toBe(
      'pass',
    );
    expect(explainConstraint(fail, { showGir: false })).toMatch(/plafond PLUS : 21\s000 €.*01\/01\/2026/);
  });

  it('is "à vérifier", never a pass nor a failure, for each missing datum', () => {
    const missing = (p: Partial<MatchProfile>, u: Partial<MatchUnit> = {}, r: EligibilityRules = rules) =>
      check(profile(p), unit(u), 'income_ceiling', r);
    expect(missing({ referenceIncomeEur: null })).toMatchObject({ outcome: 'unknown', missing: 'profile' });
    expect(missing({ householdSize: null })).toMatchObject({ outcome: 'unknown', missing: 'profile' });
    expect(missing({}, {}, noEligibilityRules)).toMatchObject({ outcome: 'unknown', missing: 'settings' });
    // No PLS ceiling set; a household larger than the categories kept.
    expect(missing({}, { financing: 'PLS' })).toMatchObject({ outcome: 'unknown', missing: 'settings' });
    expect(missing({ householdSize: 7 })).toMatchObject({ outcome: 'unknown', missing: 'settings' });
    expect(missing({}, { financing: null })).toMatchObject({ outcome: 'unknown', missing: 'unit' });
    expect(verdictOf(checkHardConstraints(profile({ referenceIncomeEur: null }), unit(), rules))).toBe('to_check');
  });

  it('does not apply to financings without a checked ceiling (PLI, other)', () => {
    expect(check(profile(), unit({ financing: 'PLI' }), 'income_ceiling')).toBeUndefined();
  });
});

describe('programme admission path', () => {
  const residence = unit({ programmeKind: 'residence_autonomie' });
  const asv = unit({ programmeKind: 'asv_units' });

  it('a résidence autonomie admits the GIR within its own range, else the workspace default', () => {
    expect(check(profile({ gir: 5 }), residence, 'admission')).toMatchObject({
      outcome: 'pass',
      actual: 5,
      limit: '5–6',
      detail: { path: 'residence_autonomie', rangeSource: 'workspace' },
    });
    expect(check(profile({ gir: 4 }), residence, 'admission')?.outcome).toBe('fail');
    const own = unit({ programmeKind: 'residence_autonomie', admissionGir: { min: 4, max: 6 } });
    expect(check(profile({ gir: 4 }), own, 'admission')).toMatchObject({
      outcome: 'pass',
      detail: { rangeSource: 'residence' },
    });
  });

  it('an ASV programme asks for a loss of autonomy (GIR up to the workspace limit)', () => {
    expect(check(profile({ gir: 4 }), asv, 'admission')?.outcome).toBe('pass');
    expect(check(profile({ gir: 6 }), asv, 'admission')?.outcome).toBe('fail');
  });

  it('is "à vérifier" when the GIR is unknown or no range is set', () => {
    expect(check(profile({ gir: null }), residence, 'admission')).toMatchObject({
      outcome: 'unknown',
      missing: 'profile',
    });
    expect(check(profile({ gir: 5 }), residence, 'admission', noEligibilityRules)).toMatchObject({
      outcome: 'unknown',
      missing: 'settings',
    });
    expect(check(profile({ gir: 2 }), asv, 'admission', noEligibilityRules)?.outcome).toBe('unknown');
  });

  it('does not apply to other programmes', () => {
    expect(check(profile({ gir: 1 }), unit(), 'admission')).toBeUndefined();
  });

  it('writes the GIR out only for readers of special-category data', () => {
    const fail = check(profile({ gir: 3 }), residence, 'admission')!;
    expect(explainConstraint(fail, { showGir: true })).toContain('GIR 3');
    const hidden = explainConstraint(fail, { showGir: false });
    expect(hidden).not.toContain('GIR 3');
    expect(hidden).toContain('hors de');
    expect(explainConstraint(check(profile({ gir: 2 }), asv, 'admission')!, { showGir: false })).not.toContain('GIR 2');
  });
});

const doctorNear: PointOfInterest = {
  kind: 'doctor',
  name: 'Cabinet médical',
  coordinates: { lat: 50.6431, lon: 2.991 },
  accessible: true,
};
const inaccessibleStop: PointOfInterest = {
  kind: 'transit_stop',
  name: 'Arrêt sans rampe',
  coordinates: { lat: 50.6432, lon: 2.987 },
  accessible: false,
};
const accessibleStop: PointOfInterest = {
  kind: 'transit_stop',
  name: 'Arrêt accessible',
  coordinates: { lat: 50.6431, lon: 2.999 },
  accessible: true,
};

describe('weighted preferences', () => {
  it('walking time decays linearly between the good and the bad thresholds', () => {
    expect(walkScore(5, 10, 30)).toBe(1);
    expect(walkScore(20, 10, 30)).toBe(0.5);
    expect(walkScore(30, 10, 30)).toBe(0);
  });

  it('scores over the criteria with data, reports the coverage and each contribution', () => {
    const p = profile({ weights: { near_doctor: 4, second_bedroom: 2, outdoor_space: 2, near_pharmacy: 2 } });
    const result = scorePreferences(p, unit({ bedrooms: 1 }), indexPoints([doctorNear]));
    // The pharmacy has no point of interest: out of the score, counted in the coverage.
    expect(result.coverage).toBeCloseTo(8 / 10);
    const byKey = Object.fromEntries(result.contributions.map((c) => [c.key, c]));
    expect(byKey.near_pharmacy).toMatchObject({ subScore: null, points: null });
    expect(byKey.near_doctor).toMatchObject({ subScore: 1, placeName: 'Cabinet médical' });
    expect(byKey.near_doctor!.minutes).toBeGreaterThanOrEqual(1);
    expect(byKey.near_doctor!.points).toBeCloseTo(50);
    expect(byKey.second_bedroom!.points).toBe(0);
    expect(byKey.outdoor_space!.points).toBeCloseTo(25);
    expect(result.score).toBe(75);
  });

  it('gives no score when nothing weighted has data, and no coverage when nothing is weighted', () => {
    expect(scorePreferences(profile(), unit(), indexPoints([]))).toEqual({
      score: null,
      coverage: null,
      contributions: [],
    });
    const onlyMissing = scorePreferences(profile({ weights: { near_family: 3 } }), unit(), indexPoints([]));
    expect(onlyMissing).toMatchObject({ score: null, coverage: 0 });
  });

  it('a walker or wheelchair user counts accessible stops only', () => {
    const pois = indexPoints([inaccessibleStop, accessibleStop]);
    const cane = scorePreferences(profile({ weights: { near_transit: 3 } }), unit(), pois).contributions[0]!;
    const walker = scorePreferences(profile({ walkingAid: 'walker', weights: { near_transit: 3 } }), unit(), pois)
      .contributions[0]!;
    expect(cane.placeName).toBe('Arrêt sans rampe');
    expect(walker.placeName).toBe('Arrêt accessible');
    expect(walker.minutes!).toBeGreaterThan(cane.minutes!);
  });

  it('floor, cost margin, energy class, services and neighbourhood', () => {
    const s = (p: Partial<MatchProfile>, u: Partial<MatchUnit>) =>
      scorePreferences(profile(p), unit(u), indexPoints([])).contributions[0]!.subScore;
    expect(s({ floorPreference: 'ground', weights: { floor: 1 } }, { floor: 0 })).toBe(1);
    expect(s({ floorPreference: 'ground', weights: { floor: 1 } }, { floor: 2, liftToLanding: true })).toBe(0.5);
    expect(s({ floorPreference: 'upper', weights: { floor: 1 } }, { floor: 0 })).toBe(0);
    expect(s({ weights: { floor: 1 } }, {})).toBeNull();
    expect(s({ maxBudgetEur: 1000, weights: { cost_margin: 1 } }, { rentEur: 700, chargesEur: 100 })).toBe(1);
    expect(s({ maxBudgetEur: 1000, weights: { cost_margin: 1 } }, { rentEur: 850, chargesEur: 100 })).toBeCloseTo(0.25);
    expect(s({ weights: { cost_margin: 1 } }, {})).toBeNull();
    expect(s({ weights: { energy_class: 1 } }, { dpeClass: 'G' })).toBe(0);
    expect(s({ weights: { energy_class: 1 } }, { dpeClass: null })).toBeNull();
    expect(s({ weights: { services: 1 } }, { services: [] })).toBe(0);
    expect(s({ wishedServices: ['common_room', 'host'], weights: { services: 1 } }, { services: ['host'] })).toBe(0.5);
    expect(s({ wishedServices: [], weights: { services: 1 } }, { services: ['host'] })).toBeNull();
    expect(s({ weights: { services: 1 } }, { services: null })).toBeNull();
    expect(s({ currentCommunes: ['59350', '59355'], weights: { same_neighbourhood: 1 } }, {})).toBe(1);
    expect(s({ currentCommunes: ['59350'], weights: { same_neighbourhood: 1 } }, {})).toBe(0);
    expect(s({ familyCoordinates: { lat: 50.6431, lon: 2.9869 }, weights: { near_family: 1 } }, {})).toBe(1);
  });
});

it('offers every programme service of the housing vocabulary as a wish', () => {
  expect([...wishableServices].sort()).toEqual([...programmeServices].sort());
});

describe('ranking', () => {
  it('ranks compatible, then after works, then to check, then incompatible (fewer failures first)', () => {
    const p = profile();
    const ranked = rankUnits(
      p,
      [
        unit({ id: 'fail2', entranceSteps: 9, shower: 'bathtub' }),
        unit({ id: 'fail1', shower: 'bathtub' }),
        unit({ id: 'check', shower: null }),
        unit({ id: 'works', shower: 'bathtub', committedWorks: ['step_free_shower'] }),
        unit({ id: 'ok' }),
      ],
      [],
      rules,
    );
    expect(ranked.map((m) => m.unitId)).toEqual(['ok', 'works', 'check', 'fail1', 'fail2']);
  });

  const arbUnit = fc.record({
    id: fc.uuid(),
    floor: fc.option(fc.integer({ min: 0, max: 8 })),
    entranceSteps: fc.option(fc.integer({ min: 0, max: 10 })),
    liftToLanding: fc.option(fc.boolean()),
    doorClearWidthCm: fc.option(fc.integer({ min: 60, max: 100 })),
    shower: fc.option(fc.constantFrom('bathtub', 'high_tray', 'extra_flat', 'walk_in' as const)),
    bedrooms: fc.option(fc.integer({ min: 0, max: 4 })),
    rentEur: fc.option(fc.integer({ min: 200, max: 900 })),
    outdoorSpace: fc.option(fc.boolean()),
    dpeClass: fc.option(fc.constantFrom('A', 'C', 'E', 'G')),
    financing: fc.option(fc.constantFrom('PLAI', 'PLUS', 'PLS', 'PLI')),
    programmeKind: fc.constantFrom('ordinary', 'residence_autonomie', 'asv_units'),
    services: fc.option(fc.subarray([...wishableServices])),
    lat: fc.double({ min: 50.62, max: 50.66, noNaN: true }),
  });
  const toUnit = ({ lat, ...a }: Partial<MatchUnit> & { lat: number }): MatchUnit =>
    unit({ ...a, coordinates: { lat, lon: 2.98 } });
  const arbProfile = fc.record({
    maxStepsClimbable: fc.option(fc.integer({ min: 0, max: 40 })),
    walkingAid: fc.option(fc.constantFrom('none', 'cane', 'walker', 'manual_wheelchair' as const)),
    needsStepFreeShower: fc.option(fc.boolean()),
    needsLift: fc.option(fc.boolean()),
    secondBedroomRequired: fc.boolean(),
    maxBudgetEur: fc.option(fc.integer({ min: 300, max: 900 })),
    householdSize: fc.option(fc.integer({ min: 1, max: 8 })),
    referenceIncomeEur: fc.option(fc.integer({ min: 0, max: 40_000 })),
    gir: fc.option(fc.integer({ min: 1, max: 6 })),
    wishedServices: fc.subarray([...wishableServices]),
    weights: fc.record({
      services: fc.integer({ min: 0, max: 5 }),
      near_doctor: fc.integer({ min: 0, max: 5 }),
      second_bedroom: fc.integer({ min: 0, max: 5 }),
      outdoor_space: fc.integer({ min: 0, max: 5 }),
      cost_margin: fc.integer({ min: 0, max: 5 }),
      energy_class: fc.integer({ min: 0, max: 5 }),
    }),
  });

  it('keeps every score within 0–100 and the contributions adding up to it', () => {
    fc.assert(
      fc.property(arbProfile, arbUnit, (p, u) => {
        const m = matchUnit(profile(p), toUnit(u), indexPoints([doctorNear]), rules);
        if (m.score === null) return;
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(100);
        const sum = m.contributions.reduce((s, c) => s + (c.points ?? 0), 0);
        expect(Math.abs(sum - m.score)).toBeLessThan(0.1);
        expect(m.coverage).toBeGreaterThanOrEqual(0);
        expect(m.coverage).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a batch verdict, stopping at the first failure, is the verdict of the explained checks', () => {
    const arbWishes = fc.record({
      wishedTypologies: fc.subarray(['T2', 'T3']),
      wishedCommunes: fc.subarray(['59350', '59355']),
      communesStrict: fc.boolean(),
    });
    const arbPlace = fc.record({
      communeInsee: fc.option(fc.constantFrom('59350', '59328')),
      historicCommuneInsee: fc.option(fc.constant('59355')),
      typology: fc.option(fc.constantFrom('T1', 'T2', 'T3')),
      chargesEur: fc.option(fc.integer({ min: 0, max: 200 })),
      admissionGir: fc.option(fc.constant({ min: 3, max: 6 })),
      committedWorks: fc.subarray([...committedWorkKinds]),
    });
    const arbRules = fc.constantFrom(rules, noEligibilityRules);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbProfile, arbWishes, arbUnit, arbPlace, arbRules), { minLength: 1, maxLength: 5 }),
        (pairs) => {
          // Several pairs in a row: a batch reuses one tally, whose failure must not leak into the next pair.
          for (const [p, wishes, u, place, r] of pairs) {
            const pr = profile({ ...p, ...wishes });
            const home = toUnit({ ...u, ...place });
            expect(hardVerdict(prepareProfile(pr, r), home)).toBe(verdictOf(checkHardConstraints(pr, home, r)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding a hard-constraint failure never raises a unit’s rank', () => {
    fc.assert(
      fc.property(arbProfile, fc.array(arbUnit, { minLength: 1, maxLength: 12 }), fc.nat(), (p, us, pick) => {
        const pr = profile(p);
        const pois = indexPoints([doctorNear]);
        const matches = us.map((u) => matchUnit(pr, toUnit(u), pois, rules));
        const i = pick % matches.length;
        const target = matches[i]!;
        const worse = {
          ...target,
          verdict: 'incompatible' as const,
          constraints: [...target.constraints, { key: 'budget' as const, outcome: 'fail' as const }],
        };
        const rankOf = (list: typeof matches, id: string) =>
          [...list].sort(compareMatches).findIndex((m) => m.unitId === id);
        const before = rankOf(matches, target.unitId);
        const after = rankOf(
          matches.map((m, j) => (j === i ? worse : m)),
          target.unitId,
        );
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
