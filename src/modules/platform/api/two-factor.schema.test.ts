import { describe, expect, it } from 'vitest';
import { parseTotpUri, totpCodeSchema, twoFactorRequiredFor } from '#src/modules/platform/api/two-factor.schema.ts';

describe('parseTotpUri', () => {
  it('reads the secret in groups of four and the account of an otpauth URI', () => {
    const parsed = parseTotpUri(
      'otpauth://totp/Demeure:admin%40demo.demeure.fr?secret=gezdgnbvgy3tqojqgezdgnbvgy3tqojq&issuer=Demeure&digits=6&period=30',
    );
    expect(parsed).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      groupedSecret: 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ',
      account: 'admin@demo.demeure.fr',
      issuer: 'Demeure',
    });
  });
});

describe('totpCodeSchema', () => {
  it('accepts six digits, with the space authenticator apps show, and nothing else', () => {
    expect(totpCodeSchema.safeParse({ code: '123 456' }).success).toBe(true);
    expect(totpCodeSchema.safeParse({ code: '123456' }).success).toBe(true);
    const short = totpCodeSchema.safeParse({ code: '12345' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('Le code comporte 6 chiffres.');
    expect(totpCodeSchema.safeParse({ code: 'abcdef' }).success).toBe(false);
  });
});

describe('twoFactorRequiredFor', () => {
  it('requires it of administrators only', () => {
    expect(twoFactorRequiredFor(['referent', 'admin'])).toBe(true);
    expect(twoFactorRequiredFor(['referent', 'manager'])).toBe(false);
  });
});
