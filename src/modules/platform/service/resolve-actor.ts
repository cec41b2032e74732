import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { permissionsOf, rolesRequiringTwoFactor } from '#src/modules/platform/domain/roles.ts';
import { listMembershipsOfUser } from '#src/modules/platform/repo/memberships.repo.ts';
import type { Auth } from '#src/modules/platform/service/auth.ts';

export async function resolveActor(auth: Auth, db: Db, headers: Headers): Promise<Actor | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const workspaceId = (found.session as { activeWorkspaceId?: string | null }).activeWorkspaceId;
  if (!workspaceId) return null;
  const { workspaceName, memberships } = await listMembershipsOfUser(db, workspaceId, found.user.id);
  if (memberships.length === 0) return null;
  const twoFactorSetupRequired =
    memberships.some((m) => (rolesRequiringTwoFactor as readonly string[]).includes(m.role)) &&
    !(found.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled;
  return {
    userId: found.user.id,
    sessionId: found.session.id,
    email: found.user.email,
    name: found.user.name,
    workspaceId,
    workspaceName,
    memberships,
    permissions: twoFactorSetupRequired ? new Set() : permissionsOf(memberships.map((m) => m.role)),
    twoFactorSetupRequired,
  };
}
