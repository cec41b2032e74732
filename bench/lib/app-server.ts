import type { Server } from 'node:http';

/**
 * The real application, composed as src/app/start.ts does (same config loader, real mailer), in a
 * child process of the benchmark so that the load generator does not share its event loop.
 * Talks to the parent over the IPC channel: 'ready' once listening, 'stopped' on request.
 */
export type AppServerOptions = {
  databaseUrl: string;
  poolSize: number;
  port: number;
  publicUrl: string;
  authSecret: string;
};
export type AppServerMessage =
  { type: 'ready' } | { type: 'stopped'; maxRssKiB: number; cpuUserMs: number; cpuSystemMs: number };

const send = (message: AppServerMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, () => resolve());
  });

// Listen for 'stop' and for the parent going away before loading anything: the app must never
// outlive the benchmark, even when it is interrupted during start-up.
const state: { stopRequested: boolean; stopApp?: () => Promise<void> } = { stopRequested: false };
const requestStop = () => {
  if (state.stopRequested) return;
  state.stopRequested = true;
  if (state.stopApp) void state.stopApp().finally(() => process.exit(0));
  else process.exit(0);
};
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'stop') requestStop();
});
process.on('disconnect', requestStop);

const [{ serve }, { loadConfig }, { openDatabase }, { createLogger }, { createMailer }, { createApp }] =
  await Promise.all([
    import('@hono/node-server'),
    import('#src/shared/config.ts'),
    import('#src/shared/db/client.ts'),
    import('#src/shared/log.ts'),
    import('#src/shared/mail.ts'),
    import('#src/app/create-app.ts'),
  ]);

const options = JSON.parse(process.env.BENCH_APP_OPTIONS ?? '{}') as AppServerOptions;
const config = loadConfig({
  PORT: String(options.port),
  HOST: '127.0.0.1',
  DATABASE_URL: options.databaseUrl,
  PUBLIC_URL: options.publicUrl,
  AUTH_SECRET: options.authSecret,
  SEED_DEMO: 'false',
  // The load generator stands in for a reverse proxy: each virtual client sends its own X-Forwarded-For.
  TRUST_PROXY: 'true',
  LOG_LEVEL: 'error',
  // Nothing is mailed during the benchmarks; the transport is only created, as in production.
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '2525',
});
// The pool size is openDatabase's default (as in src/app/start.ts) unless --pool asks for another.
if (config.database.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
const database = await openDatabase({ ...config.database, poolSize: options.poolSize });
const mailer = createMailer(config.smtp);
const { app } = createApp(
  { config, database, mailer, log: createLogger(config.logLevel) },
  { authSecret: options.authSecret },
);
const server = serve(
  { fetch: app.fetch, port: config.port, hostname: config.host },
  () => void send({ type: 'ready' }),
) as Server;

state.stopApp = async () => {
  server.closeAllConnections();
  server.close();
  mailer.close();
  await database.close();
  const usage = process.resourceUsage();
  await send({
    type: 'stopped',
    maxRssKiB: usage.maxRSS,
    cpuUserMs: usage.userCPUTime / 1000,
    cpuSystemMs: usage.systemCPUTime / 1000,
  });
};
if (state.stopRequested) void state.stopApp().finally(() => process.exit(0));
