import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { fundingLocalAids } from '#src/modules/funding/db/schema.ts';
import type { LocalAid } from '#src/modules/funding/domain/local-aids.ts';

export type LocalAidRow = typeof fundingLocalAids.$inferSelect;
export type LocalAidValues = Omit<typeof fundingLocalAids.$inferInsert, 'workspaceId' | 'id'>;

export const localAidOf = (row: LocalAidRow): LocalAid & { revision: number } => ({
  id: row.id,
  name: row.name,
  funderName: row.funderName,
  funderKind: row.funderKind as LocalAid['funderKind'],
  description: row.description,
  minAge: row.minAge,
  girMin: row.girMin,
  girMax: row.girMax,
  incomeCeiling: row.incomeCeiling,
  incomeCeilingPerExtraPerson: row.incomeCeilingPerExtraPerson,
  tenures: row.tenures as LocalAid['tenures'],
  retirementSchemes: row.retirementSchemes as LocalAid['retirementSchemes'],
  requiresAnahDecision: row.requiresAnahDecision,
  base: row.base as LocalAid['base'],
  rate: row.rate,
  capCents: row.capCents,
  fixedAmountCents: row.fixedAmountCents,
  inForceFrom: row.inForceFrom,
  inForceTo: row.inForceTo,
  sourceTitle: row.sourceTitle,
  sourceUrl: row.sourceUrl,
  confidence: row.confidence as LocalAid['confidence'],
  revision: row.revision,
});

/** The workspace's aids still offered (archived ones stay for the plans that used them). */
export function listLocalAidRows(db: Db, workspaceId: string): Promise<LocalAidRow[]> {
  return db
    .select()
    .from(fundingLocalAids)
    .where(and(eq(fundingLocalAids.workspaceId, workspaceId), isNull(fundingLocalAids.archivedAt)))
    .orderBy(asc(sql`${fundingLocalAids.name} collate fr_icu`));
}

export const listLocalAids = async (db: Db, workspaceId: string) =>
  (await listLocalAidRows(db, workspaceId)).map(localAidOf);

export async function findLocalAid(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(fundingLocalAids)
    .where(and(eq(fundingLocalAids.workspaceId, workspaceId), eq(fundingLocalAids.id, id)))
    .for('update');
  return row;
}

export async function insertLocalAids(db: Db, rows: (typeof fundingLocalAids.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(fundingLocalAids).values(rows);
}

export async function updateLocalAid(db: Db, workspaceId: string, id: string, values: Partial<LocalAidValues>) {
  await db
    .update(fundingLocalAids)
    .set({ ...values, revision: sql`${fundingLocalAids.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(fundingLocalAids.workspaceId, workspaceId), eq(fundingLocalAids.id, id)));
}
