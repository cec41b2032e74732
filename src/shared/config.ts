import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment at start-up.
 * A bad value stops the server with a French message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'doit être un nombre entier' })
    .int('doit être un nombre entier')
    .min(1, 'doit être compris entre 1 et 65535')
    .max(65535, 'doit être compris entre 1 et 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PGLITE_DIR: z.string().min(1, 'ne doit pas être vide').default('./data/pglite'),
  DATABASE_URL: z
    .url({ error: 'doit être une URL postgres:// valide' })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  PUBLIC_URL: z.url({ error: 'doit être une URL http(s) valide' }).optional(),
  AUTH_SECRET: z.string().min(32, 'doit contenir au moins 32 caractères').optional(),
  SMTP_HOST: z.string().min(1).default('localhost'),
  SMTP_PORT: z.coerce.number({ error: 'doit être un nombre entier' }).int().min(1).max(65535).default(1025),
  SMTP_SECURE: z.enum(['true', 'false'], { error: 'doit valoir true ou false' }).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Demeure <ne-pas-repondre@demeure.localhost>'),
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'doit valoir true ou false' }).default('false'),
  SIGN_IN_RATE_LIMIT: z.coerce
    .number({ error: 'doit être un nombre entier' })
    .int({ error: 'doit être un nombre entier' })
    .min(1, 'doit valoir au moins 1')
    .default(20),
  SEED_DEMO: z.enum(['true', 'false'], { error: 'doit valoir true ou false' }).default('true'),
  LOG_LEVEL: z
    .enum(['silent', 'error', 'info', 'debug'], { error: 'doit valoir silent, error, info ou debug' })
    .default('info'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  authSecret: string | undefined;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  /** Behind a reverse proxy, the client address comes from X-Forwarded-For; otherwise from the socket. */
  trustProxy: boolean;
  /** Sign-in attempts allowed per minute from one address (a whole office may share one). */
  signInRateLimit: number;
  seedDemo: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dir: e.PGLITE_DIR },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET,
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE === 'true',
      ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
      ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
      from: e.MAIL_FROM,
    },
    trustProxy: e.TRUST_PROXY === 'true',
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
  };
}
