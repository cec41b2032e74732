import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import {
  residenceOccupancies,
  residences,
  residenceUnits,
  residenceWaitingEntries,
  residenceWaitingEvents,
} from '#src/modules/residences/db/schema.ts';

export type ResidenceRow = typeof residences.$inferSelect;
export type UnitRow = typeof residenceUnits.$inferSelect;
export type OccupancyRow = typeof residenceOccupancies.$inferSelect;
export type WaitingEntryRow = typeof residenceWaitingEntries.$inferSelect;
export type WaitingEventRow = typeof residenceWaitingEvents.$inferSelect;
export type WaitingEventInsert = typeof residenceWaitingEvents.$inferInsert;

/**
 * Every residence of the workspace with its counts, by name in French order. The subqueries name the
 * outer table in full: drizzle writes a column of a one-table select without its table.
 */
export async function listResidences(db: Db, workspaceId: string) {
  return db
    .select({
      id: residences.id,
      name: residences.name,
      communeInsee: residences.communeInsee,
      managingOrganizationId: residences.managingOrganizationId,
      capacity: residences.capacity,
      unitCount: sql<number>`(select count(*)::int from ${residenceUnits} u where u.workspace_id = ${outer(residences.workspaceId)} and u.residence_id = ${outer(residences.id)})`,
      occupiedCount: sql<number>`(select count(*)::int from ${residenceUnits} u where u.workspace_id = ${outer(residences.workspaceId)} and u.residence_id = ${outer(residences.id)} and u.status = 'occupied')`,
      vacantCount: sql<number>`(select count(*)::int from ${residenceUnits} u where u.workspace_id = ${outer(residences.workspaceId)} and u.residence_id = ${outer(residences.id)} and u.status = 'vacant')`,
      waitingCount: sql<number>`(select count(*)::int from ${residenceWaitingEntries} w where w.workspace_id = ${outer(residences.workspaceId)} and w.residence_id = ${outer(residences.id)} and w.status in ('waiting', 'offered'))`,
    })
    .from(residences)
    .where(eq(residences.workspaceId, workspaceId))
    .orderBy(sql`${residences.name} collate fr_icu`);
}

/** One residence; `forUpdate` locks it, serialising the changes of its waiting list and units. */
export async function findResidence(
  db: Db,
  workspaceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResidenceRow | null> {
  const query = db
    .select()
    .from(residences)
    .where(and(eq(residences.workspaceId, workspaceId), eq(residences.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertResidence(db: Db, row: typeof residences.$inferInsert): Promise<void> {
  await db.insert(residences).values(row);
}

export async function updateResidence(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<typeof residences.$inferInsert>,
): Promise<void> {
  await db
    .update(residences)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(residences.workspaceId, workspaceId), eq(residences.id, id)));
}

export async function listUnits(db: Db, workspaceId: string, residenceId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(residenceUnits)
    .where(and(eq(residenceUnits.workspaceId, workspaceId), eq(residenceUnits.residenceId, residenceId)))
    .orderBy(sql`${residenceUnits.number} collate fr_icu`);
}

export async function findUnit(
  db: Db,
  workspaceId: string,
  residenceId: string,
  unitId: string,
): Promise<UnitRow | null> {
  const [row] = await db
    .select()
    .from(residenceUnits)
    .where(
      and(
        eq(residenceUnits.workspaceId, workspaceId),
        eq(residenceUnits.residenceId, residenceId),
        eq(residenceUnits.id, unitId),
      ),
    );
  return row ?? null;
}

export async function hasUnitNumber(db: Db, workspaceId: string, residenceId: string, number: string, except?: string) {
  const rows = await db
    .select({ id: residenceUnits.id })
    .from(residenceUnits)
    .where(
      and(
        eq(residenceUnits.workspaceId, workspaceId),
        eq(residenceUnits.residenceId, residenceId),
        eq(residenceUnits.number, number),
      ),
    );
  return rows.some((r) => r.id !== except);
}

export async function insertUnit(db: Db, row: typeof residenceUnits.$inferInsert): Promise<void> {
  await db.insert(residenceUnits).values(row);
}

export async function updateUnit(
  db: Db,
  workspaceId: string,
  unitId: string,
  values: Partial<typeof residenceUnits.$inferInsert>,
): Promise<void> {
  await db
    .update(residenceUnits)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(residenceUnits.workspaceId, workspaceId), eq(residenceUnits.id, unitId)));
}

/** The open occupancy of each unit and the last move out of the others. */
export async function listOccupancies(db: Db, workspaceId: string, unitIds: string[]): Promise<OccupancyRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(residenceOccupancies)
    .where(and(eq(residenceOccupancies.workspaceId, workspaceId), inArray(residenceOccupancies.unitId, unitIds)))
    .orderBy(asc(residenceOccupancies.movedInOn));
}

export async function findOpenOccupancy(db: Db, workspaceId: string, unitId: string): Promise<OccupancyRow | null> {
  const [row] = await db
    .select()
    .from(residenceOccupancies)
    .where(
      and(
        eq(residenceOccupancies.workspaceId, workspaceId),
        eq(residenceOccupancies.unitId, unitId),
        isNull(residenceOccupancies.movedOutOn),
      ),
    );
  return row ?? null;
}

export async function personHasOpenOccupancy(db: Db, workspaceId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: residenceOccupancies.id })
    .from(residenceOccupancies)
    .where(
      and(
        eq(residenceOccupancies.workspaceId, workspaceId),
        eq(residenceOccupancies.personId, personId),
        isNull(residenceOccupancies.movedOutOn),
      ),
    );
  return rows.length > 0;
}

export async function insertOccupancy(db: Db, row: typeof residenceOccupancies.$inferInsert): Promise<void> {
  await db.insert(residenceOccupancies).values(row);
}

export async function closeOccupancy(db: Db, workspaceId: string, id: string, movedOutOn: string): Promise<void> {
  await db
    .update(residenceOccupancies)
    .set({ movedOutOn })
    .where(and(eq(residenceOccupancies.workspaceId, workspaceId), eq(residenceOccupancies.id, id)));
}

/** The active entries in list order, then the closed ones latest first. */
export async function listWaitingEntries(db: Db, workspaceId: string, residenceId: string): Promise<WaitingEntryRow[]> {
  return db
    .select()
    .from(residenceWaitingEntries)
    .where(
      and(eq(residenceWaitingEntries.workspaceId, workspaceId), eq(residenceWaitingEntries.residenceId, residenceId)),
    )
    .orderBy(
      asc(sql`${residenceWaitingEntries.position} is null`),
      asc(residenceWaitingEntries.position),
      desc(residenceWaitingEntries.updatedAt),
    );
}

/** The ids of the active entries, position 1 first. */
export async function listActiveEntryIds(db: Db, workspaceId: string, residenceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: residenceWaitingEntries.id })
    .from(residenceWaitingEntries)
    .where(
      and(
        eq(residenceWaitingEntries.workspaceId, workspaceId),
        eq(residenceWaitingEntries.residenceId, residenceId),
        isNotNull(residenceWaitingEntries.position),
      ),
    )
    .orderBy(asc(residenceWaitingEntries.position));
  return rows.map((r) => r.id);
}

export async function findWaitingEntry(
  db: Db,
  workspaceId: string,
  residenceId: string,
  entryId: string,
): Promise<WaitingEntryRow | null> {
  const [row] = await db
    .select()
    .from(residenceWaitingEntries)
    .where(
      and(
        eq(residenceWaitingEntries.workspaceId, workspaceId),
        eq(residenceWaitingEntries.residenceId, residenceId),
        eq(residenceWaitingEntries.id, entryId),
      ),
    );
  return row ?? null;
}

export async function hasActiveEntry(db: Db, workspaceId: string, residenceId: string, personId: string) {
  const rows = await db
    .select({ id: residenceWaitingEntries.id })
    .from(residenceWaitingEntries)
    .where(
      and(
        eq(residenceWaitingEntries.workspaceId, workspaceId),
        eq(residenceWaitingEntries.residenceId, residenceId),
        eq(residenceWaitingEntries.personId, personId),
        inArray(residenceWaitingEntries.status, ['waiting', 'offered']),
      ),
    );
  return rows.length > 0;
}

export async function insertWaitingEntry(db: Db, row: typeof residenceWaitingEntries.$inferInsert): Promise<void> {
  await db.insert(residenceWaitingEntries).values(row);
}

export async function updateWaitingEntry(
  db: Db,
  workspaceId: string,
  entryId: string,
  values: Partial<typeof residenceWaitingEntries.$inferInsert>,
): Promise<void> {
  await db
    .update(residenceWaitingEntries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(residenceWaitingEntries.workspaceId, workspaceId), eq(residenceWaitingEntries.id, entryId)));
}

export async function insertWaitingEvents(db: Db, rows: WaitingEventInsert[]) {
  if (rows.length > 0) await db.insert(residenceWaitingEvents).values(rows);
}

export async function listWaitingEvents(db: Db, workspaceId: string, entryIds: string[]): Promise<WaitingEventRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .select()
    .from(residenceWaitingEvents)
    .where(and(eq(residenceWaitingEvents.workspaceId, workspaceId), inArray(residenceWaitingEvents.entryId, entryIds)))
    .orderBy(asc(residenceWaitingEvents.at), asc(residenceWaitingEvents.id));
}
