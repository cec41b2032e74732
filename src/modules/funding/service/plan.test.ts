import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateAids } from '#src/modules/funding/service/simulate.ts';
import type { Household } from '#src/modules/funding/domain/household.ts';
import { combinePlan } from '#src/modules/funding/domain/plan.ts';
import type { AidResult } from '#src/modules/funding/domain/rules-engine.ts';

const dates = { filing: '2025-06-01', payment: '2025-09-01' };
const cost = (exclTax: number, vat = 0.1) => ({
  exclTaxCents: exclTax * 100,
  inclTaxCents: Math.round(exclTax * (1 + vat) * 100),
  eligibleExclTaxCents: exclTax * 100,
});
const household = (over: Partial<Household> = {}, exclTax = 9000): Household => ({
  age: 78,
  householdSize: 1,
  referenceTaxIncome: 16_000,
  inIleDeFrance: false,
  tenure: 'owner_occupier',
  worksExclTax: exclTax,
  worksInclTax: exclTax * 1.1,
  ...over,
});

// Only the fields a plan reads; the rest of a simulation's result (notes, references…) does not matter here.
const aid = (name: string, amount: number | null, over: Partial<AidResult> = {}): AidResult =>
  ({
    aid: name,
    title: name,
    funder: name,
    referenceDate: dates.filing,
    status: 'eligible',
    amount,
    details: [],
    conditions: [],
    missingInputs: [],
    missingParameters: [],
    parameters: [],
    ...over,
  }) as AidResult;

describe('funding plan', () => {
  it('funding-rules §7 worked example: 78, alone, RFR 16 000 € outside IdF, bathroom 9 000 € HT at 10 %', () => {
    const plan = combinePlan(simulateAids(household(), dates), cost(9000));
    const mpa = plan.lines.find((l) => l.aid === 'mpa')!;
    expect(mpa).toMatchObject({ status: 'eligible', shareCents: 630_000, certain: true, step: 2 });
    expect(plan.outOfPocketCents).toBe(360_000);
    expect(plan.mpaBalanceExclTaxCents).toBe(1_300_000);
    expect(plan.lines.find((l) => l.aid === "crédit d'impôt")).toMatchObject({ status: 'not_eligible', shareCents: 0 });
  });

  it('applies PCH before MaPrimeAdapt’, which then only funds what is left; the tax credit is deferred', () => {
    const plan = combinePlan([aid("crédit d'impôt", 500), aid('mpa', 6300), aid('pch logement', 5000)], cost(9000));
    expect(plan.lines.map((l) => [l.aid, l.shareCents])).toEqual([
      ['pch logement', 500_000],
      ['mpa', 490_000],
      ["crédit d'impôt", 0],
    ]);
    expect(plan.outOfPocketCents).toBe(0);
    expect(plan.lines.at(-1)!.deferred).toBe(true);
  });

  it('shows an aid to check or on an uncertain parameter as not certain, outside the sure out-of-pocket', () => {
    const uncertain = {
      id: 'anah.income_ceilings',
      label: 'Plafonds',
      value: null,
      from: null,
      confidence: null,
      status: 'not_retrieved' as const,
      note: null,
      sources: [],
    };
    const plan = combinePlan(
      [
        aid('mpa', 4000, { parameters: [uncertain], missingParameters: [uncertain] }),
        aid('aides locales . caisse', 500, { status: 'to_check' }),
      ],
      cost(9000),
    );
    expect(plan.lines.every((l) => !l.certain)).toBe(true);
    expect(plan.securedCents).toBe(0);
    expect(plan.toConfirmCents).toBe(450_000);
    expect(plan.outOfPocketCents).toBe(990_000);
    expect(plan.outOfPocketIfConfirmedCents).toBe(540_000);
    expect(plan.lines[0]!.uncertainParameters.map((p) => p.id)).toEqual(['anah.income_ceilings']);
  });

  it('never counts a monthly aid (APA) in a one-off project', () => {
    const plan = combinePlan([aid('apa', 700)], cost(1000));
    expect(plan.lines[0]).toMatchObject({ monthly: true, shareCents: 0 });
  });

  it('property: the sum of the aids never exceeds the cost with VAT', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('pch logement', 'mpa', 'aides locales . x', "crédit d'impôt"),
            fc.integer({ min: 0, max: 30_000 }),
          ),
          {
            maxLength: 6,
          },
        ),
        fc.integer({ min: 0, max: 40_000 }),
        (aids, exclTax) => {
          const plan = combinePlan(
            aids.map(([name, amount], i) => aid(`${name}${'.'.repeat(i)}`, amount)),
            cost(exclTax),
          );
          const immediate = plan.lines.filter((l) => !l.deferred).reduce((s, l) => s + l.shareCents, 0);
          expect(immediate).toBeLessThanOrEqual(plan.costInclTaxCents);
          expect(plan.deferredCents).toBeLessThanOrEqual(plan.outOfPocketIfConfirmedCents);
          expect(plan.outOfPocketIfConfirmedCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: on the real rules, the aids of a plan never exceed the cost with VAT', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 99 }),
        fc.integer({ min: 0, max: 80_000 }),
        fc.integer({ min: 100, max: 40_000 }),
        (age, income, exclTax) => {
          const plan = combinePlan(
            simulateAids(household({ age, referenceTaxIncome: income }, exclTax), dates),
            cost(exclTax),
          );
          expect(plan.securedCents + plan.toConfirmCents).toBeLessThanOrEqual(plan.costInclTaxCents);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: more income never raises a means-tested aid in the plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (income, more, householdSize, inIleDeFrance) => {
          const shares = (referenceTaxIncome: number) =>
            combinePlan(
              simulateAids(household({ referenceTaxIncome, householdSize, inIleDeFrance }), dates),
              cost(9000),
            )
              .lines.filter((l) => l.aid === 'mpa')
              .map((l) => l.shareCents);
          expect(shares(income + more)[0]!).toBeLessThanOrEqual(shares(income)[0]!);
        },
      ),
      { numRuns: 100 },
    );
  });
});
