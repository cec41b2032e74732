import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { consents } from '#src/modules/people/db/schema.ts';

export type ConsentRow = typeof consents.$inferSelect;

export async function listConsents(db: Db, workspaceId: string, personId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.personId, personId)))
    .orderBy(asc(consents.givenOn), asc(consents.id));
}

export async function findConsent(
  db: Db,
  workspaceId: string,
  personId: string,
  consentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConsentRow | null> {
  const query = db
    .select()
    .from(consents)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.personId, personId), eq(consents.id, consentId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertConsent(db: Db, row: typeof consents.$inferInsert): Promise<void> {
  await db.insert(consents).values(row);
}

export async function markWithdrawn(
  db: Db,
  workspaceId: string,
  consentId: string,
  withdrawal: { withdrawnOn: string; withdrawalReason: string; withdrawnBy: string },
): Promise<void> {
  await db
    .update(consents)
    .set(withdrawal)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.id, consentId)));
}
