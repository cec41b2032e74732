import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { aggirAssessments } from '#src/modules/assessments/db/schema.ts';

export type AggirAssessmentRow = typeof aggirAssessments.$inferSelect;

export async function insertAggirAssessment(db: Db, row: typeof aggirAssessments.$inferInsert): Promise<void> {
  await db.insert(aggirAssessments).values(row);
}

/** A person's assessments, the most recent first. */
export async function listAggirAssessments(db: Db, workspaceId: string, personId: string) {
  return db
    .select()
    .from(aggirAssessments)
    .where(and(eq(aggirAssessments.workspaceId, workspaceId), eq(aggirAssessments.personId, personId)))
    .orderBy(desc(aggirAssessments.assessedOn), desc(aggirAssessments.createdAt));
}
