import { and, asc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { caseTeamIncludes, type PersonScope } from '#src/modules/people/index.ts';
import {
  applicationRenewalReminders,
  housingApplications,
  pointsOfInterest,
} from '#src/modules/applications/db/schema.ts';
import { liveStatuses } from '#src/modules/applications/domain/vocabulary.ts';

export type ApplicationRow = typeof housingApplications.$inferSelect;
export type ApplicationInsert = typeof housingApplications.$inferInsert;
export type ApplicationWithPerson = ApplicationRow & { personName: string };
export type PoiRow = typeof pointsOfInterest.$inferSelect;

const a = housingApplications;
// The person file and the pathway belong to other modules, reached only through their index: their tables
// are named in SQL here, as the pathways module does for persons.
const personName = sql<string>`(select p.first_name || ' ' || p.last_name from persons p where p.workspace_id = ${outer(a.workspaceId)} and p.id = ${outer(a.personId)})`;

/**
 * The pathways' row rule applied to an application: its pathway's referent, the person's case team, or an
 * organisation-wide role in the pathway's owning organisation.
 */
export function applicationVisibleTo(scope: PersonScope): SQL {
  const orgWide =
    scope.organizationWideIds.length > 0
      ? sql`or pw.owning_organization_id in (${sql.join(
          scope.organizationWideIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
  return and(
    eq(a.workspaceId, scope.workspaceId),
    or(
      caseTeamIncludes(a.workspaceId, a.personId, scope.userId),
      sql`exists (select 1 from pathways pw where pw.workspace_id = ${outer(a.workspaceId)} and pw.id = ${outer(a.pathwayId)}
        and (pw.referent_user_id = ${scope.userId} ${orgWide}))`,
    ),
  )!;
}

export async function insertApplication(db: Db, row: ApplicationInsert): Promise<void> {
  await db.insert(a).values(row);
}

export async function updateApplicationRow(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<ApplicationInsert>,
): Promise<void> {
  await db
    .update(a)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(a.workspaceId, workspaceId), eq(a.id, id)));
}

export async function findApplication(db: Db, workspaceId: string, id: string): Promise<ApplicationWithPerson | null> {
  const [found] = await db
    .select({ row: a, personName })
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), eq(a.id, id)));
  return found ? { ...found.row, personName: found.personName } : null;
}

export async function findApplicationBySne(db: Db, workspaceId: string, sneNumber: string) {
  const [row] = await db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), eq(a.sneNumber, sneNumber)));
  return row ?? null;
}

export async function listVisibleApplications(
  db: Db,
  scope: PersonScope,
  filter: { pathwayId?: string; personId?: string },
): Promise<ApplicationWithPerson[]> {
  const rows = await db
    .select({ row: a, personName })
    .from(a)
    .where(
      and(
        applicationVisibleTo(scope),
        filter.pathwayId ? eq(a.pathwayId, filter.pathwayId) : undefined,
        filter.personId ? eq(a.personId, filter.personId) : undefined,
      ),
    )
    .orderBy(asc(a.expiresOn));
  return rows.map((r) => ({ ...r.row, personName: r.personName }));
}

/** Every application still looking for a home in the workspace, for the reverse view of a unit. */
export async function listLiveApplications(db: Db, workspaceId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), inArray(a.status, [...liveStatuses])));
}

/** Of these applications, the ones the scope may see, with the person's name. */
export async function namesVisibleTo(db: Db, scope: PersonScope, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: a.id, personName })
    .from(a)
    .where(and(applicationVisibleTo(scope), inArray(a.id, ids)));
  return new Map(rows.map((r) => [r.id, r.personName]));
}

/**
 * Live applications, across workspaces, expiring within each window (after `from`, up to `to`), with their
 * referent, not yet reminded for that window and that expiry.
 */
export async function applicationsDueForReminder(db: Db, windows: { from: string; to: string; daysBefore: number }[]) {
  const out: {
    workspaceId: string;
    id: string;
    pathwayId: string;
    personId: string;
    expiresOn: string;
    daysBefore: number;
    referentUserId: string;
    personName: string;
  }[] = [];
  for (const { from, to, daysBefore } of windows) {
    const rows = await db
      .select({
        workspaceId: a.workspaceId,
        id: a.id,
        pathwayId: a.pathwayId,
        personId: a.personId,
        expiresOn: a.expiresOn,
        referentUserId: sql<string>`(select pw.referent_user_id from pathways pw where pw.workspace_id = ${outer(a.workspaceId)} and pw.id = ${outer(a.pathwayId)})`,
        personName,
      })
      .from(a)
      .where(
        and(
          inArray(a.status, [...liveStatuses]),
          gt(a.expiresOn, from),
          lte(a.expiresOn, to),
          sql`not exists (select 1 from ${applicationRenewalReminders} r where r.workspace_id = ${outer(a.workspaceId)}
            and r.application_id = ${a.id} and r.expires_on = ${a.expiresOn} and r.days_before = ${daysBefore})`,
        ),
      );
    out.push(...rows.map((r) => ({ ...r, daysBefore })));
  }
  return out;
}

/** Records the reminder; false when another run recorded it first (the unique index decides). */
export async function recordReminder(
  db: Db,
  row: { workspaceId: string; id: string; applicationId: string; expiresOn: string; daysBefore: number },
): Promise<boolean> {
  const inserted = await db
    .insert(applicationRenewalReminders)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: applicationRenewalReminders.id });
  return inserted.length > 0;
}

export async function listPois(db: Db, workspaceId: string): Promise<PoiRow[]> {
  return db
    .select()
    .from(pointsOfInterest)
    .where(eq(pointsOfInterest.workspaceId, workspaceId))
    .orderBy(asc(pointsOfInterest.kind), sql`${pointsOfInterest.name} collate fr_icu`);
}

export async function findPoi(db: Db, workspaceId: string, id: string): Promise<PoiRow | null> {
  const [row] = await db
    .select()
    .from(pointsOfInterest)
    .where(and(eq(pointsOfInterest.workspaceId, workspaceId), eq(pointsOfInterest.id, id)));
  return row ?? null;
}

export async function insertPois(db: Db, rows: (typeof pointsOfInterest.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(pointsOfInterest).values(rows);
}

export async function updatePoi(db: Db, workspaceId: string, id: string, values: Partial<PoiRow>): Promise<void> {
  await db
    .update(pointsOfInterest)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(pointsOfInterest.workspaceId, workspaceId), eq(pointsOfInterest.id, id)));
}

export async function deletePoi(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .delete(pointsOfInterest)
    .where(and(eq(pointsOfInterest.workspaceId, workspaceId), eq(pointsOfInterest.id, id)));
}

/** Seed factories insert in bulk. */
export async function insertApplications(db: Db, rows: ApplicationInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(a).values(rows);
}
