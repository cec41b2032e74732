import { describe, expect, it } from 'vitest';
import { protectCount, protectShare } from '#src/modules/offers/domain/anonymity.ts';

describe('anonymity threshold', () => {
  it('withholds counts under five and publishes five and more', () => {
    expect(protectCount(0)).toEqual({ count: null, suppressed: true });
    expect(protectCount(4)).toEqual({ count: null, suppressed: true });
    expect(protectCount(5)).toEqual({ count: 5, suppressed: false });
  });

  it('withholds a share whose part or whole is small', () => {
    expect(protectShare(3, 40)).toBeNull();
    expect(protectShare(4, 4)).toBeNull();
    expect(protectShare(5, 20)).toBe(0.25);
  });
});
