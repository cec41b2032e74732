import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import type { Membership } from '#src/shared/auth/actor.ts';
import { memberships, organizations, workspaces } from '#src/modules/platform/db/schema.ts';

export async function findDefaultWorkspaceOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row?.workspaceId ?? null;
}

/** The user's memberships in one workspace, with the workspace's name, in one query. */
export async function listMembershipsOfUser(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<{ workspaceName: string; memberships: Membership[] }> {
  const rows = await db
    .select({
      workspaceName: workspaces.name,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(
      organizations,
      and(eq(organizations.workspaceId, memberships.workspaceId), eq(organizations.id, memberships.organizationId)),
    )
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .orderBy(asc(organizations.name));
  return {
    workspaceName: rows[0]?.workspaceName ?? '',
    memberships: rows.map(({ workspaceName: _, ...membership }) => membership),
  };
}
