import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';

/**
 * The two password-reset forms. The routes are better-auth's (`/api/auth/request-password-reset`,
 * `/api/auth/reset-password`), which re-validate; these schemas give the forms the same French rules.
 */
export const passwordResetRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email({ error: messages.validation.email })),
});

/** Where better-auth's e-mailed link lands once it has checked the token: `?token=…` or `?error=INVALID_TOKEN`. */
export const PASSWORD_RESET_PATH = '/reinitialiser-mot-de-passe';

export const passwordResetSchema = z
  .object({
    password: z.string().min(12, messages.validation.passwordTooShort).max(256, messages.auth.passwordTooLong),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: messages.validation.passwordsDiffer,
  });

export type PasswordResetRequest = { email: string; redirectTo: string };
export type PasswordReset = { newPassword: string; token: string };
