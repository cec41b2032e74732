import { describe, expect, it } from 'vitest';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  applicantFamilies,
  familyOf,
  isRefusalReasonCode,
  reasonsOfFamily,
  refusalFamilies,
  refusalReasonCodes,
  refusalReasons,
} from '#src/modules/offers/domain/refusal-taxonomy.ts';

describe('refusal taxonomy', () => {
  it('files every code under the family its prefix names, with a French label', () => {
    for (const code of refusalReasonCodes) {
      expect(code.split('.')[0]).toBe(familyOf(code));
      expect(messages.offers.reasons[code].length).toBeGreaterThan(3);
    }
    for (const family of refusalFamilies) expect(messages.offers.families[family]).toBeTruthy();
  });

  it('keeps the reference list: 44 codes, eight families, each family non-empty', () => {
    expect(refusalReasonCodes).toHaveLength(44);
    expect(refusalFamilies.map((f) => reasonsOfFamily(f).length)).toEqual([7, 8, 5, 7, 4, 5, 3, 5]);
  });

  it('says who can act on a reason', () => {
    expect(refusalReasons['ACC.SDB'].actionableBy).toEqual(['landlord']);
    expect(refusalReasons['LOC.AIDANTS'].actionableBy).toEqual([]);
    expect(refusalReasons['LOC.TRANSPORT'].actionableBy).toContain('transport');
  });

  it('recognises codes and leaves the committee family out of the person’s answer', () => {
    expect(isRefusalReasonCode('LOC.SANTE')).toBe(true);
    expect(isRefusalReasonCode('LOC')).toBe(false);
    expect(isRefusalReasonCode('toString')).toBe(false);
    expect(applicantFamilies).not.toContain('CAL');
    expect(applicantFamilies).toHaveLength(7);
  });
});
