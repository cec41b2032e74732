import { describe, expect, it } from 'vitest';
import type { LocalAid } from '#src/modules/funding/domain/local-aids.ts';
import { simulateAids } from '#src/modules/funding/service/simulate.ts';

const template: LocalAid = {
  id: '0190a5d2-0000-7000-8000-000000000001',
  name: 'Aide pour bien vieillir chez soi',
  funderName: 'Carsat',
  funderKind: 'pension_fund',
  description: null,
  minAge: 55,
  girMin: 5,
  girMax: 6,
  incomeCeiling: null,
  incomeCeilingPerExtraPerson: null,
  tenures: [],
  retirementSchemes: ['general'],
  requiresAnahDecision: false,
  base: 'technical_aids',
  rate: 1,
  capCents: 300_000,
  fixedAmountCents: null,
  inForceFrom: '2024-01-01',
  inForceTo: null,
  sourceTitle: 'Assurance retraite Île-de-France — plan d’action personnalisé',
  sourceUrl: 'https://www.lassuranceretraite-idf.fr/',
  confidence: 'official',
};
const cnracl: LocalAid = {
  ...template,
  id: '0190a5d2-0000-7000-8000-000000000002',
  name: 'Aide à l’adaptation de l’habitat',
  funderName: 'CNRACL',
  minAge: null,
  girMin: null,
  girMax: null,
  incomeCeiling: 14_500,
  incomeCeilingPerExtraPerson: 7_250,
  retirementSchemes: ['cnracl'],
  requiresAnahDecision: true,
  base: 'fixed',
  rate: null,
  capCents: null,
};

const byName = (results: ReturnType<typeof simulateAids>) => new Map(results.map((r) => [r.title, r]));

describe('aids a workspace describes without code', () => {
  it('Assurance retraite PAP (lassuranceretraite-idf.fr): GIR 5, general scheme, 3 400 € of technical aids → capped at 3 000 €', () => {
    const results = byName(
      simulateAids(
        { age: 72, gir: 5, retirementScheme: 'general', technicalAids: 3_400 },
        { filing: '2025-06-01', payment: '2025-06-01' },
        [template, cnracl],
      ),
    );
    const pap = results.get('Aide pour bien vieillir chez soi')!;
    expect(pap.status).toBe('eligible');
    expect(pap.amount).toBe(3_000);
    expect(pap.funder).toBe('Carsat');
    expect(pap.conditions.map((c) => c.holds)).toEqual([true, true, true, true]);
    expect(results.get('Aide à l’adaptation de l’habitat')!.status).toBe('not_eligible');
  });

  it('a GIR 3 person is not eligible to the pension fund plan, and the GIR condition says why', () => {
    const pap = byName(
      simulateAids(
        { age: 72, gir: 3, retirementScheme: 'general', technicalAids: 500 },
        { filing: '2025-06-01', payment: '2025-06-01' },
        [template],
      ),
    ).get('Aide pour bien vieillir chez soi')!;
    expect(pap.status).toBe('not_eligible');
    expect(pap.conditions.find((c) => c.title === 'GIR 5 à 6')!.holds).toBe(false);
  });

  it('CNRACL (cnracl.retraites.fr): eligible under 14 500 € alone, amount not published → to check, Anah first', () => {
    const aid = byName(
      simulateAids(
        { householdSize: 1, referenceTaxIncome: 13_000, retirementScheme: 'cnracl' },
        { filing: '2025-06-01', payment: '2025-06-01' },
        [cnracl],
      ),
    ).get('Aide à l’adaptation de l’habitat')!;
    expect(aid.status).toBe('to_check');
    expect(aid.amount).toBeNull();
    expect(aid.missingInputs).toEqual([]);
    expect(aid.notes).toEqual([
      'La décision de l’Anah (MaPrimeAdapt’) doit être demandée d’abord.',
      'Montant non publié : à demander au financeur.',
    ]);
  });

  it('an aid not yet in force on the filing date is not eligible', () => {
    const pap = byName(
      simulateAids(
        { age: 72, gir: 5, retirementScheme: 'general', technicalAids: 500 },
        { filing: '2023-06-01', payment: '2023-06-01' },
        [template],
      ),
    ).get('Aide pour bien vieillir chez soi')!;
    expect(pap.status).toBe('not_eligible');
    expect(pap.conditions[0]!.holds).toBe(false);
  });
});
