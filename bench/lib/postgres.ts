import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '#tests/fixtures/net.ts';

const run = promisify(execFile);

export type ThrowawayPostgres = {
  dir: string;
  /** initdb + start; resolves with the connection URL (TCP on 127.0.0.1). */
  start(): Promise<string>;
  /** Stops the server (waiting for a start in progress) and removes its directory; safe to call twice. */
  stop(): Promise<void>;
  /** Same, synchronously: for process 'exit' handlers, where nothing async runs any more. */
  stopSync(): void;
};

function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  // The app targets PostgreSQL 15; take it when present, else the newest installed.
  const chosen = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!chosen) {
    throw new Error('PostgreSQL introuvable : installez postgresql-15 ou donnez BENCH_DATABASE_URL.');
  }
  return join(root, chosen, 'bin');
}

/**
 * A disposable PostgreSQL cluster in a temporary directory, tuned for speed, not durability
 * (fsync off): the data is synthetic and thrown away. As root, the server runs as `postgres`,
 * since PostgreSQL refuses to run as root. Created before it starts, so that whoever holds it can
 * clean up even when interrupted during start-up.
 */
export function createThrowawayPostgres(): ThrowawayPostgres {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'demeure-bench-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];

  const stopArgs = ['-D', data, '-m', 'fast', '-w', 'stop'];
  const running = () => existsSync(join(data, 'postmaster.pid'));
  let starting: Promise<string> | undefined;
  let removed = false;
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    removed = true;
  };

  const stopSync = () => {
    if (removed) return;
    try {
      if (running()) execFileSync(...command('pg_ctl', stopArgs), { stdio: 'ignore' });
    } catch {
      // Already stopping or stopped: removing the directory is what is left to do.
    }
    remove();
  };

  const stop = async () => {
    await starting?.catch(() => undefined);
    if (removed) return;
    try {
      if (running()) await run(...command('pg_ctl', stopArgs));
    } finally {
      remove();
    }
  };

  const start = async () => {
    const port = await freePort();
    try {
      if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
        chownSync(dir, uid, gid);
      }
      const locale = ['-E', 'UTF8', '--locale=C.UTF-8'];
      await run(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', ...locale, '--no-sync']));
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k ${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      await run(...command('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']));
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`PostgreSQL n'a pas démarré : ${String(error)}\n${serverLog}`);
    }
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  };

  return {
    dir,
    start: () => (starting ??= start()),
    stop,
    stopSync,
  };
}
