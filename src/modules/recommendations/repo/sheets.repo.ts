import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '#src/shared/db/client.ts';
import { recommendationSheets, recommendationSheetVersions } from '#src/modules/recommendations/db/schema.ts';
import { withAidLeads, type SheetContent } from '#src/modules/recommendations/domain/sheet.ts';

// Rows are read with their content complete: sheets written before aid leads existed get none.
export type SheetRow = Omit<typeof recommendationSheets.$inferSelect, 'content'> & {
  content: SheetContent;
  updatedByName: string;
};
export type VersionInsert = typeof recommendationSheetVersions.$inferInsert;
export type VersionRow = Omit<typeof recommendationSheetVersions.$inferSelect, 'content'> & {
  content: SheetContent;
  handedOverByName: string;
  pathwayId: string;
};

// Users belong to the platform module: their names are read by SQL rather than through its tables.
const nameOf = (userId: AnyPgColumn) => sql<string>`(select name from auth_user u where u.id = ${userId})`;

export async function findSheetOfPathway(db: Db, workspaceId: string, pathwayId: string): Promise<SheetRow | null> {
  const [row] = await db
    .select({ sheet: recommendationSheets, updatedByName: nameOf(recommendationSheets.updatedByUserId) })
    .from(recommendationSheets)
    .where(and(eq(recommendationSheets.workspaceId, workspaceId), eq(recommendationSheets.pathwayId, pathwayId)));
  return row ? { ...row.sheet, content: withAidLeads(row.sheet.content), updatedByName: row.updatedByName } : null;
}

/** Creates the pathway's sheet; false when another writer created it first (one sheet per pathway). */
export async function insertSheet(db: Db, row: typeof recommendationSheets.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(recommendationSheets)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: recommendationSheets.id });
  return inserted.length > 0;
}

/**
 * Writes the draft if it is still at the revision the writer read and bumps the revision; null when
 * someone changed it meanwhile. A hand-over writes the content with its funding leads read again.
 */
export async function updateSheetIfRevision(
  db: Db,
  workspaceId: string,
  id: string,
  revision: number,
  values: { content: SheetContent; updatedByUserId: string },
): Promise<{ revision: number; updatedAt: Date } | null> {
  const [row] = await db
    .update(recommendationSheets)
    .set({ ...values, revision: sql`${recommendationSheets.revision} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(recommendationSheets.workspaceId, workspaceId),
        eq(recommendationSheets.id, id),
        eq(recommendationSheets.revision, revision),
      ),
    )
    .returning({ revision: recommendationSheets.revision, updatedAt: recommendationSheets.updatedAt });
  return row ?? null;
}

export async function latestVersionNumber(db: Db, workspaceId: string, sheetId: string): Promise<number | null> {
  const [row] = await db
    .select({ latest: max(recommendationSheetVersions.version) })
    .from(recommendationSheetVersions)
    .where(
      and(eq(recommendationSheetVersions.workspaceId, workspaceId), eq(recommendationSheetVersions.sheetId, sheetId)),
    );
  return row?.latest ?? null;
}

export async function insertVersion(db: Db, row: VersionInsert): Promise<void> {
  await db.insert(recommendationSheetVersions).values(row);
}

const versionColumns = {
  version: recommendationSheetVersions,
  handedOverByName: nameOf(recommendationSheetVersions.handedOverByUserId),
  pathwayId: recommendationSheets.pathwayId,
};

const versionsJoined = (db: Db) =>
  db
    .select(versionColumns)
    .from(recommendationSheetVersions)
    .innerJoin(
      recommendationSheets,
      and(
        eq(recommendationSheets.workspaceId, recommendationSheetVersions.workspaceId),
        eq(recommendationSheets.id, recommendationSheetVersions.sheetId),
      ),
    );

const flatten = (r: {
  version: typeof recommendationSheetVersions.$inferSelect;
  handedOverByName: string;
  pathwayId: string;
}): VersionRow => ({
  ...r.version,
  content: withAidLeads(r.version.content),
  handedOverByName: r.handedOverByName,
  pathwayId: r.pathwayId,
});

/** The versions of a sheet, the latest first. */
export async function listVersions(db: Db, workspaceId: string, sheetId: string): Promise<VersionRow[]> {
  const rows = await versionsJoined(db)
    .where(
      and(eq(recommendationSheetVersions.workspaceId, workspaceId), eq(recommendationSheetVersions.sheetId, sheetId)),
    )
    .orderBy(desc(recommendationSheetVersions.version));
  return rows.map(flatten);
}

export async function findVersion(db: Db, workspaceId: string, id: string): Promise<VersionRow | null> {
  const [row] = await versionsJoined(db).where(
    and(eq(recommendationSheetVersions.workspaceId, workspaceId), eq(recommendationSheetVersions.id, id)),
  );
  return row ? flatten(row) : null;
}
