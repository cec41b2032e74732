import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { fundingParameterValues } from '#src/modules/funding/db/schema.ts';
import type { Confidence, WorkspaceParameterValue } from '#src/modules/funding/domain/parameters.ts';

export type ParameterValueRow = typeof fundingParameterValues.$inferSelect;
export type ParameterValueValues = Omit<typeof fundingParameterValues.$inferInsert, 'workspaceId' | 'id'>;

export const workspaceValueOf = (row: ParameterValueRow): WorkspaceParameterValue => ({
  id: row.id,
  parameterId: row.parameterId,
  from: row.fromOn,
  to: row.toOn,
  value: row.value,
  confidence: row.confidence as Confidence,
  sourceTitle: row.sourceTitle,
  sourceUrl: row.sourceUrl,
  note: row.note,
});

/** Every value the workspace entered, withdrawn ones included (the page shows them as history). */
export function listParameterValueRows(db: Db, workspaceId: string): Promise<ParameterValueRow[]> {
  return db
    .select()
    .from(fundingParameterValues)
    .where(eq(fundingParameterValues.workspaceId, workspaceId))
    .orderBy(asc(fundingParameterValues.parameterId), asc(fundingParameterValues.fromOn));
}

/** The values in use: what the workspace's simulations and plans layer on the shipped ones. */
export async function listParameterValues(db: Db, workspaceId: string): Promise<WorkspaceParameterValue[]> {
  const rows = await db
    .select()
    .from(fundingParameterValues)
    .where(and(eq(fundingParameterValues.workspaceId, workspaceId), isNull(fundingParameterValues.archivedAt)))
    .orderBy(asc(fundingParameterValues.parameterId), asc(fundingParameterValues.fromOn));
  return rows.map(workspaceValueOf);
}

/** Serialises the writes on one parameter of a workspace, so that two values saved at once cannot overlap. */
export async function lockParameter(tx: Db, workspaceId: string, parameterId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${workspaceId}:${parameterId}`}::text, 31))`);
}

export async function findParameterValue(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(fundingParameterValues)
    .where(and(eq(fundingParameterValues.workspaceId, workspaceId), eq(fundingParameterValues.id, id)))
    .for('update');
  return row;
}

export async function insertParameterValue(db: Db, row: typeof fundingParameterValues.$inferInsert) {
  await db.insert(fundingParameterValues).values(row);
}

export async function updateParameterValue(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<ParameterValueValues>,
) {
  await db
    .update(fundingParameterValues)
    .set({ ...values, revision: sql`${fundingParameterValues.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(fundingParameterValues.workspaceId, workspaceId), eq(fundingParameterValues.id, id)));
}
