import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { formResponses, formTemplates, formTemplateVersions } from '#src/modules/forms/db/schema.ts';

export type TemplateRow = typeof formTemplates.$inferSelect;
export type VersionRow = typeof formTemplateVersions.$inferSelect;
export type ResponseRow = typeof formResponses.$inferSelect;

/** Templates with their latest version, by title in French order. */
export async function listTemplatesWithLatest(db: Db, workspaceId: string) {
  return db
    .select({
      id: formTemplates.id,
      key: formTemplates.key,
      title: formTemplates.title,
      kind: formTemplates.kind,
      latestVersionId: formTemplateVersions.id,
      latestVersion: formTemplateVersions.version,
    })
    .from(formTemplates)
    .innerJoin(
      formTemplateVersions,
      and(
        eq(formTemplateVersions.workspaceId, formTemplates.workspaceId),
        eq(formTemplateVersions.templateId, formTemplates.id),
        sql`${formTemplateVersions.version} = (select max(v.version) from form_template_versions v
          where v.workspace_id = ${formTemplates.workspaceId} and v.template_id = ${formTemplates.id})`,
      ),
    )
    .where(eq(formTemplates.workspaceId, workspaceId))
    .orderBy(sql`${formTemplates.title} collate fr_icu`);
}

export async function listTemplateKeys(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ key: formTemplates.key })
    .from(formTemplates)
    .where(eq(formTemplates.workspaceId, workspaceId));
  return rows.map((r) => r.key);
}

/** Inserts a template unless its key exists (two first uses racing to apply the shipped ones); true when inserted. */
export async function insertTemplate(db: Db, row: typeof formTemplates.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(formTemplates).values(row).onConflictDoNothing().returning({ id: formTemplates.id });
  return inserted.length > 0;
}

export async function findTemplate(db: Db, workspaceId: string, id: string): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.workspaceId, workspaceId), eq(formTemplates.id, id)));
  return row ?? null;
}

export async function latestVersionNumber(db: Db, workspaceId: string, templateId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${formTemplateVersions.version}), 0)::int` })
    .from(formTemplateVersions)
    .where(and(eq(formTemplateVersions.workspaceId, workspaceId), eq(formTemplateVersions.templateId, templateId)));
  return row?.n ?? 0;
}

export async function insertVersion(db: Db, row: typeof formTemplateVersions.$inferInsert): Promise<void> {
  await db.insert(formTemplateVersions).values(row);
}

export async function findVersion(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: formTemplateVersions.id,
      templateId: formTemplateVersions.templateId,
      version: formTemplateVersions.version,
      definition: formTemplateVersions.definition,
      publishedAt: formTemplateVersions.publishedAt,
      templateTitle: formTemplates.title,
      templateKind: formTemplates.kind,
    })
    .from(formTemplateVersions)
    .innerJoin(
      formTemplates,
      and(
        eq(formTemplates.workspaceId, formTemplateVersions.workspaceId),
        eq(formTemplates.id, formTemplateVersions.templateId),
      ),
    )
    .where(and(eq(formTemplateVersions.workspaceId, workspaceId), eq(formTemplateVersions.id, id)));
  return row ?? null;
}

export async function findResponse(db: Db, workspaceId: string, id: string): Promise<ResponseRow | null> {
  const [row] = await db
    .select()
    .from(formResponses)
    .where(and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.id, id)));
  return row ?? null;
}

/** Inserts a response unless its id exists already (a replayed create); true when inserted. */
export async function insertResponse(db: Db, row: typeof formResponses.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(formResponses).values(row).onConflictDoNothing().returning({ id: formResponses.id });
  return inserted.length > 0;
}

/** Writes a response if it is still at the revision the writer read; false when someone changed it meanwhile. */
export async function updateResponseIfRevision(
  db: Db,
  workspaceId: string,
  id: string,
  revision: number,
  values: Pick<typeof formResponses.$inferInsert, 'answers' | 'status' | 'submittedAt'>,
): Promise<boolean> {
  const updated = await db
    .update(formResponses)
    .set({ ...values, revision: sql`${formResponses.revision} + 1`, updatedAt: sql`now()` })
    .where(
      and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.id, id), eq(formResponses.revision, revision)),
    )
    .returning({ id: formResponses.id });
  return updated.length > 0;
}

/** A person's responses, latest first, with the template and the author's name. */
export async function listPersonResponses(db: Db, workspaceId: string, personId: string) {
  return db
    .select({
      id: formResponses.id,
      pathwayId: formResponses.pathwayId,
      templateVersionId: formResponses.templateVersionId,
      templateTitle: formTemplates.title,
      version: formTemplateVersions.version,
      status: formResponses.status,
      revision: formResponses.revision,
      // The same lookup pathways use for a referent's name.
      authorName: sql<string>`(select name from auth_user u where u.id = ${formResponses.authorUserId})`,
      createdAt: formResponses.createdAt,
      updatedAt: formResponses.updatedAt,
      submittedAt: formResponses.submittedAt,
    })
    .from(formResponses)
    .innerJoin(
      formTemplateVersions,
      and(
        eq(formTemplateVersions.workspaceId, formResponses.workspaceId),
        eq(formTemplateVersions.id, formResponses.templateVersionId),
      ),
    )
    .innerJoin(
      formTemplates,
      and(
        eq(formTemplates.workspaceId, formTemplateVersions.workspaceId),
        eq(formTemplates.id, formTemplateVersions.templateId),
      ),
    )
    .where(and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.personId, personId)))
    .orderBy(desc(formResponses.updatedAt), desc(formResponses.id));
}

/** Templates with when their latest version was published and how many there are, for the template builder. */
export async function listTemplatesWithHistory(db: Db, workspaceId: string) {
  return db
    .select({
      id: formTemplates.id,
      key: formTemplates.key,
      title: formTemplates.title,
      kind: formTemplates.kind,
      latestVersionId: sql<string>`(array_agg(${formTemplateVersions.id} order by ${formTemplateVersions.version} desc))[1]`,
      latestVersion: sql<number>`max(${formTemplateVersions.version})::int`,
      latestPublishedAt: sql<Date>`max(${formTemplateVersions.publishedAt})`.mapWith(formTemplateVersions.publishedAt),
      versionCount: sql<number>`count(*)::int`,
    })
    .from(formTemplates)
    .innerJoin(
      formTemplateVersions,
      and(
        eq(formTemplateVersions.workspaceId, formTemplates.workspaceId),
        eq(formTemplateVersions.templateId, formTemplates.id),
      ),
    )
    .where(eq(formTemplates.workspaceId, workspaceId))
    .groupBy(formTemplates.workspaceId, formTemplates.id)
    .orderBy(sql`${formTemplates.title} collate fr_icu`);
}

/** A template's published versions, latest first, with who published each. */
export async function listVersions(db: Db, workspaceId: string, templateId: string) {
  return db
    .select({
      id: formTemplateVersions.id,
      version: formTemplateVersions.version,
      publishedAt: formTemplateVersions.publishedAt,
      publishedByName: sql<
        string | null
      >`(select name from auth_user u where u.id = ${formTemplateVersions.publishedByUserId})`,
    })
    .from(formTemplateVersions)
    .where(and(eq(formTemplateVersions.workspaceId, workspaceId), eq(formTemplateVersions.templateId, templateId)))
    .orderBy(desc(formTemplateVersions.version));
}

/** Records the home visit a response was filled during (set once, right after the response is created). */
export async function setResponseVisit(db: Db, workspaceId: string, id: string, visitJournalEntryId: string | null) {
  await db
    .update(formResponses)
    .set({ visitJournalEntryId })
    .where(and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.id, id)));
}
