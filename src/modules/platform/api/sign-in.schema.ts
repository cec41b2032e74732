import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';

/** The sign-in form; the route itself is better-auth's, which re-validates. */
export const signInSchema = z.object({
  email: z.email({ error: messages.validation.email }),
  password: z.string().min(1, messages.validation.required),
});

export const totpSchema = z.object({ code: z.string().regex(/^\d{6}$/, messages.validation.totpFormat) });

export type SignInResult = { twoFactorRedirect?: boolean };
