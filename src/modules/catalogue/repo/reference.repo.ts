import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { distributors, isoCodes } from '#src/modules/catalogue/db/schema.ts';

const distributorColumns = {
  id: distributors.id,
  name: distributors.name,
  isLocal: distributors.isLocal,
  addressLine: distributors.addressLine,
  postalCode: distributors.postalCode,
  city: distributors.city,
  phone: distributors.phone,
  email: distributors.email,
  website: distributors.website,
};

export async function listDistributors(db: Db, workspaceId: string) {
  return db
    .select(distributorColumns)
    .from(distributors)
    .where(eq(distributors.workspaceId, workspaceId))
    .orderBy(sql`${distributors.name} collate fr_icu`);
}

export async function findDistributor(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select(distributorColumns)
    .from(distributors)
    .where(and(eq(distributors.workspaceId, workspaceId), eq(distributors.id, id)));
  return row ?? null;
}

export async function insertDistributors(db: Db, rows: (typeof distributors.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(distributors).values(rows);
}

export async function updateDistributor(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Omit<typeof distributors.$inferInsert, 'workspaceId' | 'id'>,
) {
  await db
    .update(distributors)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(distributors.workspaceId, workspaceId), eq(distributors.id, id)));
}

export async function listIsoCodes(db: Db, workspaceId: string) {
  return db
    .select({ code: isoCodes.code, edition: isoCodes.edition, label: isoCodes.label })
    .from(isoCodes)
    .where(eq(isoCodes.workspaceId, workspaceId))
    .orderBy(asc(isoCodes.edition), asc(isoCodes.code));
}

/** Adds the codes, or relabels those already in the list; returns which codes were already there. */
export async function upsertIsoCodes(
  db: Db,
  workspaceId: string,
  edition: string,
  rows: { id: string; code: string; label: string; importedBy: string | null }[],
) {
  const existing = new Set(
    (
      await db
        .select({ code: isoCodes.code })
        .from(isoCodes)
        .where(and(eq(isoCodes.workspaceId, workspaceId), eq(isoCodes.edition, edition)))
    ).map((r) => r.code),
  );
  // Chunked: a licensed list holds around a thousand codes, far from the bind-parameter limit per chunk.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(isoCodes)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, workspaceId, edition })))
      .onConflictDoUpdate({
        target: [isoCodes.workspaceId, isoCodes.edition, isoCodes.code],
        set: { label: sql`excluded.label`, importedBy: sql`excluded.imported_by` },
      });
  }
  return existing;
}
