import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { users } from '#src/modules/platform/db/schema.ts';
import {
  fundingApplicationEvents,
  fundingApplications,
  fundingPlans,
  fundingProjects,
  fundingQuotes,
} from '#src/modules/funding/db/schema.ts';

export type ProjectRow = typeof fundingProjects.$inferSelect;
export type QuoteRow = typeof fundingQuotes.$inferSelect;
export type PlanRow = typeof fundingPlans.$inferSelect;
export type ApplicationRow = typeof fundingApplications.$inferSelect;
export type ApplicationInsert = typeof fundingApplications.$inferInsert;

/** Seed factories and services write rows through these. */
export async function insertFundingRows(
  db: Db,
  rows: {
    projects?: (typeof fundingProjects.$inferInsert)[];
    quotes?: (typeof fundingQuotes.$inferInsert)[];
    plans?: (typeof fundingPlans.$inferInsert)[];
    applications?: ApplicationInsert[];
    events?: (typeof fundingApplicationEvents.$inferInsert)[];
  },
): Promise<void> {
  if (rows.projects?.length) await db.insert(fundingProjects).values(rows.projects);
  if (rows.quotes?.length) await db.insert(fundingQuotes).values(rows.quotes);
  if (rows.plans?.length) await db.insert(fundingPlans).values(rows.plans);
  if (rows.applications?.length) await db.insert(fundingApplications).values(rows.applications);
  if (rows.events?.length) await db.insert(fundingApplicationEvents).values(rows.events);
}

export async function findProject(db: Db, workspaceId: string, id: string): Promise<ProjectRow | null> {
  const [row] = await db
    .select()
    .from(fundingProjects)
    .where(and(eq(fundingProjects.workspaceId, workspaceId), eq(fundingProjects.id, id)));
  return row ?? null;
}

export async function listProjectsOfPathway(db: Db, workspaceId: string, pathwayId: string) {
  return db
    .select({
      id: fundingProjects.id,
      title: fundingProjects.title,
      createdAt: fundingProjects.createdAt,
      quotes: sql<number>`(select count(*)::int from ${fundingQuotes} q where q.workspace_id = ${fundingProjects.workspaceId} and q.project_id = ${fundingProjects.id})`,
      outOfPocketCents: sql<
        number | null
      >`(select p.out_of_pocket_cents from ${fundingPlans} p where p.workspace_id = ${fundingProjects.workspaceId} and p.project_id = ${fundingProjects.id} order by p.created_at desc limit 1)`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
    })
    .from(fundingProjects)
    .where(and(eq(fundingProjects.workspaceId, workspaceId), eq(fundingProjects.pathwayId, pathwayId)))
    .orderBy(desc(fundingProjects.createdAt));
}

export async function listQuotes(db: Db, workspaceId: string, projectId: string): Promise<QuoteRow[]> {
  return db
    .select()
    .from(fundingQuotes)
    .where(and(eq(fundingQuotes.workspaceId, workspaceId), eq(fundingQuotes.projectId, projectId)))
    .orderBy(asc(fundingQuotes.createdAt), asc(fundingQuotes.id));
}

export async function listPlans(db: Db, workspaceId: string, projectId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(fundingPlans)
    .where(and(eq(fundingPlans.workspaceId, workspaceId), eq(fundingPlans.projectId, projectId)))
    .orderBy(desc(fundingPlans.createdAt), desc(fundingPlans.id));
}

export async function findPlan(db: Db, workspaceId: string, id: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(fundingPlans)
    .where(and(eq(fundingPlans.workspaceId, workspaceId), eq(fundingPlans.id, id)));
  return row ?? null;
}

export async function updatePlan(db: Db, workspaceId: string, id: string, values: Partial<PlanRow>) {
  await db
    .update(fundingPlans)
    .set(values)
    .where(and(eq(fundingPlans.workspaceId, workspaceId), eq(fundingPlans.id, id)));
}

export async function listApplicationsOfPlans(db: Db, workspaceId: string, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(fundingApplications)
    .where(and(eq(fundingApplications.workspaceId, workspaceId), inArray(fundingApplications.planId, planIds)))
    .orderBy(asc(fundingApplications.createdAt), asc(fundingApplications.id));
}

export async function listEvents(db: Db, workspaceId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: fundingApplicationEvents.applicationId,
      status: fundingApplicationEvents.status,
      occurredOn: fundingApplicationEvents.occurredOn,
      amountCents: fundingApplicationEvents.amountCents,
      note: fundingApplicationEvents.note,
      byName: users.name,
    })
    .from(fundingApplicationEvents)
    .leftJoin(users, eq(users.id, fundingApplicationEvents.byUserId))
    .where(
      and(
        eq(fundingApplicationEvents.workspaceId, workspaceId),
        inArray(fundingApplicationEvents.applicationId, applicationIds),
      ),
    )
    .orderBy(asc(fundingApplicationEvents.occurredOn), asc(fundingApplicationEvents.createdAt));
}

/** The application with its plan's project, locked for a change. */
export async function findApplicationForUpdate(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({ application: fundingApplications, projectId: fundingPlans.projectId })
    .from(fundingApplications)
    .innerJoin(
      fundingPlans,
      and(
        eq(fundingPlans.workspaceId, fundingApplications.workspaceId),
        eq(fundingPlans.id, fundingApplications.planId),
      ),
    )
    .where(and(eq(fundingApplications.workspaceId, workspaceId), eq(fundingApplications.id, id)))
    .for('update', { of: fundingApplications });
  return row ?? null;
}

export async function updateApplication(db: Db, workspaceId: string, id: string, values: Partial<ApplicationInsert>) {
  await db
    .update(fundingApplications)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(fundingApplications.workspaceId, workspaceId), eq(fundingApplications.id, id)));
}
