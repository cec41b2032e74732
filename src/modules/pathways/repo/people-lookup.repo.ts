import { sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import type { PathwayScope } from '#src/modules/pathways/domain/visibility.ts';

/**
 * The person-file rule of the people module (case team, or an organisation-wide role in the owning
 * organisation), for opening a pathway: its tables are named in SQL, not imported across the boundary.
 */
export async function isPersonVisible(db: Db, scope: PathwayScope, personId: string): Promise<boolean> {
  const orgWide = scope.organizationWideIds.length
    ? sql`or p.owning_organization_id in (${sql.join(
        scope.organizationWideIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    select 1 from persons p
    where p.workspace_id = ${scope.workspaceId} and p.id = ${personId}
      and (exists (select 1 from case_team_members m where m.workspace_id = p.workspace_id and m.person_id = p.id
                   and m.user_id = ${scope.userId} and m.removed_at is null) ${orgWide})`);
  return (result as { rows: unknown[] }).rows.length > 0;
}
