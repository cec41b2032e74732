import { describe, expect, it } from 'vitest';
import { isValidSneNumber, normalizeSneNumber } from '#src/modules/applications/domain/sne-number.ts';
import { expiryOf } from '#src/modules/applications/domain/vocabulary.ts';
import {
  DETOUR_FACTOR,
  displayedMinutes,
  greatCircleMetres,
  SENIOR_WALKING_SPEED_M_PER_S,
  walkingMinutes,
} from '#src/modules/applications/domain/walking.ts';

describe('walking time', () => {
  it('measures the great circle: one degree of latitude is about 111 km', () => {
    expect(greatCircleMetres({ lat: 50, lon: 3 }, { lat: 51, lon: 3 })).toBeCloseTo(111_195, -2);
    expect(greatCircleMetres({ lat: 50.6, lon: 3 }, { lat: 50.6, lon: 3 })).toBe(0);
  });

  it('lengthens by the detour factor and walks at a senior pace: 400 m straight ≈ 12 min', () => {
    // 400 m of latitude difference.
    const b = { lat: 50.6 + 400 / 111_195, lon: 3 };
    const minutes = walkingMinutes({ lat: 50.6, lon: 3 }, b);
    expect(minutes).toBeCloseTo((400 * DETOUR_FACTOR) / SENIOR_WALKING_SPEED_M_PER_S / 60, 1);
    expect(displayedMinutes(minutes)).toBe(12);
    expect(displayedMinutes(0.2)).toBe(1);
  });
});

describe('numéro unique', () => {
  it('accepts 18 letters or digits starting with a département on three characters', () => {
    expect(isValidSneNumber('059 12 24 00123456 ab 4')).toBe(true);
    expect(isValidSneNumber('02A1224001234567AB')).toBe(true);
    expect(isValidSneNumber('9741224001234567AB')).toBe(true);
    expect(normalizeSneNumber('059-12 24-00123456ab 4')).toBe('059122400123456AB4');
  });

  it('rejects a wrong length, a bad département or other characters', () => {
    expect(isValidSneNumber('0591224001234567A')).toBe(false);
    expect(isValidSneNumber('0591224001234567ABC')).toBe(false);
    expect(isValidSneNumber('0001224001234567AB')).toBe(false);
    expect(isValidSneNumber('5901224001234567AB')).toBe(false);
    expect(isValidSneNumber('059122400123456/AB')).toBe(false);
  });
});

describe('expiry', () => {
  it('is one year after the last renewal, else after the first filing', () => {
    expect(expiryOf('2025-03-10', null)).toBe('2026-03-10');
    expect(expiryOf('2023-03-10', '2025-11-02')).toBe('2026-11-02');
    expect(expiryOf('2024-02-29', null)).toBe('2025-03-01');
  });
});
