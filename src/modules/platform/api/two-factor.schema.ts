import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';
import { rolesRequiringTwoFactor } from '#src/modules/platform/domain/roles.ts';

/**
 * The TOTP forms. The routes are better-auth's two-factor plugin under `/api/auth/two-factor/*`
 * (enable, verify-totp, verify-backup-code, disable); these schemas give the forms French rules.
 */
export const twoFactorPasswordSchema = z.object({ password: z.string().min(1, messages.validation.required) });

/** Authenticator apps show the code with a space in the middle; people type it that way. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, messages.validation.totpFormat)),
});

/** A backup code as shown at set-up (`xxxxx-xxxxx`); the server compares it exactly. */
export const backupCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().min(1, messages.validation.required).max(64, messages.twoFactor.backupCodeWrong)),
});

/** What `POST /api/auth/two-factor/enable` answers for the TOTP method. */
export type TwoFactorEnabled = { totpURI: string; backupCodes: string[] };

/** The part of `GET /api/auth/get-session` this page reads. */
export type AuthSession = { user: { email: string; twoFactorEnabled?: boolean | null } } | null;

export const TWO_FACTOR_PATH = '/securite/double-authentification';

export const twoFactorRequiredFor = (roleNames: readonly string[]) =>
  roleNames.some((r) => (rolesRequiringTwoFactor as readonly string[]).includes(r));

/** The secret and account of an `otpauth://totp/...` URI, the secret cut in groups of four to read or type. */
export function parseTotpUri(uri: string): { secret: string; groupedSecret: string; account: string; issuer: string } {
  const url = new URL(uri);
  const secret = (url.searchParams.get('secret') ?? '').toUpperCase();
  const label = decodeURIComponent(url.pathname.replace(/^\/+/, '').replace(/^totp\//, ''));
  const account = label.includes(':') ? label.slice(label.indexOf(':') + 1) : label;
  return {
    secret,
    groupedSecret: secret.match(/.{1,4}/g)?.join(' ') ?? '',
    account,
    issuer: url.searchParams.get('issuer') ?? '',
  };
}
