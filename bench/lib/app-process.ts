import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AppServerMessage, AppServerOptions } from './app-server.ts';
import { freePort } from '#tests/fixtures/net.ts';

type Stopped = Extract<AppServerMessage, { type: 'stopped' }>;

export type RunningApp = {
  baseUrl: string;
  /** Resolves once the app listens; rejects if it dies or takes over a minute. */
  ready: Promise<void>;
  /** Stops the app; resolves with its resource usage (undefined if it had already gone). */
  stop(): Promise<Stopped | undefined>;
  /** Last resort, for 'exit' handlers. */
  kill(): void;
};

const entry = fileURLToPath(new URL('./app-server.ts', import.meta.url));

/**
 * Forks the app (same TypeScript loader as this process) on a free 127.0.0.1 port. Returns at once,
 * so that the caller holds a handle to stop it even while it is still starting.
 */
export async function startApp(databaseUrl: string, poolSize: number): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const options: AppServerOptions = {
    databaseUrl,
    poolSize,
    port,
    publicUrl: baseUrl,
    authSecret: randomBytes(32).toString('hex'),
  };
  const child = fork(entry, [], {
    // Extra node flags for the app only, e.g. BENCH_APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=reports/bench-profile'.
    execArgv: [...process.execArgv, ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_APP_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // 'close' rather than 'exit': it comes after the IPC channel has delivered its last message.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stopped: Stopped | undefined;
  child.on('message', (message: AppServerMessage) => {
    if (message.type === 'stopped') stopped = message;
  });

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("l'application n'a pas démarré en 60 s")), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`l'application s'est arrêtée (code ${code})`));
    });
    child.on('message', (message: AppServerMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  ready.catch(() => undefined); // observed by the caller; never an unhandled rejection here

  return {
    baseUrl,
    ready,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return stopped;
      if (child.connected) child.send({ type: 'stop' });
      else child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
      return stopped;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
