import fc from 'fast-check';
import Engine from 'publicodes';
import { describe, expect, it, vi } from 'vitest';
import { frenchDay } from '#src/shared/time/paris.ts';
import { CompiledRules, NotCompiled } from '#src/modules/funding/domain/compiled-rules.ts';
import {
  amoLevels,
  retirementSchemes,
  situationOf,
  tenures,
  type Household,
} from '#src/modules/funding/domain/household.ts';
import { localAidBases, localAidRules, type LocalAid } from '#src/modules/funding/domain/local-aids.ts';
import { AidRulesEngine, parameterRules, type RawRules } from '#src/modules/funding/domain/rules-engine.ts';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';

const shipped = loadShippedRules();
const quiet = { logger: { log() {}, warn() {}, error() {} } };

const euros = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));

/** Any household the desk could enter, every fact possibly missing. */
const household: fc.Arbitrary<Household> = fc.record(
  {
    age: fc.integer({ min: 18, max: 105 }),
    gir: fc.integer({ min: 1, max: 6 }),
    girAttested: fc.boolean(),
    incapacityAtLeast50: fc.boolean(),
    pchBeneficiary: fc.boolean(),
    pchCriteriaRecognised: fc.boolean(),
    pchCriteriaMetBefore60: fc.boolean(),
    monthlyResources: euros(6_000),
    inCouple: fc.boolean(),
    retirementScheme: fc.constantFrom(...retirementSchemes),
    householdSize: fc.integer({ min: 1, max: 8 }),
    referenceTaxIncome: euros(90_000),
    inIleDeFrance: fc.boolean(),
    tenure: fc.constantFrom(...tenures),
    pchResources: euros(60_000),
    taxParts: fc.constantFrom(1, 1.5, 2, 2.5, 3, 3.5, 4),
    jointTaxReturn: fc.boolean(),
    dependants: fc.integer({ min: 0, max: 4 }),
    worksExclTax: euros(40_000),
    worksInclTax: euros(45_000),
    amoLevel: fc.constantFrom(...amoLevels),
    technicalAids: euros(20_000),
    healthInsuranceShare: euros(5_000),
    taxCreditEquipment: euros(15_000),
    remainingCost: euros(30_000),
    apaMonthlyPlan: euros(3_000),
    mpaWorksLast5Years: euros(25_000),
    pchHousingLast10Years: euros(12_000),
    pchTechnicalAidsInPeriod: euros(15_000),
    taxCreditExpensesLast5Years: euros(12_000),
  },
  { requiredKeys: [] },
);

// Dates on both sides of the parameter changes (MTP each April, coefficients in 2024, unknown 2026 values).
const dates = ['2023-03-01', '2024-01-15', '2024-06-01', '2025-03-31', '2025-06-01', '2026-01-10', '2026-05-01'];

const localAid: fc.Arbitrary<Omit<LocalAid, 'id'>> = fc
  .record({
    minAge: fc.option(fc.integer({ min: 50, max: 90 }), { nil: null }),
    girs: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), { nil: null }),
    incomeCeiling: fc.option(fc.integer({ min: 5_000, max: 60_000 }), { nil: null }),
    incomeCeilingPerExtraPerson: fc.option(fc.integer({ min: 0, max: 15_000 }), { nil: null }),
    tenures: fc.subarray([...tenures]),
    retirementSchemes: fc.subarray([...retirementSchemes]),
    requiresAnahDecision: fc.boolean(),
    base: fc.constantFrom(...localAidBases),
    rate: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: null }),
    capCents: fc.option(fc.integer({ min: 10_000, max: 1_000_000 }), { nil: null }),
    fixedAmountCents: fc.option(fc.integer({ min: 10_000, max: 500_000 }), { nil: null }),
    inForceFrom: fc.constantFrom('2023-01-01', '2025-01-01', '2026-01-01'),
    inForceTo: fc.constantFrom(null, '2025-12-31'),
  })
  .map(({ girs, ...aid }) => ({
    ...aid,
    name: 'Aide locale',
    funderName: 'Caisse',
    funderKind: 'pension_fund' as const,
    description: null,
    girMin: girs ? Math.min(...girs) : null,
    girMax: girs ? Math.max(...girs) : null,
    sourceTitle: 'Délibération',
    sourceUrl: null,
    confidence: 'official' as const,
  }));
const withIds = (aids: Omit<LocalAid, 'id'>[]): LocalAid[] =>
  aids.map((aid, index) => ({ ...aid, id: `0190a5d2-0000-7000-8000-${String(index).padStart(12, '0')}` }));

function engineOn(rules: RawRules, date: string) {
  return new Engine({ ...rules, ...parameterRules(shipped.parameters, date) }, quiet);
}

/** Every rule of the engine, compiled, must give the value Publicodes gives for the same situation. */
function expectSameValues(engine: Engine, households: readonly Household[], filing: string, payment: string) {
  const names = Object.keys(engine.getParsedRules());
  const compiled = CompiledRules.of(engine, names);
  for (const household of households) {
    const situation = {
      ...situationOf(household),
      'dates . dépôt': frenchDay(filing),
      'dates . paiement': frenchDay(payment),
    };
    engine.setSituation(situation, { strict: true });
    const values = compiled.values(situation, names);
    // By name, so that a difference says which rule.
    expect(Object.fromEntries(names.map((name, i) => [name, values[i]]))).toEqual(
      Object.fromEntries(names.map((name) => [name, engine.evaluate(name).nodeValue])),
    );
  }
}

describe('compiled aid rules give the values Publicodes gives', () => {
  const engines = new Map(dates.map((date) => [date, engineOn(shipped.rules, date)]));

  it('national rules, every rule, any household and date', () => {
    fc.assert(
      fc.property(fc.array(household, { minLength: 1, maxLength: 4 }), fc.constantFrom(...dates), (some, date) => {
        expectSameValues(engines.get(date)!, some, date, date);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });

  it('with aids a workspace described, filed and paid on other dates', () => {
    fc.assert(
      fc.property(
        fc.array(localAid, { minLength: 1, maxLength: 3 }),
        fc.array(household, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...dates),
        fc.constantFrom(...dates),
        (aids, some, filing, payment) => {
          const engine = engineOn({ ...shipped.rules, ...localAidRules(withIds(aids)) }, filing);
          expectSameValues(engine, some, filing, payment);
        },
      ),
      { numRuns: 25, seed: 20261129 },
    );
  });

  it('batch outcomes use the compiled rules and match the explained simulation', () => {
    const aids = new AidRulesEngine(shipped.parameters, shipped.rules);
    const explained = vi.spyOn(aids, 'explainedOutcomes');
    const sample = fc.sample(household, { numRuns: 200, seed: 7 });
    const referenceDates = { dépôt: '2025-06-01', paiement: '2025-09-01' };
    const batch = sample.map((one) => aids.outcomes(situationOf(one), referenceDates));
    expect(explained).not.toHaveBeenCalled();
    explained.mockRestore();
    expect(batch).toEqual(sample.map((one) => aids.explainedOutcomes(situationOf(one), referenceDates)));
    expect(batch.flat().some((outcome) => outcome.status === 'eligible')).toBe(true);
  });

  it('a cycle between rules is refused when compiling', () => {
    const cyclic = new Engine({ a: { valeur: 'b + 1' }, b: { valeur: 'a + 1' } }, quiet);
    expect(() => CompiledRules.of(cyclic, ['a'])).toThrow(NotCompiled);
  });

  it('rules written with what the closures do not handle are left to Publicodes, with the same outcomes', () => {
    // A rate written as a percentage: Publicodes divides by 100 in the product.
    const rules = { ...shipped.rules, 'mpa . montant': { titre: 'Prime', valeur: '70 % * mpa . base' } };
    expect(() => CompiledRules.of(engineOn(rules, '2025-06-01'), ['mpa . montant'])).toThrow(NotCompiled);
    const aids = new AidRulesEngine(shipped.parameters, rules);
    const explained = vi.spyOn(aids, 'explainedOutcomes');
    const situation = situationOf({
      age: 80,
      householdSize: 1,
      referenceTaxIncome: 15_000,
      inIleDeFrance: false,
      tenure: 'owner_occupier',
      worksExclTax: 10_000,
    });
    const referenceDates = { dépôt: '2025-06-01', paiement: '2025-06-01' };
    const outcomes = aids.outcomes(situation, referenceDates);
    expect(explained).toHaveBeenCalledOnce();
    expect(outcomes.find((outcome) => outcome.aid === 'mpa')).toEqual({
      aid: 'mpa',
      status: 'eligible',
      amount: 7_000,
    });
  });
});
