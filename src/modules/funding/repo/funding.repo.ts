import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { pathwayReferentOf } from '#src/modules/pathways/index.ts';
import { stallDaysOf } from '#src/modules/funding/domain/application.ts';
import {
  fundingApplicationEvents,
  fundingApplications,
  fundingPlans,
  fundingProjects,
  fundingQuotes,
} from '#src/modules/funding/db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const MPA_STALL_DAYS = stallDaysOf('mpa');
const STALL_DAYS = stallDaysOf('');

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
      quotes: sql<number>`(select count(*)::int from ${fundingQuotes} q where q.workspace_id = ${outer(fundingProjects.workspaceId)} and q.project_id = ${outer(fundingProjects.id)})`,
      outOfPocketCents: sql<
        number | null
      >`(select p.out_of_pocket_cents from ${fundingPlans} p where p.workspace_id = ${outer(fundingProjects.workspaceId)} and p.project_id = ${outer(fundingProjects.id)} order by p.created_at desc limit 1)`.mapWith(
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
  return (
    db
      .select({
        applicationId: fundingApplicationEvents.applicationId,
        status: fundingApplicationEvents.status,
        occurredOn: fundingApplicationEvents.occurredOn,
        amountCents: fundingApplicationEvents.amountCents,
        note: fundingApplicationEvents.note,
        // The user table belongs to the platform: read through SQL rather than its schema.
        byName: sql<string | null>`(select u.name from auth_user u where u.id = ${fundingApplicationEvents.byUserId})`,
      })
      .from(fundingApplicationEvents)
      .where(
        and(
          eq(fundingApplicationEvents.workspaceId, workspaceId),
          inArray(fundingApplicationEvents.applicationId, applicationIds),
        ),
      )
      // In the order the steps were recorded: a draft may be written after a file was filed on paper.
      .orderBy(asc(fundingApplicationEvents.createdAt), asc(fundingApplicationEvents.id))
  );
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

/**
 * Applications whose last step is older than their funder's usual delay and not reminded lately, with the
 * referent of their pathway (who is reminded).
 */
export async function stalledApplications(db: Db, today: string, remindAgainBefore: Date, limit: number) {
  const result = await db.execute(sql`
    select a.workspace_id as "workspaceId", a.id, a.funder, a.last_step_on::text as "lastStepOn",
           pr.id as "projectId", ${pathwayReferentOf(sql`pr.workspace_id`, sql`pr.pathway_id`)} as "referentUserId"
    from ${fundingApplications} a
    join ${fundingPlans} p on p.workspace_id = a.workspace_id and p.id = a.plan_id
    join ${fundingProjects} pr on pr.workspace_id = p.workspace_id and pr.id = p.project_id
    where a.status in ('submitted', 'more_info_requested', 'accepted')
      and a.last_step_on <= ${today}::date - (case when a.aid = 'mpa' then ${MPA_STALL_DAYS} else ${STALL_DAYS} end)::int
      and (a.reminded_at is null or a.reminded_at < ${remindAgainBefore.toISOString()}::timestamptz)
    order by a.last_step_on
    limit ${limit}`);
  return rowsOf<{
    workspaceId: string;
    id: string;
    funder: string;
    lastStepOn: string;
    projectId: string;
    referentUserId: string;
  }>(result);
}

/** Claims the reminder of a stalled application; false when another run took it. */
export async function claimStallReminder(db: Db, workspaceId: string, id: string, remindAgainBefore: Date) {
  const result = await db.execute(sql`
    update ${fundingApplications} set reminded_at = now()
    where workspace_id = ${workspaceId} and id = ${id}
      and (reminded_at is null or reminded_at < ${remindAgainBefore.toISOString()}::timestamptz)
    returning id`);
  return rowsOf(result).length > 0;
}

export type FollowUpKind = 'tax_declaration' | 'usage_check';
const followUpColumns = {
  tax_declaration: { due: sql.raw('tax_declaration_due_on'), reminded: sql.raw('tax_declaration_reminded_at') },
  usage_check: { due: sql.raw('usage_check_due_on'), reminded: sql.raw('usage_check_reminded_at') },
};

/** Plans whose N+1 follow-up of a kind is due today or earlier and not yet reminded. */
export async function dueFollowUps(db: Db, kind: FollowUpKind, today: string, limit: number) {
  const c = followUpColumns[kind];
  const result = await db.execute(sql`
    select p.workspace_id as "workspaceId", p.id, pr.id as "projectId",
           ${pathwayReferentOf(sql`pr.workspace_id`, sql`pr.pathway_id`)} as "referentUserId"
    from ${fundingPlans} p
    join ${fundingProjects} pr on pr.workspace_id = p.workspace_id and pr.id = p.project_id
    where p.${c.due} <= ${today}::date and p.${c.reminded} is null
    order by p.${c.due}
    limit ${limit}`);
  return rowsOf<{ workspaceId: string; id: string; projectId: string; referentUserId: string }>(result);
}

export async function claimFollowUp(db: Db, kind: FollowUpKind, workspaceId: string, id: string) {
  const c = followUpColumns[kind];
  const result = await db.execute(sql`
    update ${fundingPlans} p set ${c.reminded} = now()
    where p.workspace_id = ${workspaceId} and p.id = ${id} and p.${c.reminded} is null
    returning p.id`);
  return rowsOf(result).length > 0;
}

/** Per funder over a period (applications submitted in it): counts, sums requested and obtained, decision days. */
export async function applicationsByFunder(db: Db, workspaceId: string, from: string, to: string) {
  const result = await db.execute(sql`
    select funder, count(*)::int as applications,
           coalesce(sum(requested_cents), 0)::bigint as "requestedCents",
           coalesce(sum(granted_cents) filter (where status in ('accepted', 'paid')), 0)::bigint as "obtainedCents",
           percentile_cont(0.5) within group (order by decided_on - submitted_on)
             filter (where decided_on is not null) as "medianDecisionDays"
    from ${fundingApplications}
    where workspace_id = ${workspaceId} and submitted_on between ${from}::date and ${to}::date
    group by funder
    order by funder collate fr_icu`);
  return rowsOf<{
    funder: string;
    applications: number;
    requestedCents: string | number;
    obtainedCents: string | number;
    medianDecisionDays: number | null;
  }>(result).map((r) => ({
    ...r,
    requestedCents: Number(r.requestedCents),
    obtainedCents: Number(r.obtainedCents),
    medianDecisionDays: r.medianDecisionDays === null ? null : Number(r.medianDecisionDays),
  }));
}

/** The out-of-pocket amount of the latest plan of each project whose plan was saved in the period. */
export async function latestOutOfPocket(db: Db, workspaceId: string, from: string, to: string) {
  const result = await db.execute(sql`
    select distinct on (project_id) out_of_pocket_cents::bigint as cents
    from ${fundingPlans}
    where workspace_id = ${workspaceId}
      and (created_at at time zone 'Europe/Paris')::date between ${from}::date and ${to}::date
    order by project_id, created_at desc`);
  return rowsOf<{ cents: string | number }>(result).map((r) => Number(r.cents));
}
