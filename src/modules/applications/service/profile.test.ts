import { describe, expect, it } from 'vitest';
import type { MatchableUnit } from '#src/modules/housing/index.ts';
import { residenceRangesByProgramme } from '#src/modules/applications/service/profile.ts';

const unitIn = (programme: Partial<MatchableUnit['programme']>, communeInsee = '59355') =>
  ({
    communeInsee,
    programme: { id: 'p1', name: 'Les Charmilles', kind: 'residence_autonomie', services: [], ...programme },
  }) as MatchableUnit;

describe('a résidence autonomie programme and the residences module', () => {
  const residences = [{ name: 'Résidence Les Charmilles', communeInsee: '59355', girMin: 4, girMax: 6 }];

  it('takes the range of the residence of the same name in the same commune (accents and spaces aside)', () => {
    const ranges = residenceRangesByProgramme(
      [unitIn({ name: 'residence les charmilles' })],
      [{ ...residences[0]!, name: 'Résidence  Les-Charmilles' }],
    );
    expect(ranges.get('p1')).toEqual({ min: 4, max: 6 });
  });

  it('ignores another commune, another name and other kinds of programme', () => {
    expect(residenceRangesByProgramme([unitIn({ name: 'Résidence Les Charmilles' }, '59350')], residences).size).toBe(
      0,
    );
    expect(residenceRangesByProgramme([unitIn({ name: 'Le Clos du Bourg' })], residences).size).toBe(0);
    expect(
      residenceRangesByProgramme([unitIn({ name: 'Résidence Les Charmilles', kind: 'asv_units' })], residences).size,
    ).toBe(0);
  });
});
