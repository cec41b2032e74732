import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { formTemplateVersions } from '#src/modules/forms/db/schema.ts';
import type { DifficultySource } from '#src/modules/forms/domain/form-indicators.ts';

/** Every published version of the workspace, oldest first (a workspace has a handful of templates). */
export async function listVersionDefinitions(db: Db, workspaceId: string) {
  return db
    .select({ id: formTemplateVersions.id, definition: formTemplateVersions.definition })
    .from(formTemplateVersions)
    .where(eq(formTemplateVersions.workspaceId, workspaceId))
    .orderBy(asc(formTemplateVersions.publishedAt), asc(formTemplateVersions.version));
}

export type SourceOfVersions = DifficultySource & { versionIds: string[] };
export type Window = { workspaceId: string; fromInstant: string; untilInstant: string };

const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Submitted within the window, filled with one of the versions. */
const submittedWith = (w: Window, versionIds: string[]) =>
  sql`r.workspace_id = ${w.workspaceId} and r.status = 'submitted'
      and r.submitted_at >= ${w.fromInstant}::timestamptz and r.submitted_at < ${w.untilInstant}::timestamptz
      and r.template_version_id in (${idList(versionIds)})`;

/** The values of a choice answer, whether one (single choice) or several (multiple choice). */
const choiceValues = (answer: SQL) =>
  sql`jsonb_array_elements_text(case jsonb_typeof(${answer}) when 'array' then ${answer}
        when 'string' then jsonb_build_array(${answer}) else '[]'::jsonb end)`;

/** One row per person, room (or null) and difficulty recorded by a source. */
function factsOf(w: Window, source: SourceOfVersions): SQL {
  if (source.repeat === null || source.room === null) {
    return sql`select r.person_id, null::text as room, d.value as difficulty from form_responses r
      cross join lateral ${choiceValues(sql`r.answers -> ${source.question}`)} d(value)
      where ${submittedWith(w, source.versionIds)}`;
  }
  const instances = sql`r.answers -> ${source.repeat}`;
  return sql`select r.person_id, inst ->> ${source.room} as room, d.value as difficulty from form_responses r
    cross join lateral jsonb_array_elements(case jsonb_typeof(${instances}) when 'array' then ${instances}
      else '[]'::jsonb end) inst
    cross join lateral ${choiceValues(sql`inst -> ${source.question}`)} d(value)
    where ${submittedWith(w, source.versionIds)}`;
}

export type DifficultyCount = { dimension: 'difficulty' | 'room'; key: string; persons: number };

/** Distinct persons per difficulty, and per room where at least one difficulty was recorded. */
export async function countDifficultyPersons(
  db: Db,
  w: Window,
  sources: SourceOfVersions[],
): Promise<DifficultyCount[]> {
  if (sources.length === 0) return [];
  const facts = sql.join(
    sources.map((s) => factsOf(w, s)),
    sql` union all `,
  );
  const result = await db.execute(sql`
    with facts as (${facts})
    select 'difficulty' as dimension, difficulty as key, count(distinct person_id)::int as persons
      from facts group by difficulty
    union all
    select 'room', room, count(distinct person_id)::int from facts where room is not null group by room`);
  return (result as { rows: DifficultyCount[] }).rows;
}

/** How many submitted responses of these versions the window holds, and about how many persons. */
export async function countSubmitted(db: Db, w: Window, versionIds: string[]) {
  if (versionIds.length === 0) return { responses: 0, persons: 0 };
  const result = await db.execute(sql`
    select count(*)::int as responses, count(distinct r.person_id)::int as persons
    from form_responses r where ${submittedWith(w, versionIds)}`);
  return (result as { rows: { responses: number; persons: number }[] }).rows[0]!;
}
