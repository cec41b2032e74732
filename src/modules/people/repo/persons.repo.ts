import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { caseTeamMembers, persons } from '#src/modules/people/db/schema.ts';
import type { PersonScope } from '#src/modules/people/domain/visibility.ts';

const summaryColumns = {
  id: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  birthDate: persons.birthDate,
  communeInsee: persons.communeInsee,
  historicCommuneInsee: persons.historicCommuneInsee,
  owningOrganizationId: persons.owningOrganizationId,
};

export type PersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  communeInsee: string | null;
  historicCommuneInsee: string | null;
  owningOrganizationId: string;
};

export type PersonRecord = typeof persons.$inferSelect;
/** The columns a section of the file may change. */
export type PersonValues = Partial<
  Omit<
    typeof persons.$inferInsert,
    'workspaceId' | 'id' | 'searchName' | 'version' | 'createdAt' | 'updatedAt' | 'mergedIntoId' | 'mergedAt'
  >
>;

/** The users on a person's active case team, as a subquery. */
export const activeCaseTeamUserIds = (workspaceId: SQLWrapper, personId: SQLWrapper) =>
  sql`(select m.user_id from ${caseTeamMembers} m where m.workspace_id = ${workspaceId} and m.person_id = ${personId} and m.removed_at is null)`;

/** Whether a user is on a person's active case team; other modules apply it to their person references. */
export const caseTeamIncludes = (workspaceId: SQLWrapper, personId: SQLWrapper, userId: SQLWrapper | string) =>
  sql`exists (select 1 from ${caseTeamMembers} m where m.workspace_id = ${workspaceId} and m.person_id = ${personId} and m.user_id = ${userId} and m.removed_at is null)`;

const onCaseTeamOf = (userId: string) => caseTeamIncludes(persons.workspaceId, persons.id, userId);

/**
 * The row-level rule, as SQL: the same predicate guards lists, search, reads and writes. A merged
 * file is never visible itself; it only points at the file that absorbed it.
 */
export function visibleTo(scope: PersonScope): SQL {
  const clauses: SQL[] = [onCaseTeamOf(scope.userId)];
  if (scope.organizationWideIds.length > 0)
    clauses.push(inArray(persons.owningOrganizationId, scope.organizationWideIds));
  return and(eq(persons.workspaceId, scope.workspaceId), isNull(persons.mergedIntoId), or(...clauses))!;
}

export async function searchVisiblePersons(
  db: Db,
  scope: PersonScope,
  query: string,
  limit: number,
): Promise<PersonRow[]> {
  const needle = sql`immutable_unaccent(lower(${query}))`;
  return db
    .select(summaryColumns)
    .from(persons)
    .where(
      and(
        visibleTo(scope),
        // `<%`: the query is close to some part of the name (word similarity, threshold set per
        // connection in shared/db), which tolerates typos and uses the trigram index.
        or(sql`${persons.searchName} like '%' || ${needle} || '%'`, sql`${needle} <% ${persons.searchName}`),
      ),
    )
    .orderBy(desc(sql`word_similarity(${needle}, ${persons.searchName})`), asc(sql`${persons.lastName} collate fr_icu`))
    .limit(limit);
}

/** The persons whose case team the user is on, sorted by name the French way. */
export async function listCaseload(db: Db, scope: PersonScope, limit: number): Promise<PersonRow[]> {
  return db
    .select(summaryColumns)
    .from(persons)
    .innerJoin(
      caseTeamMembers,
      and(
        eq(caseTeamMembers.workspaceId, persons.workspaceId),
        eq(caseTeamMembers.personId, persons.id),
        eq(caseTeamMembers.userId, scope.userId),
        isNull(caseTeamMembers.removedAt),
      ),
    )
    .where(and(eq(persons.workspaceId, scope.workspaceId), isNull(persons.mergedIntoId)))
    .orderBy(asc(sql`${persons.lastName} collate fr_icu`), asc(sql`${persons.firstName} collate fr_icu`))
    .limit(limit);
}

export async function findVisiblePerson(db: Db, scope: PersonScope, id: string): Promise<PersonRow | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(persons)
    .where(and(visibleTo(scope), eq(persons.id, id)));
  return row ?? null;
}

/** The whole row of a visible file; `forUpdate` locks it for the rest of the transaction. */
export async function findVisiblePersonRecord(
  db: Db,
  scope: PersonScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonRecord | null> {
  const query = db
    .select()
    .from(persons)
    .where(and(visibleTo(scope), eq(persons.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Where a merged file now lives: the end of its chain of merges, or null if the file was not merged. */
export async function findMergeTarget(db: Db, workspaceId: string, id: string): Promise<string | null> {
  const result = await db.execute(sql`
    with recursive chain(id, merged_into_id, depth) as (
      select id, merged_into_id, 0 from ${persons} where workspace_id = ${workspaceId} and id = ${id}
      union all
      select p.id, p.merged_into_id, c.depth + 1 from ${persons} p
        join chain c on p.workspace_id = ${workspaceId} and p.id = c.merged_into_id
      where c.depth < 20
    )
    select id from chain where merged_into_id is null and depth > 0`);
  const rows = (result as { rows: { id: string }[] }).rows;
  return rows[0]?.id ?? null;
}

export async function insertPerson(db: Db, row: typeof persons.$inferInsert): Promise<void> {
  await db.insert(persons).values(row);
}

/** Applies a section's values if the version is still the one the writer read; false when it moved on. */
export async function updatePersonIfVersion(
  db: Db,
  workspaceId: string,
  id: string,
  expectedVersion: number,
  values: PersonValues,
): Promise<boolean> {
  const updated = await db
    .update(persons)
    .set({ ...values, version: sql`${persons.version} + 1`, updatedAt: new Date() })
    .where(and(eq(persons.workspaceId, workspaceId), eq(persons.id, id), eq(persons.version, expectedVersion)))
    .returning({ id: persons.id });
  return updated.length === 1;
}

export async function markMerged(db: Db, workspaceId: string, duplicateId: string, keptId: string): Promise<void> {
  await db
    .update(persons)
    .set({ mergedIntoId: keptId, mergedAt: new Date(), version: sql`${persons.version} + 1`, updatedAt: new Date() })
    .where(and(eq(persons.workspaceId, workspaceId), eq(persons.id, duplicateId)));
}

export async function bumpVersion(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .update(persons)
    .set({ version: sql`${persons.version} + 1`, updatedAt: new Date() })
    .where(and(eq(persons.workspaceId, workspaceId), eq(persons.id, id)));
}

export type DuplicateCandidateRow = PersonRow & { visible: boolean; similarity: number };

/**
 * Files of the workspace that may be the same person: a full name (or the first name with the birth
 * name) close by trigram similarity, which ignores word order and tolerates small typos, and the same
 * birth date — or no date on one side to tell them apart (a referral often gives only an age).
 * Merged files are left out. `visible` says whether the scope may open it.
 */
export async function findDuplicateCandidates(
  db: Db,
  scope: PersonScope,
  input: { needle: string; birthDate: string | null; threshold: number; excludeId?: string },
): Promise<DuplicateCandidateRow[]> {
  // Without a birth name, the first name alone would resemble every namesake.
  const birthSearchName = sql`immutable_unaccent(lower(${persons.firstName} || ' ' || ${persons.birthName}))`;
  const score = sql<number>`greatest(similarity(${persons.searchName}, ${input.needle}), coalesce(similarity(${birthSearchName}, ${input.needle}), 0))`;
  return db
    .select({ ...summaryColumns, visible: sql<boolean>`coalesce(${visibleTo(scope)}, false)`, similarity: score })
    .from(persons)
    .where(
      and(
        eq(persons.workspaceId, scope.workspaceId),
        input.birthDate ? or(eq(persons.birthDate, input.birthDate), isNull(persons.birthDate)) : undefined,
        isNull(persons.mergedIntoId),
        input.excludeId ? ne(persons.id, input.excludeId) : undefined,
        sql`${score} >= ${input.threshold}`,
      ),
    )
    .orderBy(desc(score))
    .limit(10);
}

/** Every file the scope may see, sorted by name the French way (for the CSV export). */
export async function listVisiblePersonRecords(db: Db, scope: PersonScope): Promise<PersonRecord[]> {
  return db
    .select()
    .from(persons)
    .where(visibleTo(scope))
    .orderBy(asc(sql`${persons.lastName} collate fr_icu`), asc(sql`${persons.firstName} collate fr_icu`));
}
