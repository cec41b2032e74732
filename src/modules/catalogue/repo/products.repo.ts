import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import {
  distributors,
  isoCodes,
  productDistributors,
  productFiles,
  products,
  productVersions,
  showroomItems,
} from '#src/modules/catalogue/db/schema.ts';

export type ProductRow = typeof products.$inferSelect;
/** The columns a documentalist writes; the rest is bookkeeping. */
export type ProductFields = Omit<
  typeof products.$inferInsert,
  'workspaceId' | 'id' | 'version' | 'createdBy' | 'updatedBy' | 'createdAt' | 'updatedAt'
>;

export async function findProduct(db: Db, workspaceId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertProduct(
  db: Db,
  row: ProductFields & { workspaceId: string; id: string; createdBy: string | null },
) {
  await db.insert(products).values({ ...row, updatedBy: row.createdBy });
}

export async function updateProductRow(
  db: Db,
  workspaceId: string,
  id: string,
  fields: ProductFields & { version: number; updatedBy: string },
) {
  await db
    .update(products)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
}

export async function insertVersion(db: Db, row: typeof productVersions.$inferInsert) {
  await db.insert(productVersions).values(row);
}

export async function listVersions(db: Db, workspaceId: string, productId: string) {
  return db
    .select({
      version: productVersions.version,
      snapshot: productVersions.snapshot,
      changedFields: productVersions.changedFields,
      changedAt: productVersions.changedAt,
      changedBy: productVersions.changedBy,
    })
    .from(productVersions)
    .where(and(eq(productVersions.workspaceId, workspaceId), eq(productVersions.productId, productId)))
    .orderBy(desc(productVersions.version));
}

/** Which of these codes (of this edition) the workspace list holds. */
export async function knownIsoCodes(db: Db, workspaceId: string, edition: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: isoCodes.code, label: isoCodes.label })
    .from(isoCodes)
    .where(and(eq(isoCodes.workspaceId, workspaceId), eq(isoCodes.edition, edition), inArray(isoCodes.code, codes)));
  return new Map(rows.map((r) => [r.code, r.label]));
}

export async function existingDistributorIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: distributors.id })
    .from(distributors)
    .where(and(eq(distributors.workspaceId, workspaceId), inArray(distributors.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Replaces the product's distributor links with these. */
export async function setProductDistributors(
  db: Db,
  workspaceId: string,
  productId: string,
  links: { id: string; distributorId: string }[],
) {
  await db
    .delete(productDistributors)
    .where(and(eq(productDistributors.workspaceId, workspaceId), eq(productDistributors.productId, productId)));
  if (links.length > 0)
    await db.insert(productDistributors).values(links.map((l) => ({ ...l, workspaceId, productId })));
}

export async function distributorIdsOf(db: Db, workspaceId: string, productId: string) {
  const rows = await db
    .select({ id: productDistributors.distributorId })
    .from(productDistributors)
    .where(and(eq(productDistributors.workspaceId, workspaceId), eq(productDistributors.productId, productId)));
  return rows.map((r) => r.id).sort();
}

export async function distributorsOfProduct(db: Db, workspaceId: string, productId: string) {
  return db
    .select({
      id: distributors.id,
      name: distributors.name,
      isLocal: distributors.isLocal,
      addressLine: distributors.addressLine,
      postalCode: distributors.postalCode,
      city: distributors.city,
      phone: distributors.phone,
      email: distributors.email,
      website: distributors.website,
    })
    .from(productDistributors)
    .innerJoin(
      distributors,
      and(
        eq(distributors.workspaceId, productDistributors.workspaceId),
        eq(distributors.id, productDistributors.distributorId),
      ),
    )
    .where(and(eq(productDistributors.workspaceId, workspaceId), eq(productDistributors.productId, productId)))
    .orderBy(desc(distributors.isLocal), sql`${distributors.name} collate fr_icu`);
}

export async function filesOfProduct(db: Db, workspaceId: string, productId: string) {
  return db
    .select({
      id: productFiles.id,
      kind: productFiles.kind,
      caption: productFiles.caption,
      mediaType: productFiles.mediaType,
      byteSize: productFiles.byteSize,
    })
    .from(productFiles)
    .where(and(eq(productFiles.workspaceId, workspaceId), eq(productFiles.productId, productId)))
    .orderBy(asc(productFiles.createdAt));
}

export async function itemsOfProduct(db: Db, workspaceId: string, productId: string) {
  return db
    .select({
      id: showroomItems.id,
      location: showroomItems.location,
      state: showroomItems.state,
      ownership: showroomItems.ownership,
    })
    .from(showroomItems)
    .where(and(eq(showroomItems.workspaceId, workspaceId), eq(showroomItems.productId, productId)))
    .orderBy(asc(showroomItems.location));
}

export async function insertFile(db: Db, row: typeof productFiles.$inferInsert) {
  await db.insert(productFiles).values(row);
}

export async function findFile(db: Db, workspaceId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(productFiles)
    .where(and(eq(productFiles.workspaceId, workspaceId), eq(productFiles.id, fileId)));
  return row ?? null;
}

export async function deleteFile(db: Db, workspaceId: string, fileId: string) {
  await db.delete(productFiles).where(and(eq(productFiles.workspaceId, workspaceId), eq(productFiles.id, fileId)));
}
