import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHardConstraints,
  compareMatches,
  hasCapacities,
  indexPoints,
  matchUnit,
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
  weights: {},
  ...over,
});

const check = (p: MatchProfile, u: MatchUnit, key: ConstraintKey): ConstraintCheck | undefined =>
  checkHardConstraints(p, u).find((c) => c.key === key);
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
  it('an application is qualified once its four capacities are filled in', () => {
    expect(hasCapacities(profile())).toBe(true);
    expect(hasCapacities(profile({ needsLift: null }))).toBe(false);
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
    expect(s({ currentCommunes: ['59350', '59355'], weights: { same_neighbourhood: 1 } }, {})).toBe(1);
    expect(s({ currentCommunes: ['59350'], weights: { same_neighbourhood: 1 } }, {})).toBe(0);
    expect(s({ familyCoordinates: { lat: 50.6431, lon: 2.9869 }, weights: { near_family: 1 } }, {})).toBe(1);
  });
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
    weights: fc.record({
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
        const m = matchUnit(profile(p), toUnit(u), indexPoints([doctorNear]));
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

  it('adding a hard-constraint failure never raises a unit’s rank', () => {
    fc.assert(
      fc.property(arbProfile, fc.array(arbUnit, { minLength: 1, maxLength: 12 }), fc.nat(), (p, us, pick) => {
        const pr = profile(p);
        const pois = indexPoints([doctorNear]);
        const matches = us.map((u) => matchUnit(pr, toUnit(u), pois));
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
