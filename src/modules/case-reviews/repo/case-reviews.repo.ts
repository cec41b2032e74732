import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import {
  caseReviewDecisions,
  caseReviewItems,
  caseReviewParticipants,
  caseReviews,
} from '#src/modules/case-reviews/db/schema.ts';

/** Who may see a meeting: its participants, and the organisation-wide roles of the organising organisation. */
export type CaseReviewScope = { workspaceId: string; userId: string; organizationWideIds: string[] };

export type CaseReviewRow = typeof caseReviews.$inferSelect;
export type CaseReviewItemRow = typeof caseReviewItems.$inferSelect;
export type CaseReviewDecisionRow = typeof caseReviewDecisions.$inferSelect;

function visibleTo(scope: CaseReviewScope): SQL {
  const participates = sql`exists (select 1 from ${caseReviewParticipants} p where p.workspace_id = ${caseReviews.workspaceId} and p.case_review_id = ${caseReviews.id} and p.user_id = ${scope.userId})`;
  const clauses: SQL[] = [participates];
  if (scope.organizationWideIds.length > 0)
    clauses.push(inArray(caseReviews.organizationId, scope.organizationWideIds));
  return and(eq(caseReviews.workspaceId, scope.workspaceId), or(...clauses))!;
}

export async function insertCaseReview(
  db: Db,
  row: typeof caseReviews.$inferInsert,
  participantIds: { id: string; userId: string }[],
): Promise<void> {
  await db.insert(caseReviews).values(row);
  await db
    .insert(caseReviewParticipants)
    .values(participantIds.map((p) => ({ ...p, workspaceId: row.workspaceId, caseReviewId: row.id })));
}

/** Upcoming ones soonest first; past ones latest first. */
export async function listVisibleCaseReviews(db: Db, scope: CaseReviewScope, when: 'upcoming' | 'past', now: Date) {
  return db
    .select({
      id: caseReviews.id,
      title: caseReviews.title,
      scheduledAt: caseReviews.scheduledAt,
      place: caseReviews.place,
      organizerUserId: caseReviews.organizerUserId,
      itemCount: sql<number>`(select count(*)::int from ${caseReviewItems} i
        where i.workspace_id = ${outer(caseReviews.workspaceId)} and i.case_review_id = ${outer(caseReviews.id)})`,
    })
    .from(caseReviews)
    .where(
      and(visibleTo(scope), when === 'upcoming' ? gte(caseReviews.scheduledAt, now) : lt(caseReviews.scheduledAt, now)),
    )
    .orderBy(when === 'upcoming' ? asc(caseReviews.scheduledAt) : desc(caseReviews.scheduledAt))
    .limit(200);
}

export async function findVisibleCaseReview(db: Db, scope: CaseReviewScope, id: string): Promise<CaseReviewRow | null> {
  const [row] = await db
    .select()
    .from(caseReviews)
    .where(and(visibleTo(scope), eq(caseReviews.id, id)));
  return row ?? null;
}

export async function listParticipantIds(db: Db, workspaceId: string, caseReviewId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: caseReviewParticipants.userId })
    .from(caseReviewParticipants)
    .where(
      and(eq(caseReviewParticipants.workspaceId, workspaceId), eq(caseReviewParticipants.caseReviewId, caseReviewId)),
    );
  return rows.map((r) => r.userId);
}

/** Sets who attends: removes those no longer invited, adds the new ones, leaves the others untouched. */
export async function replaceParticipants(
  db: Db,
  workspaceId: string,
  caseReviewId: string,
  rows: { id: string; userId: string }[],
): Promise<void> {
  const keep = rows.map((r) => r.userId);
  await db
    .delete(caseReviewParticipants)
    .where(
      and(
        eq(caseReviewParticipants.workspaceId, workspaceId),
        eq(caseReviewParticipants.caseReviewId, caseReviewId),
        sql`${caseReviewParticipants.userId} not in ${keep}`,
      ),
    );
  const present = await listParticipantIds(db, workspaceId, caseReviewId);
  const added = rows.filter((r) => !present.includes(r.userId));
  if (added.length > 0)
    await db.insert(caseReviewParticipants).values(added.map((r) => ({ ...r, workspaceId, caseReviewId })));
}

export async function listItems(db: Db, workspaceId: string, caseReviewId: string): Promise<CaseReviewItemRow[]> {
  return db
    .select()
    .from(caseReviewItems)
    .where(and(eq(caseReviewItems.workspaceId, workspaceId), eq(caseReviewItems.caseReviewId, caseReviewId)))
    .orderBy(asc(caseReviewItems.position));
}

export async function listDecisions(db: Db, workspaceId: string, itemIds: string[]): Promise<CaseReviewDecisionRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(caseReviewDecisions)
    .where(and(eq(caseReviewDecisions.workspaceId, workspaceId), inArray(caseReviewDecisions.itemId, itemIds)))
    .orderBy(asc(caseReviewDecisions.createdAt), asc(caseReviewDecisions.id));
}

/** Locks the meeting's agenda so two items added at once get distinct positions. */
export async function lockCaseReview(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .select({ id: caseReviews.id })
    .from(caseReviews)
    .where(and(eq(caseReviews.workspaceId, workspaceId), eq(caseReviews.id, id)))
    .for('update');
}

export async function countItems(db: Db, workspaceId: string, caseReviewId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(caseReviewItems)
    .where(and(eq(caseReviewItems.workspaceId, workspaceId), eq(caseReviewItems.caseReviewId, caseReviewId)));
  return row?.n ?? 0;
}

export async function hasPathwayOnAgenda(db: Db, workspaceId: string, caseReviewId: string, pathwayId: string) {
  const [row] = await db
    .select({ id: caseReviewItems.id })
    .from(caseReviewItems)
    .where(
      and(
        eq(caseReviewItems.workspaceId, workspaceId),
        eq(caseReviewItems.caseReviewId, caseReviewId),
        eq(caseReviewItems.pathwayId, pathwayId),
      ),
    );
  return row !== undefined;
}

export async function insertItem(db: Db, row: typeof caseReviewItems.$inferInsert): Promise<void> {
  await db.insert(caseReviewItems).values(row);
}

export async function findItem(
  db: Db,
  workspaceId: string,
  caseReviewId: string,
  itemId: string,
): Promise<CaseReviewItemRow | null> {
  const [row] = await db
    .select()
    .from(caseReviewItems)
    .where(
      and(
        eq(caseReviewItems.workspaceId, workspaceId),
        eq(caseReviewItems.caseReviewId, caseReviewId),
        eq(caseReviewItems.id, itemId),
      ),
    );
  return row ?? null;
}

export async function setItemSummary(db: Db, workspaceId: string, itemId: string, summary: string | null) {
  await db
    .update(caseReviewItems)
    .set({ summary, updatedAt: sql`now()` })
    .where(and(eq(caseReviewItems.workspaceId, workspaceId), eq(caseReviewItems.id, itemId)));
}

export async function insertDecision(db: Db, row: typeof caseReviewDecisions.$inferInsert): Promise<void> {
  await db.insert(caseReviewDecisions).values(row);
}
