import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import {
  readLiveSchema,
  type LiveConstraint,
  type LiveTable,
  type LiveUniqueIndex,
} from '#tests/fixtures/live-schema.ts';

/**
 * The tenancy convention (docs/decisions/003), checked on the migrated database itself so that
 * hand-written SQL and drizzle-kit output are held to the same rule: every tenant table leads its
 * keys with workspace_id, which lets the schema distribute unchanged on Citus.
 */

/** Tables without workspace_id, each with the reason it is not a tenant table. Keep this list short. */
const globalTables: Record<string, string> = {
  workspaces: 'the tenant root itself (a reference table once distributed)',
  auth_user: 'identities are global: one person may work for several territories; memberships are tenant rows',
  auth_session: 'belongs to an identity; the workspace it acts in is a column chosen at sign-in',
  auth_account: "an identity's credentials",
  auth_two_factor: "an identity's second factor",
  auth_verification: 'one-time tokens (password reset) issued before any workspace is known',
  auth_rate_limit: "better-auth's request counters, per client address and path",
  sign_in_failures: 'lock-out counter per e-mail address, before any workspace is known',
  'drizzle.__drizzle_migrations': "the migrator's journal",
};

/** Columns named like ids that are deliberately not uuid, each with its reason. */
const nonUuidIdColumns: Record<string, string> = {
  'auth_account.account_id': "the identity provider's own account identifier, not a key of ours",
  'auth_account.provider_id': "the provider's name ('credential' or an OIDC provider), not a key",
  'audit_log.entity_id': 'a free-form reference to the audited entity, never joined on',
  'audit_log.request_id': 'the X-Request-Id header value, which clients and proxies may set',
  'housing_units.rpls_id': "the unit's number in the national social-stock register (RPLS), not a key of ours",
  'funding_parameter_values.parameter_id':
    "the parameter's name in the shipped rules file (parameters.yaml), not a key",
};

const WORKSPACE = 'workspace_id';

let database: Database;
let tables: LiveTable[];
let constraints: LiveConstraint[];
let uniqueIndexes: LiveUniqueIndex[];
let tenantTables: Set<string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tables, constraints, uniqueIndexes } = await readLiveSchema(database));
  tenantTables = new Set(tables.filter((t) => t.columns.some((c) => c.name === WORKSPACE)).map((t) => t.name));
});
afterAll(async () => {
  await database.close();
});

const isTenant = (table: string | null) => table !== null && tenantTables.has(table);
const describeConstraint = (c: LiveConstraint) =>
  `${c.name}: ${c.table}(${c.columns.join(', ')})${c.refTable ? ` → ${c.refTable}(${c.refColumns.join(', ')})` : ''}`;

describe('tenancy convention on the live schema', () => {
  it('finds the migrated tables', () => {
    // Guards against a catalogue query that silently matches nothing.
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['workspaces', 'audit_log']));
    expect(tenantTables.size).toBeGreaterThan(3);
  });

  it('has only tenant tables, apart from the listed global ones', () => {
    const unexplained = tables.filter((t) => !isTenant(t.name) && !(t.name in globalTables)).map((t) => t.name);
    expect(unexplained, 'add workspace_id, or list the table in globalTables with the reason it is global').toEqual([]);
  });

  it('lists only global tables that exist and have no workspace_id', () => {
    const names = new Set(tables.map((t) => t.name));
    const stale = Object.keys(globalTables).filter((name) => !names.has(name) || isTenant(name));
    expect(stale).toEqual([]);
  });

  it('starts the primary key of every tenant table with a non-null uuid workspace_id', () => {
    const problems: string[] = [];
    for (const name of tenantTables) {
      const column = tables.find((t) => t.name === name)!.columns.find((c) => c.name === WORKSPACE)!;
      if (column.type !== 'uuid' || !column.notNull)
        problems.push(`${name}.${WORKSPACE} is ${column.type}${column.notNull ? '' : ' nullable'}`);
      const primaryKey = constraints.find((c) => c.kind === 'primary' && c.table === name);
      if (!primaryKey) problems.push(`${name} has no primary key`);
      else if (primaryKey.columns[0] !== WORKSPACE)
        problems.push(`${name} primary key is (${primaryKey.columns.join(', ')})`);
    }
    expect(problems).toEqual([]);
  });

  it('leads every foreign key between tenant tables with workspace_id on both sides', () => {
    const bad = constraints
      .filter((c) => c.kind === 'foreign' && isTenant(c.table) && isTenant(c.refTable))
      .filter((c) => c.columns[0] !== WORKSPACE || c.refColumns[0] !== WORKSPACE)
      .map(describeConstraint);
    expect(bad).toEqual([]);
  });

  it('has no foreign key from a global table to a tenant table', () => {
    // A distributed table cannot be referenced from a reference table.
    const bad = constraints
      .filter((c) => c.kind === 'foreign' && !isTenant(c.table) && isTenant(c.refTable))
      .map(describeConstraint);
    expect(bad).toEqual([]);
  });

  it('includes workspace_id in every unique index of a tenant table', () => {
    // Citus enforces uniqueness only within a shard: a unique index must contain the distribution column.
    const bad = uniqueIndexes
      .filter((i) => isTenant(i.table) && !i.columns.includes(WORKSPACE))
      .map((i) => i.definition);
    expect(bad).toEqual([]);
  });

  it('keeps ids as uuid columns', () => {
    const inForeignKeys = new Set(
      constraints
        .filter((c) => c.kind === 'foreign')
        .flatMap((c) => [
          ...c.columns.map((col) => `${c.table}.${col}`),
          ...c.refColumns.map((col) => `${c.refTable}.${col}`),
        ]),
    );
    const bad = tables
      .filter((t) => !t.name.startsWith('drizzle.'))
      .flatMap((t) => t.columns.map((c) => ({ key: `${t.name}.${c.name}`, ...c })))
      .filter((c) => c.name === 'id' || c.name.endsWith('_id') || inForeignKeys.has(c.key))
      .filter((c) => c.type !== 'uuid' && !(c.key in nonUuidIdColumns))
      .map((c) => `${c.key} is ${c.type}`);
    expect(bad).toEqual([]);
  });
});

describe('append-only audit log', () => {
  it('has an enabled row trigger that refuses UPDATE and DELETE before they happen', async () => {
    const { rows } = await database.execute(`
      select t.tgname::text as name, t.tgtype::int as type, t.tgenabled::text as enabled
      from pg_trigger t
      where t.tgrelid = 'public.audit_log'::regclass and not t.tgisinternal`);
    // pg_trigger.tgtype bits: 1 row-level, 2 before, 8 delete, 16 update.
    const guards = rows.filter((r) => {
      const type = r.type as number;
      return (type & 1) !== 0 && (type & 2) !== 0 && (type & 8) !== 0 && (type & 16) !== 0 && r.enabled !== 'D';
    });
    expect(guards.map((r) => r.name)).toEqual(['audit_log_append_only']);
  });

  it('refuses to change or delete a written row', async () => {
    const workspaceId = newId();
    await database.execute(
      `insert into audit_log (workspace_id, seq, id, at, action, entity_type, prev_hash, hash)
       values ($1, 1, $2, now(), 'test.write', 'test', 'genesis', 'hash')`,
      [workspaceId, newId()],
    );
    await expect(
      database.execute(`update audit_log set action = 'changed' where workspace_id = $1`, [workspaceId]),
    ).rejects.toThrow(/append-only/);
    await expect(database.execute(`delete from audit_log where workspace_id = $1`, [workspaceId])).rejects.toThrow(
      /append-only/,
    );
    const { rows } = await database.execute(`select action from audit_log where workspace_id = $1`, [workspaceId]);
    expect(rows).toEqual([{ action: 'test.write' }]);
  });
});
