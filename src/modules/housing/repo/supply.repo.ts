import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import {
  buildings,
  charterCommitments,
  charterReviews,
  charters,
  charterSignatures,
  landlordContacts,
  landlordLabels,
  landlordProfiles,
  programmePhotos,
  programmes,
  units,
} from '#src/modules/housing/db/schema.ts';
import type { HousingScope } from '#src/modules/housing/domain/scope.ts';
import { inScope } from '#src/modules/housing/repo/units.repo.ts';

export type ProgrammeRecord = typeof programmes.$inferSelect;
export type ProgrammeValues = Omit<
  typeof programmes.$inferInsert,
  'workspaceId' | 'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'searchName'
>;
export type BuildingValues = Omit<
  typeof buildings.$inferInsert,
  'workspaceId' | 'id' | 'version' | 'createdAt' | 'updatedAt' | 'programmeId' | 'organizationId'
>;

const byId = (table: typeof units | typeof buildings | typeof programmes, workspaceId: string, id: string) =>
  and(eq(table.workspaceId, workspaceId), eq(table.id, id));

export async function findProgramme(db: Db, workspaceId: string, id: string): Promise<ProgrammeRecord | null> {
  const [row] = await db
    .select()
    .from(programmes)
    .where(byId(programmes, workspaceId, id));
  return row ?? null;
}

export async function findBuilding(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(buildings)
    .where(byId(buildings, workspaceId, id));
  return row ?? null;
}

export async function findUnit(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(units)
    .where(byId(units, workspaceId, id));
  return row ?? null;
}

export async function buildingsOfProgramme(db: Db, workspaceId: string, programmeId: string) {
  return db
    .select()
    .from(buildings)
    .where(and(eq(buildings.workspaceId, workspaceId), eq(buildings.programmeId, programmeId)))
    .orderBy(asc(buildings.entranceLabel));
}

export async function unitsOfBuilding(db: Db, workspaceId: string, buildingId: string) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.buildingId, buildingId)));
}

export async function insertProgramme(db: Db, row: typeof programmes.$inferInsert) {
  await db.insert(programmes).values(row);
}
export async function insertBuilding(db: Db, row: typeof buildings.$inferInsert) {
  await db.insert(buildings).values(row);
}
export async function insertUnit(db: Db, row: typeof units.$inferInsert) {
  await db.insert(units).values(row);
}

/** Writes only when the row still has the version the writer read; false otherwise. */
export async function updateProgrammeIfVersion(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  values: Partial<ProgrammeValues>,
) {
  const rows = await db
    .update(programmes)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(and(byId(programmes, workspaceId, id), eq(programmes.version, version)))
    .returning({ id: programmes.id });
  return rows.length > 0;
}

export async function updateBuildingIfVersion(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  values: Partial<BuildingValues>,
) {
  const rows = await db
    .update(buildings)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(and(byId(buildings, workspaceId, id), eq(buildings.version, version)))
    .returning({ id: buildings.id });
  return rows.length > 0;
}

export async function updateUnitIfVersion(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  values: Partial<typeof units.$inferInsert>,
) {
  const rows = await db
    .update(units)
    .set({ ...values, version: version + 1, updatedAt: sql`now()` })
    .where(and(byId(units, workspaceId, id), eq(units.version, version)))
    .returning({ id: units.id });
  return rows.length > 0;
}

/** Re-derives the stored level of every unit of a building after its measurements changed. */
export async function setUnitLevels(
  db: Db,
  workspaceId: string,
  levels: { id: string; level: string; flags: string[] }[],
) {
  for (const l of levels) {
    await db
      .update(units)
      .set({ accessLevel: l.level, accessFlags: l.flags, updatedAt: sql`now()` })
      .where(byId(units, workspaceId, l.id));
  }
}

export type UnitListFilter = {
  q?: string;
  organizationId?: string;
  communeInsee?: string;
  typology?: string;
  level?: string;
  status?: string;
  kind?: string;
  programmeId?: string;
};

function unitFilter(scope: HousingScope, f: UnitListFilter): SQL {
  const clauses: SQL[] = [inScope(scope, units)];
  if (f.organizationId) clauses.push(eq(units.organizationId, f.organizationId));
  if (f.programmeId) clauses.push(eq(units.programmeId, f.programmeId));
  if (f.communeInsee)
    clauses.push(or(eq(programmes.communeInsee, f.communeInsee), eq(programmes.historicCommuneInsee, f.communeInsee))!);
  if (f.typology) clauses.push(eq(units.typology, f.typology));
  if (f.level) clauses.push(eq(units.accessLevel, f.level));
  if (f.status) clauses.push(eq(units.status, f.status));
  if (f.kind) clauses.push(eq(programmes.kind, f.kind));
  if (f.q) {
    // Accents and case ignored on the programme name; the landlord's reference matched as typed.
    const needle = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    clauses.push(
      or(
        sql`${programmes.searchName} like immutable_unaccent(lower(${needle}))`,
        ilike(units.landlordUnitRef, needle),
      )!,
    );
  }
  return and(...clauses)!;
}

const listColumns = {
  id: units.id,
  landlordUnitRef: units.landlordUnitRef,
  programmeId: units.programmeId,
  programmeName: programmes.name,
  programmeKind: programmes.kind,
  organizationId: units.organizationId,
  communeInsee: programmes.communeInsee,
  historicCommuneInsee: programmes.historicCommuneInsee,
  floor: units.floor,
  typology: units.typology,
  rentEur: units.rentEur,
  chargesEur: units.chargesEur,
  accessLevel: units.accessLevel,
  status: units.status,
  availableFrom: units.availableFrom,
};

const unitsWithProgramme = (db: Db, columns: Parameters<Db['select']>[0]) =>
  db
    .select(columns)
    .from(units)
    .innerJoin(programmes, and(eq(programmes.workspaceId, units.workspaceId), eq(programmes.id, units.programmeId)));

export async function listUnits(
  db: Db,
  scope: HousingScope,
  filter: UnitListFilter,
  page: { limit: number; offset: number },
) {
  const where = unitFilter(scope, filter);
  const items = await db
    .select(listColumns)
    .from(units)
    .innerJoin(programmes, and(eq(programmes.workspaceId, units.workspaceId), eq(programmes.id, units.programmeId)))
    .where(where)
    .orderBy(sql`${programmes.name} collate fr_icu`, asc(units.landlordUnitRef))
    .limit(page.limit)
    .offset(page.offset);
  const byLevel = (await unitsWithProgramme(db, { key: units.accessLevel, count: count() })
    .where(where)
    .groupBy(units.accessLevel)) as { key: string; count: number }[];
  const byStatus = (await unitsWithProgramme(db, { key: units.status, count: count() })
    .where(where)
    .groupBy(units.status)) as { key: string; count: number }[];
  return { items, byLevel, byStatus, total: byLevel.reduce((sum, c) => sum + Number(c.count), 0) };
}

export async function listProgrammes(db: Db, scope: HousingScope, organizationId?: string) {
  return db
    .select({
      id: programmes.id,
      name: programmes.name,
      kind: programmes.kind,
      phase: programmes.phase,
      organizationId: programmes.organizationId,
      communeInsee: programmes.communeInsee,
      historicCommuneInsee: programmes.historicCommuneInsee,
      unitCount: sql<number>`(select count(*)::int from ${units} u
        where u.workspace_id = ${outer(programmes.workspaceId)} and u.programme_id = ${outer(programmes.id)})`,
    })
    .from(programmes)
    .where(and(inScope(scope, programmes), organizationId ? eq(programmes.organizationId, organizationId) : undefined))
    .orderBy(sql`${programmes.name} collate fr_icu`);
}

export async function photosOfProgramme(db: Db, workspaceId: string, programmeId: string) {
  return db
    .select({ id: programmePhotos.id, caption: programmePhotos.caption, mediaType: programmePhotos.mediaType })
    .from(programmePhotos)
    .where(and(eq(programmePhotos.workspaceId, workspaceId), eq(programmePhotos.programmeId, programmeId)))
    .orderBy(asc(programmePhotos.createdAt));
}

export async function findPhoto(db: Db, workspaceId: string, programmeId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(programmePhotos)
    .where(
      and(
        eq(programmePhotos.workspaceId, workspaceId),
        eq(programmePhotos.programmeId, programmeId),
        eq(programmePhotos.id, photoId),
      ),
    );
  return row ?? null;
}

export async function insertPhoto(db: Db, row: typeof programmePhotos.$inferInsert) {
  await db.insert(programmePhotos).values(row);
}

export async function deletePhoto(db: Db, workspaceId: string, id: string) {
  await db.delete(programmePhotos).where(and(eq(programmePhotos.workspaceId, workspaceId), eq(programmePhotos.id, id)));
}

// ---- Landlords and the charter

export async function findProfile(db: Db, workspaceId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(landlordProfiles)
    .where(and(eq(landlordProfiles.workspaceId, workspaceId), eq(landlordProfiles.organizationId, organizationId)));
  return row ?? null;
}

export async function listProfiles(db: Db, workspaceId: string) {
  return db.select().from(landlordProfiles).where(eq(landlordProfiles.workspaceId, workspaceId));
}

export async function upsertProfile(db: Db, row: typeof landlordProfiles.$inferInsert) {
  await db
    .insert(landlordProfiles)
    .values(row)
    .onConflictDoUpdate({
      target: [landlordProfiles.workspaceId, landlordProfiles.organizationId],
      set: {
        tradeName: row.tradeName,
        legalCategory: row.legalCategory,
        groupName: row.groupName,
        offerKinds: row.offerKinds,
        adaptationPolicy: row.adaptationPolicy,
        updatedAt: sql`now()`,
      },
    });
}

export async function contactsOf(db: Db, workspaceId: string, organizationId: string) {
  return db
    .select()
    .from(landlordContacts)
    .where(and(eq(landlordContacts.workspaceId, workspaceId), eq(landlordContacts.organizationId, organizationId)))
    .orderBy(asc(landlordContacts.role), sql`${landlordContacts.name} collate fr_icu`);
}

export async function insertContact(db: Db, row: typeof landlordContacts.$inferInsert) {
  await db.insert(landlordContacts).values(row);
}

/** One contact of one landlord: a contact of another landlord is not found. */
export async function findContact(db: Db, workspaceId: string, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(landlordContacts)
    .where(
      and(
        eq(landlordContacts.workspaceId, workspaceId),
        eq(landlordContacts.organizationId, organizationId),
        eq(landlordContacts.id, id),
      ),
    );
  return row ?? null;
}

export async function updateContactRow(
  db: Db,
  workspaceId: string,
  id: string,
  values: Pick<typeof landlordContacts.$inferInsert, 'role' | 'name' | 'email' | 'phone'>,
) {
  await db
    .update(landlordContacts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(landlordContacts.workspaceId, workspaceId), eq(landlordContacts.id, id)));
}

export async function deleteContactRow(db: Db, workspaceId: string, id: string) {
  await db
    .delete(landlordContacts)
    .where(and(eq(landlordContacts.workspaceId, workspaceId), eq(landlordContacts.id, id)));
}

export async function labelsOf(db: Db, workspaceId: string, organizationId: string) {
  return db
    .select()
    .from(landlordLabels)
    .where(and(eq(landlordLabels.workspaceId, workspaceId), eq(landlordLabels.organizationId, organizationId)))
    .orderBy(asc(landlordLabels.awardedOn));
}

/** The workspace's latest charter version with its commitments, signatures and reviews. */
export async function latestCharter(db: Db, workspaceId: string) {
  const [charter] = await db
    .select()
    .from(charters)
    .where(eq(charters.workspaceId, workspaceId))
    .orderBy(sql`${charters.version} desc`)
    .limit(1);
  if (!charter) return null;
  const [commitments, signatures, reviews] = await Promise.all([
    db
      .select()
      .from(charterCommitments)
      .where(and(eq(charterCommitments.workspaceId, workspaceId), eq(charterCommitments.charterId, charter.id)))
      .orderBy(asc(charterCommitments.position)),
    db
      .select()
      .from(charterSignatures)
      .where(and(eq(charterSignatures.workspaceId, workspaceId), eq(charterSignatures.charterId, charter.id))),
    db
      .select({
        commitmentId: charterReviews.commitmentId,
        organizationId: charterReviews.organizationId,
        year: charterReviews.year,
        value: charterReviews.value,
        comment: charterReviews.comment,
      })
      .from(charterReviews)
      .innerJoin(
        charterCommitments,
        and(
          eq(charterCommitments.workspaceId, charterReviews.workspaceId),
          eq(charterCommitments.id, charterReviews.commitmentId),
        ),
      )
      .where(and(eq(charterReviews.workspaceId, workspaceId), eq(charterCommitments.charterId, charter.id)))
      .orderBy(asc(charterReviews.year)),
  ]);
  return { charter, commitments, signatures, reviews };
}

/** A landlord's signature of a charter version: signing again replaces the date and the commitments taken. */
export async function upsertSignature(db: Db, row: typeof charterSignatures.$inferInsert) {
  const [saved] = await db
    .insert(charterSignatures)
    .values(row)
    .onConflictDoUpdate({
      target: [charterSignatures.workspaceId, charterSignatures.charterId, charterSignatures.organizationId],
      set: { signedOn: row.signedOn, commitmentCodes: row.commitmentCodes },
    })
    .returning({ id: charterSignatures.id });
  return saved!.id;
}

export async function upsertReview(db: Db, row: typeof charterReviews.$inferInsert) {
  const [existing] = await db
    .select({ id: charterReviews.id })
    .from(charterReviews)
    .where(
      and(
        eq(charterReviews.workspaceId, row.workspaceId),
        eq(charterReviews.organizationId, row.organizationId),
        eq(charterReviews.commitmentId, row.commitmentId),
        eq(charterReviews.year, row.year),
      ),
    );
  if (existing) {
    await db
      .update(charterReviews)
      .set({ value: row.value, comment: row.comment, updatedAt: sql`now()` })
      .where(and(eq(charterReviews.workspaceId, row.workspaceId), eq(charterReviews.id, existing.id)));
    return existing.id;
  }
  await db.insert(charterReviews).values(row);
  return row.id;
}

export async function unitCountsByLandlord(db: Db, workspaceId: string) {
  return db
    .select({ organizationId: units.organizationId, count: count() })
    .from(units)
    .where(eq(units.workspaceId, workspaceId))
    .groupBy(units.organizationId);
}
