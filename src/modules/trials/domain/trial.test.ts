import { describe, expect, it } from 'vitest';
import {
  abandonmentRate,
  abandonmentReasonsRequired,
  followUpDueOn,
  mayLeadToAcquisition,
  reasonsRequired,
} from '#src/modules/trials/domain/trial.ts';

describe('trial outcome rules', () => {
  it('asks why only when the product did not suit as it was', () => {
    expect(reasonsRequired('suitable')).toBe(false);
    expect(reasonsRequired('needs_adjustment')).toBe(true);
    expect(reasonsRequired('unsuitable')).toBe(true);
  });

  it('lets only a suitable or adjusted product be acquired', () => {
    expect(mayLeadToAcquisition('suitable')).toBe(true);
    expect(mayLeadToAcquisition('needs_adjustment')).toBe(true);
    expect(mayLeadToAcquisition('unsuitable')).toBe(false);
  });

  it('asks why only for an abandonment', () => {
    expect(abandonmentReasonsRequired('abandoned')).toBe(true);
    expect(abandonmentReasonsRequired('sometimes')).toBe(false);
    expect(abandonmentReasonsRequired('in_use')).toBe(false);
  });
});

describe('follow-up due date', () => {
  it('falls three months after the acquisition', () => {
    expect(followUpDueOn('2026-03-15')).toBe('2026-06-15');
  });

  it('crosses the year', () => {
    expect(followUpDueOn('2026-11-02')).toBe('2027-02-02');
  });

  it('keeps to the last day of a shorter month', () => {
    expect(followUpDueOn('2026-11-30')).toBe('2027-02-28');
    expect(followUpDueOn('2027-11-30')).toBe('2028-02-29');
    expect(followUpDueOn('2026-05-31')).toBe('2026-08-31');
    expect(followUpDueOn('2026-03-31')).toBe('2026-06-30');
  });
});

describe('abandonment rate', () => {
  it('is the share of abandoned products among recorded follow-ups', () => {
    expect(abandonmentRate({ in_use: 6, sometimes: 2, abandoned: 2 })).toBe(0.2);
    expect(abandonmentRate({ abandoned: 3 })).toBe(1);
  });

  it('is unknown before any follow-up', () => {
    expect(abandonmentRate({})).toBeNull();
    expect(abandonmentRate({ in_use: 0 })).toBeNull();
  });
});
