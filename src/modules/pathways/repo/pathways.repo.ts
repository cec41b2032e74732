import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PathwayListQuery } from '#src/modules/pathways/api/pathway.schema.ts';
import { ageBandBounds } from '#src/modules/pathways/domain/vocabulary.ts';
import type { Db } from '#src/shared/db/client.ts';
import { activeCaseTeamUserIds, caseTeamIncludes, type PersonScope } from '#src/modules/people/index.ts';
import {
  pathwayJournalEntries,
  pathways,
  pathwaySolutionOptions,
  pathwayTransitions,
} from '#src/modules/pathways/db/schema.ts';

// The person file and its case team belong to the people module, which other modules reach only through
// its index: the pathway queries name its tables in SQL rather than importing its table objects.
const personsTable = sql`persons`;
const personJoin = sql`persons.workspace_id = ${pathways.workspaceId} and persons.id = ${pathways.personId}`;

/** Active case-team membership of a user on the pathway's person. */
const onCaseTeam = (userId: SQL | string) => caseTeamIncludes(pathways.workspaceId, pathways.personId, userId);

/** The row-level rule as SQL: the same predicate guards lists, the board, exports and single reads. */
export function visibleTo(scope: PersonScope): SQL {
  const clauses: SQL[] = [eq(pathways.referentUserId, scope.userId), onCaseTeam(scope.userId)];
  if (scope.organizationWideIds.length > 0)
    clauses.push(inArray(pathways.owningOrganizationId, scope.organizationWideIds));
  return and(eq(pathways.workspaceId, scope.workspaceId), or(...clauses))!;
}

/** "My caseload": pathways I am the referent of or whose person's case team I am on. */
export const mineOnly = (userId: string): SQL => or(eq(pathways.referentUserId, userId), onCaseTeam(userId))!;

export const pathwayColumns = {
  id: pathways.id,
  personId: pathways.personId,
  owningOrganizationId: pathways.owningOrganizationId,
  referentUserId: pathways.referentUserId,
  referentName: sql<string>`(select name from auth_user u where u.id = ${pathways.referentUserId})`,
  channel: pathways.channel,
  stageId: pathways.stageId,
  stageEnteredOn: pathways.stageEnteredOn,
  openedOn: pathways.openedOn,
  qualificationSummary: pathways.qualificationSummary,
  outcome: pathways.outcome,
  closureReason: pathways.closureReason,
  closedOn: pathways.closedOn,
  firstName: sql<string>`persons.first_name`,
  lastName: sql<string>`persons.last_name`,
  birthDate: sql<string | null>`persons.birth_date::text`,
  communeInsee: sql<string | null>`persons.commune_insee`,
  historicCommuneInsee: sql<string | null>`persons.historic_commune_insee`,
};

export type PathwayRow = {
  id: string;
  personId: string;
  owningOrganizationId: string;
  referentUserId: string;
  referentName: string;
  channel: string;
  stageId: string;
  stageEnteredOn: string;
  openedOn: string;
  qualificationSummary: string | null;
  outcome: string | null;
  closureReason: string | null;
  closedOn: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  communeInsee: string | null;
  historicCommuneInsee: string | null;
};

export async function findVisiblePathway(db: Db, scope: PersonScope, id: string): Promise<PathwayRow | null> {
  const [row] = await db
    .select(pathwayColumns)
    .from(pathways)
    .innerJoin(personsTable, personJoin)
    .where(and(visibleTo(scope), eq(pathways.id, id)));
  return row ?? null;
}

/** The filters of the lists, the board and the export, on top of the row-level rule. */
function listFilter(scope: PersonScope, memberOf: string[], query: PathwayListQuery): SQL {
  const clauses: (SQL | undefined)[] = [visibleTo(scope)];
  // "Mine": I am the referent or on the case team; "team": pathways owned by my organisations.
  clauses.push(query.scope === 'mine' ? mineOnly(scope.userId) : inArray(pathways.owningOrganizationId, memberOf));
  if (query.status === 'open') clauses.push(isNull(pathways.closedOn));
  if (query.status === 'closed') clauses.push(isNotNull(pathways.closedOn));
  if (query.channel) clauses.push(eq(pathways.channel, query.channel));
  if (query.stageId) clauses.push(eq(pathways.stageId, query.stageId));
  if (query.referentUserId) clauses.push(eq(pathways.referentUserId, query.referentUserId));
  if (query.personne) clauses.push(eq(pathways.personId, query.personne));
  // Lomme (59355) is also asked for by its own code, though its files are filed under Lille (59350).
  if (query.commune)
    clauses.push(sql`(persons.commune_insee = ${query.commune} or persons.historic_commune_insee = ${query.commune})`);
  if (query.ageBand) {
    const { min, max } = ageBandBounds[query.ageBand];
    // Born on or before today minus `min` years, and after today minus `max + 1` years.
    clauses.push(sql`persons.birth_date <= (current_date - make_interval(years => ${min}))`);
    if (max !== null) clauses.push(sql`persons.birth_date > (current_date - make_interval(years => ${max + 1}))`);
  }
  return and(...clauses)!;
}

export async function selectPathways(
  db: Db,
  scope: PersonScope,
  memberOf: string[],
  query: PathwayListQuery,
): Promise<PathwayRow[]> {
  return db
    .select(pathwayColumns)
    .from(pathways)
    .innerJoin(personsTable, personJoin)
    .where(listFilter(scope, memberOf, query))
    .orderBy(asc(sql`persons.last_name collate fr_icu`), asc(sql`persons.first_name collate fr_icu`), asc(pathways.id))
    .limit(query.limit);
}

export async function insertPathway(db: Db, row: typeof pathways.$inferInsert): Promise<void> {
  await db.insert(pathways).values(row);
}

export async function updatePathway(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<
      typeof pathways.$inferInsert,
      | 'stageId'
      | 'stageEnteredOn'
      | 'qualificationSummary'
      | 'outcome'
      | 'closureReason'
      | 'closedOn'
      | 'referentUserId'
    >
  >,
): Promise<void> {
  await db
    .update(pathways)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(pathways.workspaceId, workspaceId), eq(pathways.id, id)));
}

export async function insertTransition(db: Db, row: typeof pathwayTransitions.$inferInsert): Promise<void> {
  await db.insert(pathwayTransitions).values(row);
}

export async function listTransitions(db: Db, workspaceId: string, pathwayId: string) {
  return db
    .select({
      id: pathwayTransitions.id,
      fromStageId: pathwayTransitions.fromStageId,
      toStageId: pathwayTransitions.toStageId,
      kind: pathwayTransitions.kind,
      effectiveOn: pathwayTransitions.effectiveOn,
      reason: pathwayTransitions.reason,
      outcome: pathwayTransitions.outcome,
      closureReason: pathwayTransitions.closureReason,
      byUserId: pathwayTransitions.byUserId,
      byName: sql<string>`(select name from auth_user u where u.id = ${pathwayTransitions.byUserId})`,
      createdAt: pathwayTransitions.createdAt,
    })
    .from(pathwayTransitions)
    .where(and(eq(pathwayTransitions.workspaceId, workspaceId), eq(pathwayTransitions.pathwayId, pathwayId)))
    .orderBy(asc(pathwayTransitions.effectiveOn), asc(pathwayTransitions.createdAt), asc(pathwayTransitions.id));
}

/** Whether the pathway's journal holds a home visit and whether the person has chosen an option. */
export async function recordedFacts(db: Db, workspaceId: string, pathwayId: string) {
  const [visit] = await db
    .select({ id: pathwayJournalEntries.id })
    .from(pathwayJournalEntries)
    .where(
      and(
        eq(pathwayJournalEntries.workspaceId, workspaceId),
        eq(pathwayJournalEntries.pathwayId, pathwayId),
        eq(pathwayJournalEntries.kind, 'home_visit'),
      ),
    )
    .limit(1);
  const [chosen] = await db
    .select({ id: pathwaySolutionOptions.id })
    .from(pathwaySolutionOptions)
    .where(
      and(
        eq(pathwaySolutionOptions.workspaceId, workspaceId),
        eq(pathwaySolutionOptions.pathwayId, pathwayId),
        isNotNull(pathwaySolutionOptions.chosenOn),
      ),
    )
    .limit(1);
  return { homeVisit: Boolean(visit), chosenSolution: Boolean(chosen) };
}

/** The memberships of a user in the workspace (they belong to the platform module: named in SQL). */
export async function membershipsOfUser(db: Db, workspaceId: string, userId: string) {
  const result = await db.execute(
    sql`select organization_id as "organizationId", role from memberships where workspace_id = ${workspaceId} and user_id = ${userId} order by organization_id`,
  );
  return (result as { rows: { organizationId: string; role: string }[] }).rows;
}

/** Whether a user may see the pathway as a member of the team around it: its referent or on the person's case team. */
export async function isOnPathwayTeam(db: Db, workspaceId: string, pathwayId: string, userId: string) {
  const [row] = await db
    .select({ id: pathways.id })
    .from(pathways)
    .where(
      and(
        eq(pathways.workspaceId, workspaceId),
        eq(pathways.id, pathwayId),
        or(eq(pathways.referentUserId, userId), onCaseTeam(userId)),
      ),
    );
  return Boolean(row);
}

/** The referent and the person's active case team, by name: who may be assigned a task or join a visit. */
export async function teamOf(db: Db, workspaceId: string, pathwayId: string) {
  const result = await db.execute(sql`
    select distinct u.id as "userId", u.name as name
    from ${pathways} p
    join auth_user u on u.id = p.referent_user_id
      or u.id in ${activeCaseTeamUserIds(sql`p.workspace_id`, sql`p.person_id`)}
    where p.workspace_id = ${workspaceId} and p.id = ${pathwayId}
    order by u.name`);
  return (result as { rows: { userId: string; name: string }[] }).rows;
}

/** Members of the given organisations holding one of the given roles: who may be made referent. */
export async function membersWithRoles(db: Db, workspaceId: string, organizationIds: string[], roles: string[]) {
  if (organizationIds.length === 0 || roles.length === 0) return [];
  const result = await db.execute(sql`
    select distinct u.id as "userId", u.name as name, o.id as "organizationId", o.name as "organizationName"
    from memberships ms
    join auth_user u on u.id = ms.user_id
    join organizations o on o.workspace_id = ms.workspace_id and o.id = ms.organization_id
    where ms.workspace_id = ${workspaceId}
      and ms.organization_id in (${sql.join(
        organizationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and ms.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
    order by u.name`);
  return (result as { rows: { userId: string; name: string; organizationId: string; organizationName: string }[] })
    .rows;
}

/** A pathway's referent as SQL, for modules whose rows hang on a pathway and notify without an actor (reminders). */
export const pathwayReferentOf = (workspaceId: SQLWrapper, pathwayId: SQLWrapper) =>
  sql`(select p.referent_user_id from ${pathways} p where p.workspace_id = ${workspaceId} and p.id = ${pathwayId})`;
