import { sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';

export type PersonReference = { table: string; column: string; workspaceColumn: string | null };

/**
 * Every foreign key that points at `persons`, read from the catalog: the tables other modules add
 * later (referrals, pathways, journals…) are found without code changes. The self-reference of
 * a merged file is left out.
 */
export async function listPersonReferences(db: Db): Promise<PersonReference[]> {
  const result = await db.execute(sql`
    select c.conrelid::regclass::text as "table",
           max(a.attname) filter (where fa.attname = 'id') as "column",
           max(a.attname) filter (where fa.attname = 'workspace_id') as "workspaceColumn"
    from pg_constraint c
    cross join lateral unnest(c.conkey, c.confkey) as k(col, fcol)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
    join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = k.fcol
    where c.contype = 'f' and c.confrelid = 'persons'::regclass and c.conrelid <> 'persons'::regclass
    group by c.oid, c.conrelid
    order by 1, 2`);
  return (result as { rows: PersonReference[] }).rows.filter((r) => r.column !== null);
}

/** Re-points one table's references from the duplicate to the kept file; returns how many rows moved. */
export async function repointReferences(
  db: Db,
  reference: PersonReference,
  input: { workspaceId: string; duplicateId: string; keptId: string },
): Promise<number> {
  const table = sql.raw(reference.table);
  const column = sql.identifier(reference.column);
  const sameWorkspace = reference.workspaceColumn
    ? sql` and ${sql.identifier(reference.workspaceColumn)} = ${input.workspaceId}`
    : sql``;
  const result = await db.execute(
    sql`update ${table} set ${column} = ${input.keptId} where ${column} = ${input.duplicateId}${sameWorkspace} returning 1`,
  );
  // Both drivers return the rows; only node-postgres also reports a row count.
  return (result as { rows: unknown[] }).rows.length;
}
