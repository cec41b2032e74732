import type { Context } from 'hono';
import { AppError, type AppErrorCode, type FieldIssue } from '#src/shared/errors.ts';
import { access } from '#src/shared/http/access.ts';
import type { AppEnv } from '#src/shared/http/env.ts';
import type { Router } from '#src/shared/http/route.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { AUTH_BASE_PATH, CLIENT_ADDRESS_HEADER, type Auth } from '#src/modules/platform/service/auth.ts';
import { isLocked, registerSignInOutcome } from '#src/modules/platform/service/sign-in-lockout.ts';

type Translation = { code: AppErrorCode; message?: string; issues?: FieldIssue[] };

/** better-auth answers in English with its own codes; users get the one French error shape. */
const translations: Record<string, Translation> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'unauthenticated', message: messages.auth.wrongCredentials },
  INVALID_EMAIL: { code: 'validation_failed', issues: [{ path: 'email', message: messages.validation.email }] },
  PASSWORD_TOO_SHORT: {
    code: 'validation_failed',
    issues: [{ path: 'password', message: messages.validation.passwordTooShort }],
  },
  PASSWORD_TOO_LONG: {
    code: 'validation_failed',
    issues: [{ path: 'password', message: messages.auth.passwordTooLong }],
  },
  INVALID_TOKEN: { code: 'bad_request', message: messages.auth.resetInvalid },
  // better-auth's own body check (its forms re-validate first, with per-field French messages).
  VALIDATION_ERROR: { code: 'validation_failed' },
  // Two-factor codes: the message goes next to the code field of the form.
  INVALID_CODE: {
    code: 'unauthenticated',
    message: messages.auth.totpWrong,
    issues: [{ path: 'code', message: messages.auth.totpWrong }],
  },
  INVALID_BACKUP_CODE: {
    code: 'unauthenticated',
    message: messages.twoFactor.backupCodeWrong,
    issues: [{ path: 'code', message: messages.twoFactor.backupCodeWrong }],
  },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { code: 'unauthenticated', message: messages.auth.totpTooManyAttempts },
  ACCOUNT_TEMPORARILY_LOCKED: { code: 'account_locked' },
  INVALID_TWO_FACTOR_COOKIE: { code: 'session_expired' },
  TOTP_ALREADY_ENABLED: { code: 'conflict', message: messages.twoFactor.alreadyEnabled },
  TOTP_NOT_ENABLED: { code: 'bad_request', message: messages.twoFactor.notStarted },
  // Re-typing one's password (two-factor set-up): the message goes next to the password field.
  INVALID_PASSWORD: {
    code: 'unauthenticated',
    message: messages.auth.wrongPassword,
    issues: [{ path: 'password', message: messages.auth.wrongPassword }],
  },
};

const fallbackByStatus = (status: number): AppErrorCode =>
  status === 429 ? 'rate_limited' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'bad_request';

async function translate(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string };
  const t = (body.code && translations[body.code]) || { code: fallbackByStatus(response.status) };
  throw new AppError(t.code, {
    ...(t.message ? { message: t.message } : {}),
    ...(t.issues ? { issues: t.issues } : {}),
  });
}

async function emailOf(c: Context<AppEnv>): Promise<string | null> {
  const body = (await c.req.raw
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  return typeof body?.email === 'string' ? body.email : null;
}

/** The request better-auth sees, carrying the socket's address unless a trusted proxy provides it. */
function withClientAddress(c: Context<AppEnv>): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (!c.var.deps.config.trustProxy) {
    // In-process requests (tests) have no socket: they share one bucket.
    const address = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
      ?.remoteAddress;
    if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  }
  return new Request(c.req.raw, { headers });
}

export function mountAuthRoutes(router: Router, auth: Auth) {
  const signInPath = `${AUTH_BASE_PATH}/sign-in/email`;
  router.post(signInPath, access('public'), async (c) => {
    const { database } = c.var.deps;
    const email = await emailOf(c);
    if (email && (await isLocked(database.db, email))) throw new AppError('account_locked');
    const response = await auth.handler(withClientAddress(c));
    if (email && (response.status === 200 || response.status === 401)) {
      await registerSignInOutcome(database.db, email, response.status === 200);
    }
    return translate(response);
  });
  router.on(['GET', 'POST'], `${AUTH_BASE_PATH}/*`, access('public'), async (c) =>
    translate(await auth.handler(withClientAddress(c))),
  );
}
