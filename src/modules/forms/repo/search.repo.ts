import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { caseTeamIncludes, type PersonScope } from '#src/modules/people/index.ts';
import { formResponses, formTemplates, formTemplateVersions } from '#src/modules/forms/db/schema.ts';

/** A response's answers with the definition of the version they were filled with. */
export async function findAnswersWithDefinition(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({ answers: formResponses.answers, definition: formTemplateVersions.definition })
    .from(formResponses)
    .innerJoin(
      formTemplateVersions,
      and(
        eq(formTemplateVersions.workspaceId, formResponses.workspaceId),
        eq(formTemplateVersions.id, formResponses.templateVersionId),
      ),
    )
    .where(and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.id, id)));
  return row ?? null;
}

export async function setSearchText(db: Db, workspaceId: string, id: string, searchText: string): Promise<void> {
  await db
    .update(formResponses)
    .set({ searchText })
    .where(and(eq(formResponses.workspaceId, workspaceId), eq(formResponses.id, id)));
}

export type SearchFilter = {
  /** The words to find, as typed: case and accents are ignored. */
  words?: string;
  templateId?: string;
  status?: string;
  fromInstant?: string;
  untilInstant?: string;
  limit: number;
  offset: number;
};

export type SearchRow = {
  id: string;
  personId: string;
  firstName: string;
  lastName: string;
  templateTitle: string;
  status: string;
  date: Date;
  matchedLine: string | null;
  total: number;
};

// The person file belongs to the people module, reached only through its index: its table is named in SQL,
// as the pathway lists do.
const personJoin = sql`persons.workspace_id = ${formResponses.workspaceId} and persons.id = ${formResponses.personId}`;

/** The case-team rule of people, applied to the response's person (a merged file is never visible itself). */
function visibleTo(scope: PersonScope): SQL {
  const clauses: SQL[] = [caseTeamIncludes(formResponses.workspaceId, formResponses.personId, scope.userId)];
  if (scope.organizationWideIds.length > 0) {
    clauses.push(
      sql`persons.owning_organization_id in (${sql.join(
        scope.organizationWideIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  return sql`(${formResponses.workspaceId} = ${scope.workspaceId} and persons.merged_into_id is null and (${sql.join(
    clauses,
    sql` or `,
  )}))`;
}

/** Submitted responses are dated by their submission, drafts by their last save. */
const responseDate = sql<Date>`coalesce(${formResponses.submittedAt}, ${formResponses.updatedAt})`;

/**
 * The answer lines that match, first one only; a line is "question<TAB>answer" and only the answer
 * is compared, so a word of a question's label does not make every response match.
 */
const firstMatchingLine = (pattern: SQL) =>
  sql`(select l from unnest(string_to_array(${formResponses.searchText}, E'\\n')) l
       where immutable_unaccent(lower(split_part(l, E'\\t', 2))) like ${pattern} limit 1)`;

/**
 * Responses of the persons in scope, latest first, with the total for paging. The words are first
 * looked up in the trigram index on the whole text (questions and answers), then checked against
 * the answers alone.
 */
export async function searchVisibleResponses(db: Db, scope: PersonScope, filter: SearchFilter): Promise<SearchRow[]> {
  const clauses: SQL[] = [visibleTo(scope)];
  // The user's `%`, `_` and `\` are literal characters, not LIKE wildcards.
  const pattern = filter.words
    ? sql`'%' || immutable_unaccent(lower(${filter.words.replace(/[\\%_]/g, (c) => `\\${c}`)})) || '%'`
    : null;
  if (pattern) {
    clauses.push(sql`${formResponses.searchKey} like ${pattern}`);
    clauses.push(sql`${firstMatchingLine(pattern)} is not null`);
  }
  if (filter.templateId) clauses.push(eq(formTemplateVersions.templateId, filter.templateId));
  if (filter.status) clauses.push(eq(formResponses.status, filter.status));
  if (filter.fromInstant) clauses.push(sql`${responseDate} >= ${filter.fromInstant}::timestamptz`);
  if (filter.untilInstant) clauses.push(sql`${responseDate} < ${filter.untilInstant}::timestamptz`);
  return db
    .select({
      id: formResponses.id,
      personId: formResponses.personId,
      firstName: sql<string>`persons.first_name`,
      lastName: sql<string>`persons.last_name`,
      templateTitle: formTemplates.title,
      status: formResponses.status,
      date: responseDate.mapWith(formResponses.updatedAt),
      matchedLine: pattern ? sql<string | null>`${firstMatchingLine(pattern)}` : sql<null>`null`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(formResponses)
    .innerJoin(sql`persons`, personJoin)
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
    .where(and(...clauses))
    .orderBy(desc(responseDate), desc(formResponses.id))
    .limit(filter.limit)
    .offset(filter.offset);
}
