import type { Actor } from '#src/shared/auth/actor.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';

/** An actor as the access middleware builds it, for service tests that bypass HTTP. */
export function actorFor(input: { userId: string; workspaceId: string; organizationId: string; role: Role }): Actor {
  return {
    userId: input.userId,
    sessionId: 'test-session',
    email: `${input.userId}@exemple.test`,
    name: `Utilisateur ${input.role}`,
    workspaceId: input.workspaceId,
    workspaceName: 'Espace de test',
    memberships: [
      { organizationId: input.organizationId, organizationName: 'CCAS', organizationKind: 'ccas', role: input.role },
    ],
    permissions: new Set(rolePermissions[input.role]),
    twoFactorSetupRequired: false,
  };
}
