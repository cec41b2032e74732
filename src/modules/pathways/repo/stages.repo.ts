import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import type { RequiredField, StageDefinition } from '#src/modules/pathways/domain/stages.ts';
import { pathwayStages, pathways, pathwayTransitions } from '#src/modules/pathways/db/schema.ts';

const stageColumns = {
  id: pathwayStages.id,
  key: pathwayStages.key,
  label: pathwayStages.label,
  position: pathwayStages.position,
  requiredFields: pathwayStages.requiredFields,
  active: pathwayStages.active,
};

export async function listStages(db: Db, workspaceId: string): Promise<StageDefinition[]> {
  const rows = await db
    .select(stageColumns)
    .from(pathwayStages)
    .where(eq(pathwayStages.workspaceId, workspaceId))
    .orderBy(asc(pathwayStages.position), asc(pathwayStages.id));
  return rows.map((r) => ({ ...r, requiredFields: r.requiredFields as RequiredField[] }));
}

/** Inserts stages, skipping keys that already exist (two first uses racing to apply the template). */
export async function insertStages(db: Db, rows: (typeof pathwayStages.$inferInsert)[]): Promise<number> {
  const inserted = await db
    .insert(pathwayStages)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: pathwayStages.id });
  return inserted.length;
}

export async function updateStage(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<Pick<typeof pathwayStages.$inferInsert, 'label' | 'position' | 'requiredFields' | 'active'>>,
): Promise<void> {
  await db
    .update(pathwayStages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(pathwayStages.workspaceId, workspaceId), eq(pathwayStages.id, id)));
}

export async function deleteStage(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(pathwayStages).where(and(eq(pathwayStages.workspaceId, workspaceId), eq(pathwayStages.id, id)));
}

/** How many pathways are in the stage now, and whether any history refers to it. */
export async function stageUsage(db: Db, workspaceId: string, id: string) {
  const [current] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pathways)
    .where(and(eq(pathways.workspaceId, workspaceId), eq(pathways.stageId, id)));
  const [history] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pathwayTransitions)
    .where(
      and(
        eq(pathwayTransitions.workspaceId, workspaceId),
        sql`(${pathwayTransitions.toStageId} = ${id} or ${pathwayTransitions.fromStageId} = ${id})`,
      ),
    );
  return { current: current?.n ?? 0, history: history?.n ?? 0 };
}

/** Per stage: pathways in it now, and whether any transition ever led to or from it. */
export async function stageUsageCounts(db: Db, workspaceId: string) {
  const current = await db
    .select({ stageId: pathways.stageId, n: sql<number>`count(*)::int` })
    .from(pathways)
    .where(eq(pathways.workspaceId, workspaceId))
    .groupBy(pathways.stageId);
  const used = await db
    .selectDistinct({ stageId: pathwayTransitions.toStageId })
    .from(pathwayTransitions)
    .where(eq(pathwayTransitions.workspaceId, workspaceId));
  return { current: new Map(current.map((r) => [r.stageId, r.n])), used: new Set(used.map((r) => r.stageId)) };
}
