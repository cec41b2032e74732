import { describe, expect, it } from 'vitest';
import {
  canTransition,
  closureNeedsComment,
  consentAllowsPathway,
  consentAllowsRaising,
  referralStatuses,
} from '#src/modules/referrals/domain/referral.ts';

describe('triage state machine', () => {
  it('takes a new referral to exactly one of the three decisions', () => {
    expect(referralStatuses.filter((to) => canTransition('new', to))).toEqual(['accepted', 'redirected', 'closed']);
  });

  it('never changes a decided referral again, nor sends it back to new', () => {
    for (const from of ['accepted', 'redirected', 'closed'] as const) {
      expect(
        referralStatuses.filter((to) => canTransition(from, to)),
        from,
      ).toEqual([]);
    }
  });
});

describe('consent', () => {
  it('lets only an immediate danger be raised without telling the person', () => {
    expect(consentAllowsRaising('not_informed', 'immediate_danger')).toBe(true);
    expect(consentAllowsRaising('not_informed', 'high')).toBe(false);
    expect(consentAllowsRaising('not_informed', 'normal')).toBe(false);
    expect(consentAllowsRaising('informed_not_asked', 'normal')).toBe(true);
    expect(consentAllowsRaising('agreed', 'normal')).toBe(true);
  });

  it('opens a pathway only with the agreement, recorded before or confirmed at triage', () => {
    expect(consentAllowsPathway('agreed', false)).toBe(true);
    expect(consentAllowsPathway('informed_not_asked', false)).toBe(false);
    expect(consentAllowsPathway('not_informed', false)).toBe(false);
    expect(consentAllowsPathway('informed_not_asked', true)).toBe(true);
  });
});

it('asks a comment only for the closure reason "other"', () => {
  expect(closureNeedsComment('other')).toBe(true);
  expect(closureNeedsComment('out_of_scope')).toBe(false);
});
