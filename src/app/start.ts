import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '#src/shared/config.ts';
import { openDatabase } from '#src/shared/db/client.ts';
import { createLogger } from '#src/shared/log.ts';
import { createMailer } from '#src/shared/mail.ts';
import { createApp } from '#src/app/create-app.ts';
import { startDevMailbox } from '#src/app/dev-mailbox.ts';
import { startJobs } from '#src/app/jobs.ts';
import { demoLogins, seedIfEmpty } from '#src/app/seed.ts';

/** In embedded mode a secret is generated once and kept beside the data; a server deployment must set AUTH_SECRET. */
function authSecretFor(config: Config): string {
  if (config.authSecret) return config.authSecret;
  if (config.database.kind === 'postgres') {
    throw new ConfigError(['AUTH_SECRET est obligatoire avec DATABASE_URL (au moins 32 caractères)']);
  }
  if (config.database.dir.startsWith('memory://')) return randomBytes(32).toString('hex');
  const file = join(dirname(resolve(config.database.dir)), 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const config = loadConfig();
  const authSecret = authSecretFor(config);
  const log = createLogger(config.logLevel);
  if (config.database.kind === 'pglite' && !config.database.dir.startsWith('memory://')) {
    mkdirSync(config.database.dir, { recursive: true });
  }
  const database = await openDatabase(config.database);
  await database.migrate();
  if (config.seedDemo) await seedIfEmpty(database.db);

  const stopMailbox =
    process.env.SMTP_HOST === undefined
      ? await startDevMailbox(config.smtp.port, (raw) =>
          console.log(`\n— E-mail reçu par la boîte de développement —\n${raw}\n`),
        ).catch((error: unknown) => {
          log.error('development mailbox not started', { error: String(error) });
          return null;
        })
      : null;

  const mailer = createMailer(config.smtp);
  const deps = { config, database, mailer, log };
  const { app } = createApp(deps, { authSecret });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    console.log(
      `Demeure est prêt sur ${config.publicUrl} (base ${database.kind === 'pglite' ? 'embarquée' : 'PostgreSQL'}).`,
    );
    if (config.seedDemo) console.log(demoLogins());
  });
  // The queue starts beside the server, not before it: its first start creates its schema, which
  // would delay the first page for nothing. A queue that cannot start leaves the app serving.
  const jobsStarted = startJobs(deps).catch((error: unknown) => {
    log.error('job queue not started', { error: String(error) });
    return null;
  });

  const shutdown = async () => {
    server.close();
    await (
      await jobsStarted
    )?.();
    await stopMailbox?.();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Démarrage impossible :', error);
  }
  process.exit(1);
});
