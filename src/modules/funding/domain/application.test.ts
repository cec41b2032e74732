import { describe, expect, it } from 'vitest';
import { bandOf, checklistFor, delaysOf, mayMoveTo, taxDeclarationDueOn, usageCheckDueOn } from './application.ts';

describe('funding applications', () => {
  it('moves draft → submitted → more info → submitted → accepted → paid, and no further', () => {
    expect(mayMoveTo('draft', 'submitted')).toBe(true);
    expect(mayMoveTo('submitted', 'more_info_requested')).toBe(true);
    expect(mayMoveTo('more_info_requested', 'submitted')).toBe(true);
    expect(mayMoveTo('submitted', 'accepted')).toBe(true);
    expect(mayMoveTo('accepted', 'paid')).toBe(true);
    expect(mayMoveTo('draft', 'paid')).toBe(false);
    expect(mayMoveTo('refused', 'submitted')).toBe(false);
    expect(mayMoveTo('paid', 'accepted')).toBe(false);
  });

  it('asks the Anah for the autonomy diagnostic of the AMO; another funder gets the common list', () => {
    expect(checklistFor('mpa').map((d) => d.key)).toContain('autonomy_diagnostic');
    expect(checklistFor('aides locales . caisse').map((d) => d.key)).toEqual(['quote', 'tax_notice', 'bank_details']);
  });

  it('measures delays and dates the N+1 follow-ups', () => {
    expect(delaysOf({ submittedOn: '2025-01-10', decidedOn: '2025-04-10', paidOn: '2025-05-10' })).toEqual({
      decisionDays: 90,
      paymentDays: 30,
    });
    expect(delaysOf({ submittedOn: '2025-01-10', decidedOn: null, paidOn: null }).decisionDays).toBeNull();
    expect(taxDeclarationDueOn('2025-11-20')).toBe('2026-04-01');
    expect(usageCheckDueOn('2025-01-01')).toBe('2025-07-02');
  });

  it('puts out-of-pocket amounts in their band', () => {
    expect([0, 49_999, 50_000, 199_999, 500_000, 10_000_000].map(bandOf)).toEqual([0, 0, 1, 2, 4, 4]);
  });
});
