import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';
import { situationOf, type Household } from '#src/modules/funding/domain/household.ts';
import type { AidResult } from '#src/modules/funding/domain/rules-engine.ts';

const { engine } = loadShippedRules();

function simulate(household: Household, dépôt: string, paiement = dépôt) {
  const results = engine.evaluate(situationOf(household), { dépôt, paiement });
  return Object.fromEntries(results.map((r) => [r.aid, r])) as Record<string, AidResult>;
}

const ownerAged78: Household = {
  age: 78,
  householdSize: 1,
  inIleDeFrance: false,
  tenure: 'owner_occupier',
  inCouple: false,
};

describe("MaPrimeAdapt' (Anah guide 2024, p. 52–55)", () => {
  it('funding-rules §7 worked case: 78, alone, outside IdF, RFR 16 000 €, bathroom 9 000 € HT in 2025 → 6 300 €', () => {
    const { mpa } = simulate(
      { ...ownerAged78, referenceTaxIncome: 16_000, worksExclTax: 9_000, worksInclTax: 9_900 },
      '2025-06-01',
    );
    expect(mpa!.status).toBe('eligible');
    expect(mpa!.amount).toBe(6_300);
    expect(mpa!.conditions.every((c) => c.holds)).toBe(true);
    expect(mpa!.details).toContainEqual(expect.objectContaining({ name: 'mpa . taux', value: 0.7 }));
    // The explanation names the parameters used, with the value in force and its source.
    const ceilings = mpa!.parameters.find((p) => p.id === 'anah.income_ceilings')!;
    expect(ceilings.from).toBe('2025-01-01');
    expect(ceilings.confidence).toBe('official_derived');
    expect(ceilings.sources.map((s) => s.url)).toContain(
      'https://github.com/betagouv/reno/blob/master/app/r%C3%A8gles/revenus.yaml',
    );
  });

  it('Anah guide 2024: "très modestes" (RFR 17 000 € outside IdF) with 30 000 € HT of works → capped at 70 % × 22 000 € = 15 400 €', () => {
    const { mpa } = simulate({ ...ownerAged78, referenceTaxIncome: 17_000, worksExclTax: 30_000 }, '2024-03-01');
    expect(mpa!.amount).toBe(15_400);
  });

  it('Anah guide 2024: RFR 20 000 € is "modestes" outside IdF (50 % → 4 000 € on 8 000 € HT) but "très modestes" in IdF (5 600 €)', () => {
    const household = { ...ownerAged78, referenceTaxIncome: 20_000, worksExclTax: 8_000 };
    expect(simulate(household, '2024-03-01').mpa!.amount).toBe(4_000);
    expect(simulate({ ...household, inIleDeFrance: true }, '2024-03-01').mpa!.amount).toBe(5_600);
  });

  it('Anah guide 2024: a second request within 5 years only uses what is left of the 22 000 € ceiling', () => {
    const { mpa } = simulate(
      { ...ownerAged78, referenceTaxIncome: 16_000, worksExclTax: 15_000, mpaWorksLast5Years: 12_000 },
      '2025-06-01',
    );
    expect(mpa!.amount).toBe(7_000);
  });

  it('Anah guide 2024: a social-housing tenant is not eligible, and the condition says why', () => {
    const { mpa } = simulate(
      { ...ownerAged78, tenure: 'social_tenant', referenceTaxIncome: 16_000, worksExclTax: 9_000 },
      '2025-06-01',
    );
    expect(mpa!.status).toBe('not_eligible');
    expect(mpa!.amount).toBeNull();
    expect(mpa!.conditions.find((c) => c.name === "mpa . conditions . statut d'occupation")!.holds).toBe(false);
  });

  it('a household with no income entered: MaPrimeAdapt’ is to check and says what is missing, APA still computes', () => {
    const results = simulate({ ...ownerAged78, gir: 3, monthlyResources: 900, worksExclTax: 9_000 }, '2025-06-01');
    expect(results.mpa!.status).toBe('to_check');
    expect(results.mpa!.missingInputs).toContain('Somme des revenus fiscaux de référence du ménage');
    expect(results.apa!.status).toBe('eligible');
  });

  it('2026 Anah ceilings are not known here: the aid is to check and names the parameter, never a guessed amount', () => {
    const { mpa } = simulate({ ...ownerAged78, referenceTaxIncome: 16_000, worksExclTax: 9_000 }, '2026-03-01');
    expect(mpa!.status).toBe('to_check');
    expect(mpa!.amount).toBeNull();
    expect(mpa!.missingParameters.map((p) => p.id)).toEqual(['anah.income_ceilings']);
    expect(mpa!.missingParameters[0]!.status).toBe('not_retrieved');
  });
});

describe('APA à domicile (CASF R. 232-10 and R. 232-11)', () => {
  it('CNSA tariffs of 1 January 2026: GIR 1 ceiling = 1.615 × MTP 1 288,13 € = 2 080,33 €, no participation below 0.725 MTP', () => {
    const { apa } = simulate({ ...ownerAged78, gir: 1, monthlyResources: 900 }, '2026-01-15');
    expect(apa!.details).toContainEqual(expect.objectContaining({ name: 'apa . plafond', value: 2080.33 }));
    expect(apa!.amount).toBe(2080.33);
  });

  it('1 January 2024 with MTP 1 210,90 €: GIR 4 ceiling 762,87 €', () => {
    const { apa } = simulate({ ...ownerAged78, gir: 4, monthlyResources: 800, apaMonthlyPlan: 500 }, '2024-02-01');
    expect(apa!.details).toContainEqual(expect.objectContaining({ name: 'apa . plafond', value: 762.87 }));
    expect(apa!.amount).toBe(500);
  });

  it('GIR 5 is not eligible', () => {
    expect(simulate({ ...ownerAged78, gir: 5, monthlyResources: 900 }, '2025-06-01').apa!.status).toBe('not_eligible');
  });
});

describe('PCH housing element (faire-face.fr 2024: 100 % up to 1 500 €, 50 % beyond; cap 10 000 € over 10 years)', () => {
  it('5 000 € TTC of works, resources under 2 × annual MTP → 1 500 + 50 % × 3 500 = 3 250 €', () => {
    const { 'pch logement': pch } = simulate(
      { ...ownerAged78, age: 58, pchCriteriaRecognised: true, pchResources: 20_000, worksInclTax: 5_000 },
      '2025-06-01',
    );
    expect(pch!.status).toBe('eligible');
    expect(pch!.amount).toBe(3_250);
  });

  it('service-public (via mes-aides-reno): 100 % up to 30 915,30 € of yearly resources with MTP 1 288,13 €, 80 % above', () => {
    const withResources = (pchResources: number) =>
      simulate(
        { ...ownerAged78, age: 58, pchCriteriaRecognised: true, pchResources, worksInclTax: 5_000 },
        '2025-06-01',
      )['pch logement']!.amount;
    expect(withResources(30_915)).toBe(3_250);
    expect(withResources(30_916)).toBe(2_600);
    expect(withResources(40_000)).toBe(2_600);
  });

  it('over 60 without criteria met before 60 → not eligible', () => {
    const { 'pch logement': pch } = simulate(
      { ...ownerAged78, pchCriteriaRecognised: true, pchCriteriaMetBefore60: false, worksInclTax: 5_000 },
      '2025-06-01',
    );
    expect(pch!.status).toBe('not_eligible');
  });
});

describe('Tax credit CGI art. 200 quater A (Legifiscal 16/09/2024: single outside IdF between 21 805 € and 31 094 €)', () => {
  it('RFR 25 000 €, GIR 3, 6 000 € of equipment paid in 2024 → 25 % × 5 000 € cap = 1 250 €', () => {
    const { "crédit d'impôt": credit } = simulate(
      {
        ...ownerAged78,
        gir: 3,
        referenceTaxIncome: 25_000,
        taxParts: 1,
        jointTaxReturn: false,
        taxCreditEquipment: 6_000,
      },
      '2024-05-01',
      '2024-09-01',
    );
    expect(credit!.status).toBe('eligible');
    expect(credit!.amount).toBe(1_250);
  });

  it('below the "modestes" ceiling the household gets MaPrimeAdapt’ instead: no credit', () => {
    const { "crédit d'impôt": credit } = simulate(
      {
        ...ownerAged78,
        gir: 3,
        referenceTaxIncome: 16_000,
        taxParts: 1,
        jointTaxReturn: false,
        taxCreditEquipment: 6_000,
      },
      '2024-05-01',
    );
    expect(credit!.status).toBe('not_eligible');
  });

  it('expenses paid in 2026: the extension was not checked, so the credit is to check', () => {
    const { "crédit d'impôt": credit } = simulate(
      {
        ...ownerAged78,
        gir: 3,
        referenceTaxIncome: 25_000,
        taxParts: 1,
        jointTaxReturn: false,
        taxCreditEquipment: 6_000,
      },
      '2026-03-01',
    );
    expect(credit!.status).toBe('to_check');
    expect(credit!.missingParameters.map((p) => p.id)).toContain('ci200qa.income_ceiling_by_parts');
  });
});

describe('properties', () => {
  const incomes = fc.tuple(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 20_000 }));

  it('more income never raises MaPrimeAdapt’', () => {
    fc.assert(
      fc.property(incomes, fc.integer({ min: 1, max: 6 }), fc.boolean(), ([income, more], size, idf) => {
        const household = { ...ownerAged78, householdSize: size, inIleDeFrance: idf, worksExclTax: 12_000 };
        const lower = simulate({ ...household, referenceTaxIncome: income }, '2025-06-01').mpa!.amount ?? 0;
        const higher = simulate({ ...household, referenceTaxIncome: income + more }, '2025-06-01').mpa!.amount ?? 0;
        expect(higher).toBeLessThanOrEqual(lower);
      }),
      { numRuns: 30 },
    );
  });

  it('more monthly resources never raise the APA', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 4 }),
        (income, more, gir) => {
          const household = { ...ownerAged78, gir };
          const lower = simulate({ ...household, monthlyResources: income }, '2025-06-01').apa!.amount!;
          const higher = simulate({ ...household, monthlyResources: income + more }, '2025-06-01').apa!.amount!;
          expect(higher).toBeLessThanOrEqual(lower);
        },
      ),
      { numRuns: 30 },
    );
  });
});
