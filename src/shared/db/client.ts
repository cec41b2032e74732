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
  | { kind: 'pglite'; dir: string; loadDataDir?: Blob | File }
  | { kind: 'postgres'; url: string; poolSize?: number };

export type Database = {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** Raw SQL executor for pg-boss and maintenance scripts. */
  execute(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  migrate(): Promise<void>;
  /** PGlite only: a tarball of the data directory, used to clone a migrated template in tests. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = await PGlite.create({
      dataDir: target.dir,
      extensions: { unaccent, pg_trgm },
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
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
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
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
