import { describe, expect, it } from 'vitest';
import { discloseCount, discloseShare } from '#src/modules/trials/domain/disclosure.ts';

describe('small counts of trials', () => {
  it('withholds a count under 5 from a reader who may not see every trial in it', () => {
    expect(discloseCount(4, false)).toEqual({ count: null, withheld: true });
    expect(discloseCount(1, false)).toEqual({ count: null, withheld: true });
  });

  it('shows a count of 5 or more to anyone', () => {
    expect(discloseCount(5, false)).toEqual({ count: 5, withheld: false });
  });

  it('shows a small count to a reader who sees every trial in it', () => {
    expect(discloseCount(2, true)).toEqual({ count: 2, withheld: false });
  });

  it('shows zero: it singles out nobody', () => {
    expect(discloseCount(0, false)).toEqual({ count: 0, withheld: false });
  });
});

describe('shares of trials', () => {
  it('is shown when both counts are', () => {
    expect(discloseShare(discloseCount(2, true), discloseCount(8, false))).toBe(0.25);
  });

  it('is withheld when either count is', () => {
    expect(discloseShare(discloseCount(3, false), discloseCount(12, false))).toBeNull();
    expect(discloseShare(discloseCount(0, false), discloseCount(3, false))).toBeNull();
  });

  it('is unknown for an empty group', () => {
    expect(discloseShare(discloseCount(0, false), discloseCount(0, false))).toBeNull();
  });
});
