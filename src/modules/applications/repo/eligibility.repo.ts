import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { incomeCeilings, matchingSettings } from '#src/modules/applications/db/schema.ts';

export type CeilingRow = typeof incomeCeilings.$inferSelect;
export type CeilingInsert = typeof incomeCeilings.$inferInsert;
export type MatchingSettingsRow = typeof matchingSettings.$inferSelect;
export type AdmissionValues = Pick<MatchingSettingsRow, 'residenceGirMin' | 'residenceGirMax' | 'asvMaxGir'>;

const c = incomeCeilings;

/** By financing, household size, then the most recent value first. */
export async function listCeilings(db: Db, workspaceId: string): Promise<CeilingRow[]> {
  return db
    .select()
    .from(c)
    .where(eq(c.workspaceId, workspaceId))
    .orderBy(asc(c.financing), asc(c.householdSize), sql`${c.validFrom} desc`);
}

export async function findCeiling(db: Db, workspaceId: string, id: string): Promise<CeilingRow | null> {
  const [row] = await db
    .select()
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.id, id)));
  return row ?? null;
}

/** Another value for the same financing, size and date (the unique index would refuse it). */
export async function findCeilingAt(
  db: Db,
  workspaceId: string,
  key: Pick<CeilingRow, 'financing' | 'householdSize' | 'validFrom'>,
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, workspaceId),
        eq(c.financing, key.financing),
        eq(c.householdSize, key.householdSize),
        eq(c.validFrom, key.validFrom),
      ),
    );
  return row ?? null;
}

export async function insertCeilings(db: Db, rows: CeilingInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(c).values(rows);
}

export async function updateCeiling(db: Db, workspaceId: string, id: string, values: Partial<CeilingInsert>) {
  await db
    .update(c)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(c.workspaceId, workspaceId), eq(c.id, id)));
}

export async function deleteCeiling(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(c).where(and(eq(c.workspaceId, workspaceId), eq(c.id, id)));
}

export async function findMatchingSettings(db: Db, workspaceId: string): Promise<MatchingSettingsRow | null> {
  const [row] = await db.select().from(matchingSettings).where(eq(matchingSettings.workspaceId, workspaceId));
  return row ?? null;
}

/** One row per workspace: created on the first save, then updated. */
export async function upsertMatchingSettings(db: Db, workspaceId: string, id: string, values: AdmissionValues) {
  await db
    .insert(matchingSettings)
    .values({ workspaceId, id, ...values })
    .onConflictDoUpdate({ target: matchingSettings.workspaceId, set: { ...values, updatedAt: new Date() } });
}
