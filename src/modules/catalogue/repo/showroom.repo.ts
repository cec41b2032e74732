import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { loanAgreements, products, showroomItems } from '#src/modules/catalogue/db/schema.ts';

/** An item's revision: the microsecond of its last change, exact where a JavaScript date would round it. */
const itemRevision = sql<string>`(extract(epoch from ${showroomItems.updatedAt}) * 1000000)::bigint::text`;

export async function listItems(db: Db, workspaceId: string) {
  return db
    .select({
      id: showroomItems.id,
      productId: showroomItems.productId,
      productName: products.name,
      isoCode: products.primaryIsoCode,
      location: showroomItems.location,
      ownership: showroomItems.ownership,
      loanAgreementId: showroomItems.loanAgreementId,
      agreementTitle: loanAgreements.title,
      state: showroomItems.state,
      serialNumber: showroomItems.serialNumber,
      note: showroomItems.note,
      revision: itemRevision,
    })
    .from(showroomItems)
    .innerJoin(
      products,
      and(eq(products.workspaceId, showroomItems.workspaceId), eq(products.id, showroomItems.productId)),
    )
    .leftJoin(
      loanAgreements,
      and(
        eq(loanAgreements.workspaceId, showroomItems.workspaceId),
        eq(loanAgreements.id, showroomItems.loanAgreementId),
      ),
    )
    .where(eq(showroomItems.workspaceId, workspaceId))
    .orderBy(sql`${products.name} collate fr_icu`, asc(showroomItems.id));
}

export async function listAgreements(db: Db, workspaceId: string) {
  return db
    .select({
      id: loanAgreements.id,
      partnerOrganizationId: loanAgreements.partnerOrganizationId,
      title: loanAgreements.title,
      startsOn: loanAgreements.startsOn,
      endsOn: loanAgreements.endsOn,
      terms: loanAgreements.terms,
      reminderDays: loanAgreements.reminderDays,
      itemCount: sql<number>`(select count(*)::int from ${showroomItems} i
        where i.workspace_id = ${outer(loanAgreements.workspaceId)}
          and i.loan_agreement_id = ${outer(loanAgreements.id)})`,
    })
    .from(loanAgreements)
    .where(eq(loanAgreements.workspaceId, workspaceId))
    .orderBy(asc(loanAgreements.endsOn), asc(loanAgreements.id));
}

export async function findItem(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(showroomItems)
    .where(and(eq(showroomItems.workspaceId, workspaceId), eq(showroomItems.id, id)));
  return row ?? null;
}

export async function findAgreement(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(loanAgreements)
    .where(and(eq(loanAgreements.workspaceId, workspaceId), eq(loanAgreements.id, id)));
  return row ?? null;
}

export async function insertItems(db: Db, rows: (typeof showroomItems.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(showroomItems).values(rows);
}

/** Changes the item if it is still at the revision read; false when it changed since. */
export async function updateItem(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Omit<typeof showroomItems.$inferInsert, 'workspaceId' | 'id'>,
  revision: string,
) {
  const rows = await db
    .update(showroomItems)
    // clock_timestamp(): two changes in one transaction still get two revisions.
    .set({ ...fields, updatedAt: sql`clock_timestamp()` })
    .where(
      and(eq(showroomItems.workspaceId, workspaceId), eq(showroomItems.id, id), sql`${itemRevision} = ${revision}`),
    )
    .returning({ id: showroomItems.id });
  return rows.length > 0;
}

export async function insertAgreements(db: Db, rows: (typeof loanAgreements.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(loanAgreements).values(rows);
}

export async function updateAgreement(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Omit<typeof loanAgreements.$inferInsert, 'workspaceId' | 'id'>,
) {
  await db
    .update(loanAgreements)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(loanAgreements.workspaceId, workspaceId), eq(loanAgreements.id, id)));
}

/** Agreements of every workspace whose reminder date has come and whose team has not been reminded yet. */
export async function agreementsDueForReminder(db: Db, today: string) {
  return db
    .select({
      workspaceId: loanAgreements.workspaceId,
      id: loanAgreements.id,
      title: loanAgreements.title,
      endsOn: loanAgreements.endsOn,
      partnerOrganizationId: loanAgreements.partnerOrganizationId,
    })
    .from(loanAgreements)
    .where(
      and(
        isNull(loanAgreements.remindedAt),
        sql`${loanAgreements.endsOn} >= ${today}::date`,
        sql`${loanAgreements.endsOn} - ${loanAgreements.reminderDays} <= ${today}::date`,
      ),
    );
}

/** Marks the reminder as sent; false when another run already did. */
export async function markReminded(db: Db, workspaceId: string, id: string) {
  const rows = await db
    .update(loanAgreements)
    .set({ remindedAt: sql`now()` })
    .where(
      and(eq(loanAgreements.workspaceId, workspaceId), eq(loanAgreements.id, id), isNull(loanAgreements.remindedAt)),
    )
    .returning({ id: loanAgreements.id });
  return rows.length > 0;
}
