import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '#src/shared/auth/password.ts';
import { writeAudit } from '#src/shared/audit/write.ts';
import { newId } from '#src/shared/db/ids.ts';
import type { AppDeps } from '#src/shared/http/env.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { accounts, rateLimits, sessions, twoFactors, users, verifications } from '#src/modules/platform/db/schema.ts';
import { findDefaultWorkspaceOfUser } from '#src/modules/platform/repo/memberships.repo.ts';

export const AUTH_BASE_PATH = '/api/auth';
/** Set by our auth mount from the socket, so a client cannot choose its rate-limit bucket. */
export const CLIENT_ADDRESS_HEADER = 'x-demeure-client-address';
const SESSION_HOURS = 10;

export function createAuth(deps: AppDeps, secret: string) {
  const { config, database, mailer, log } = deps;
  const secure = config.publicUrl.startsWith('https://');
  return betterAuth({
    appName: 'Demeure',
    baseURL: config.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: [config.publicUrl],
    database: drizzleAdapter(database.db as never, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
        rateLimit: rateLimits,
      },
    }),
    // Accounts are created by invitation only.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      // Not awaited: the answer must come as fast for an unknown address as for a known one.
      sendResetPassword: async ({ user, url }) => {
        void mailer
          .send({ to: user.email, subject: messages.auth.resetMailSubject, text: messages.auth.resetMailBody(url) })
          .catch((error: unknown) => log.error('password reset e-mail not sent', { error: String(error) }));
      },
    },
    session: {
      expiresIn: SESSION_HOURS * 3600,
      updateAge: 3600,
      additionalFields: { activeWorkspaceId: { type: 'string', required: false, input: false } },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => ({
            data: { ...session, activeWorkspaceId: await findDefaultWorkspaceOfUser(database.db, session.userId) },
          }),
          // better-auth writes the session itself, so the sign-in is audited right after, in the
          // workspace the session opens.
          after: async (session) => {
            const workspaceId = (session as { activeWorkspaceId?: string | null }).activeWorkspaceId;
            if (!workspaceId) return;
            await database.db.transaction((tx) =>
              writeAudit(tx, {
                workspaceId,
                actorUserId: session.userId,
                action: 'auth.sign_in',
                entityType: 'session',
                entityId: session.id,
              }),
            );
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 120,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInRateLimit },
        '/request-password-reset': { window: 300, max: 5 },
        '/two-factor/verify-totp': { window: 60, max: 10 },
      },
    },
    plugins: [twoFactor({ issuer: 'Demeure' })],
    advanced: {
      cookiePrefix: 'demeure',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: () => newId() },
      ipAddress: { ipAddressHeaders: config.trustProxy ? ['x-forwarded-for', 'x-real-ip'] : [CLIENT_ADDRESS_HEADER] },
    },
    logger: { disabled: config.logLevel === 'silent' },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
