import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { caseTeamMembers, persons } from '#src/modules/people/db/schema.ts';
import type { PersonScope } from '#src/modules/people/domain/visibility.ts';

const summaryColumns = {
  id: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  birthDate: persons.birthDate,
  communeInsee: persons.communeInsee,
  owningOrganizationId: persons.owningOrganizationId,
};

export type PersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  communeInsee: string | null;
  owningOrganizationId: string;
};

/** The row-level rule, as SQL: the same predicate guards lists, search and single reads. */
function visibleTo(scope: PersonScope): SQL {
  const onCaseTeam = sql`exists (select 1 from ${caseTeamMembers} m where m.workspace_id = ${persons.workspaceId} and m.person_id = ${persons.id} and m.user_id = ${scope.userId} and m.removed_at is null)`;
  const clauses: SQL[] = [onCaseTeam];
  if (scope.organizationWideIds.length > 0)
    clauses.push(inArray(persons.owningOrganizationId, scope.organizationWideIds));
  return and(eq(persons.workspaceId, scope.workspaceId), or(...clauses))!;
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
    .where(eq(persons.workspaceId, scope.workspaceId))
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

export async function insertPerson(db: Db, row: typeof persons.$inferInsert): Promise<void> {
  await db.insert(persons).values(row);
}

export async function addCaseTeamMember(db: Db, row: typeof caseTeamMembers.$inferInsert): Promise<void> {
  await db.insert(caseTeamMembers).values(row);
}
