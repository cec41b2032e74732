import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { caseTeamIncludes } from '#src/modules/people/index.ts';
import { pathwayReferentOf } from '#src/modules/pathways/index.ts';
import { allocationCommittees, offerRefusals, offers } from '#src/modules/offers/db/schema.ts';

export type OfferRow = typeof offers.$inferSelect;
export type NewOfferRow = typeof offers.$inferInsert;
export type RefusalRow = typeof offerRefusals.$inferSelect;
export type CommitteeRow = typeof allocationCommittees.$inferSelect;

/**
 * Who sees which offers: the whole workspace for housing officers; a landlord's staff, the offers on
 * their organisation's units; everyone else, the offers made to people whose case team they are on.
 */
export type OfferScope = { workspaceId: string; userId: string; all: boolean; landlordIds: string[] };

function inScope(scope: OfferScope): SQL {
  if (scope.all) return eq(offers.workspaceId, scope.workspaceId);
  const visible: SQL[] = [caseTeamIncludes(offers.workspaceId, offers.personId, scope.userId)];
  if (scope.landlordIds.length > 0) visible.push(inArray(offers.landlordOrganizationId, scope.landlordIds));
  return and(eq(offers.workspaceId, scope.workspaceId), or(...visible))!;
}

// The application, the person file and the organisation belong to other modules, reached only through their
// index: these reads name their tables in SQL rather than importing their table objects.
const sneNumber = sql<string>`(select ha.sne_number from housing_applications ha where ha.workspace_id = ${outer(offers.workspaceId)} and ha.id = ${outer(offers.applicationId)})`;
const personName = sql<string>`(select p.first_name || ' ' || p.last_name from persons p where p.workspace_id = ${outer(offers.workspaceId)} and p.id = ${outer(offers.personId)})`;
const landlordName = sql<string>`(select o.name from organizations o where o.workspace_id = ${outer(offers.workspaceId)} and o.id = ${outer(offers.landlordOrganizationId)})`;
const listColumns = { offer: offers, sneNumber, personName, landlordName };

export type OfferListRow = OfferRow & { sneNumber: string; personName: string; landlordName: string };
const flatten = (r: {
  offer: OfferRow;
  sneNumber: string;
  personName: string;
  landlordName: string;
}): OfferListRow => ({
  ...r.offer,
  sneNumber: r.sneNumber,
  personName: r.personName,
  landlordName: r.landlordName,
});

/** A live application by its numéro unique (stored normalised: upper case, no spaces or dashes). */
export async function findApplicationBySneNumber(db: Db, workspaceId: string, raw: string) {
  const result = await db.execute(
    sql`select id::text as id, person_id::text as "personId", pathway_id::text as "pathwayId" from housing_applications
      where workspace_id = ${workspaceId} and sne_number = upper(regexp_replace(${raw}, '[[:space:]-]', '', 'g'))`,
  );
  return (result as { rows: { id: string; personId: string; pathwayId: string }[] }).rows[0] ?? null;
}

export type OfferFilters = {
  applicationId?: string | undefined;
  personId?: string | undefined;
  status?: string | undefined;
};

export async function listOffers(db: Db, scope: OfferScope, filters: OfferFilters): Promise<OfferListRow[]> {
  const rows = await db
    .select(listColumns)
    .from(offers)
    .where(
      and(
        inScope(scope),
        filters.applicationId ? eq(offers.applicationId, filters.applicationId) : undefined,
        filters.personId ? eq(offers.personId, filters.personId) : undefined,
        filters.status ? eq(offers.status, filters.status) : undefined,
      ),
    )
    .orderBy(desc(offers.proposedOn), asc(offers.id))
    .limit(500);
  return rows.map(flatten);
}

export async function findOfferView(db: Db, scope: OfferScope, id: string): Promise<OfferListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(offers)
    .where(and(inScope(scope), eq(offers.id, id)));
  return row ? flatten(row) : null;
}

export async function findOffer(
  db: Db,
  scope: OfferScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OfferRow | null> {
  const query = db
    .select()
    .from(offers)
    .where(and(inScope(scope), eq(offers.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Another offer that already holds the unit (accepted or moved in), if any. */
export async function findHoldingOffer(db: Db, workspaceId: string, unitId: string, exceptId?: string) {
  const [row] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(
        eq(offers.workspaceId, workspaceId),
        eq(offers.unitId, unitId),
        inArray(offers.status, ['accepted', 'moved_in']),
        exceptId ? ne(offers.id, exceptId) : undefined,
      ),
    );
  return row ?? null;
}

export async function insertOffers(db: Db, rows: NewOfferRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(offers).values(rows);
}

export async function updateOffer(db: Db, workspaceId: string, id: string, values: Partial<NewOfferRow>) {
  await db
    .update(offers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(offers.workspaceId, workspaceId), eq(offers.id, id)));
}

export async function insertRefusals(db: Db, rows: (typeof offerRefusals.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(offerRefusals).values(rows);
}

export async function findRefusal(db: Db, workspaceId: string, offerId: string): Promise<RefusalRow | null> {
  const [row] = await db
    .select()
    .from(offerRefusals)
    .where(and(eq(offerRefusals.workspaceId, workspaceId), eq(offerRefusals.offerId, offerId)));
  return row ?? null;
}

export async function insertCommittees(db: Db, rows: (typeof allocationCommittees.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(allocationCommittees).values(rows);
}

/** Committees of the given landlords (all of the workspace's when `landlordIds` is null), latest first. */
export async function listCommittees(db: Db, workspaceId: string, landlordIds: string[] | null) {
  return db
    .select()
    .from(allocationCommittees)
    .where(
      and(
        eq(allocationCommittees.workspaceId, workspaceId),
        landlordIds ? inArray(allocationCommittees.landlordOrganizationId, landlordIds) : undefined,
      ),
    )
    .orderBy(desc(allocationCommittees.heldOn), asc(allocationCommittees.id))
    .limit(200);
}

export async function findCommittee(db: Db, workspaceId: string, id: string): Promise<CommitteeRow | null> {
  const [row] = await db
    .select()
    .from(allocationCommittees)
    .where(and(eq(allocationCommittees.workspaceId, workspaceId), eq(allocationCommittees.id, id)));
  return row ?? null;
}

/**
 * Attributed offers whose reminder day has come (deadline minus the reminder lead, on or before `today`)
 * and that were never reminded, across workspaces: the daily job's sweep.
 */
export async function dueAnswerReminders(db: Db, lastDeadline: string, limit: number) {
  return db
    .select({
      id: offers.id,
      workspaceId: offers.workspaceId,
      unitLabel: offers.unitLabel,
      responseDeadline: offers.responseDeadline,
      referentUserId: sql<string>`${pathwayReferentOf(offers.workspaceId, offers.pathwayId)}`,
    })
    .from(offers)
    .where(
      and(eq(offers.status, 'attributed'), lte(offers.responseDeadline, lastDeadline), isNull(offers.reminderSentAt)),
    )
    .orderBy(asc(offers.responseDeadline))
    .limit(limit);
}

/** Marks the reminder sent if nobody did it first; returns whether this caller claimed it. */
export async function claimAnswerReminder(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const claimed = await db
    .update(offers)
    .set({ reminderSentAt: sql`now()` })
    .where(
      and(
        eq(offers.workspaceId, workspaceId),
        eq(offers.id, id),
        eq(offers.status, 'attributed'),
        isNull(offers.reminderSentAt),
      ),
    )
    .returning({ id: offers.id });
  return claimed.length > 0;
}

/** Serialises decisions about one unit (two acceptances at once) until the transaction ends. */
export async function lockUnitDecisions(tx: Db, unitId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${unitId}::text, 23))`);
}
