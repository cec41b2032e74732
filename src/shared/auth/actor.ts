import type { Permission } from '#src/shared/auth/permissions.ts';

export type Membership = { organizationId: string; organizationName: string; organizationKind: string; role: string };

/** The signed-in user as every service sees them: one workspace, their memberships and granted permissions. */
export type Actor = {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  memberships: Membership[];
  permissions: ReadonlySet<Permission>;
  /** True while a role that requires a second factor has none: every permission is withheld until it is set up. */
  twoFactorSetupRequired: boolean;
};
