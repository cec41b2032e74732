import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import type { Membership } from '#src/shared/auth/actor.ts';
import { memberships, organizations, users } from '#src/modules/platform/db/schema.ts';

export async function findDefaultWorkspaceOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row?.workspaceId ?? null;
}

export async function listMembershipsOfUser(db: Db, workspaceId: string, userId: string): Promise<Membership[]> {
  return db
    .select({
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
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .orderBy(asc(organizations.name));
}

export async function findUserIdentity(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
