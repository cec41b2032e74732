import { describe, expect, it } from 'vitest';
import { checkSiret } from '#src/modules/platform/domain/siret.ts';

describe('checkSiret', () => {
  it('accepts a SIRET whose Luhn key is right, spaces allowed', () => {
    expect(checkSiret('732 829 320 00074')).toBe('ok');
    expect(checkSiret('73282932000074')).toBe('ok');
  });
  it('rejects a wrong key', () => {
    expect(checkSiret('73282932000075')).toBe('key');
  });
  it('rejects anything but 14 digits', () => {
    expect(checkSiret('7328293200007')).toBe('format');
    expect(checkSiret('7328293200007A')).toBe('format');
  });
  it('applies the La Poste rule (sum of digits multiple of 5)', () => {
    expect(checkSiret('35600000000015')).toBe('ok');
    expect(checkSiret('35600000000016')).toBe('key');
  });
});
