import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { fileURLToPath } from 'node:url';

/** The one database type every repository receives; a transaction handle has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
  { kind: 'pglite'; dir: string; loadDataDir?: Blob | File } | { kind: 'postgres'; url: string; poolSize?: number };

export type Database = {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** Raw SQL executor for maintenance scripts and benchmarks. */
  execute(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  migrate(): Promise<void>;
  /** PGlite only: a tarball of the data directory, used to clone a migrated template in tests. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
};

/**
 * Settings every connection starts with. Person search matches names by trigram word similarity;
 * 0.5 (instead of 0.6) accepts one-letter typos such as "Lefebvre" for "Lefèvre".
 */
const sessionSettings: Record<string, string> = { 'pg_trgm.word_similarity_threshold': '0.5' };

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = await PGlite.create({
      dataDir: target.dir,
      extensions: { unaccent, pg_trgm },
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    for (const [name, value] of Object.entries(sessionSettings)) {
      await client.query('select set_config($1, $2, false)', [name, value]);
    }
    const db = drizzlePglite({ client }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      execute: async (text, values) => {
        if (values?.length) return client.query<Record<string, unknown>>(text, values);
        const results = await client.exec(text);
        return { rows: results.flatMap((r) => r.rows as Record<string, unknown>[]) };
      },
      migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
      dump: () => client.dumpDataDir('none'),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    options: Object.entries(sessionSettings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
  });
  // Without a listener, a connection the server drops (restart, dropped database) crashes the process;
  // the pool discards it and reconnects on demand. 57P01 is the expected "terminated by administrator".
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    execute: async (text, values) => {
      const result = await pool.query(text, values);
      return { rows: result.rows as Record<string, unknown>[] };
    },
    migrate: () => migratePg(drizzlePg({ client: pool }), { migrationsFolder }),
    close: () => pool.end(),
  };
}
