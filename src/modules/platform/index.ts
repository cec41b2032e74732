import type { AppDeps } from '#src/shared/http/env.ts';
import type { Router } from '#src/shared/http/route.ts';
import { mountAuthRoutes } from '#src/modules/platform/api/auth.route.ts';
import { mountMeRoutes } from '#src/modules/platform/api/me.route.ts';
import { mountCommuneRoutes } from '#src/modules/platform/api/communes.route.ts';
import { mountAuditRoutes } from '#src/modules/platform/api/audit.route.ts';
import { mountInvitationRoutes } from '#src/modules/platform/api/invitations.route.ts';
import { mountMemberRoutes } from '#src/modules/platform/api/members.route.ts';
import { mountOrganizationRoutes } from '#src/modules/platform/api/organizations.route.ts';
import { createAuth } from '#src/modules/platform/service/auth.ts';
import { resolveActor } from '#src/modules/platform/service/resolve-actor.ts';

export { roles, rolePermissions, type Role } from '#src/modules/platform/domain/roles.ts';
export type { Me } from '#src/modules/platform/api/me.schema.ts';

/** Sign-in, the actor of each request, and the administration of the workspace. */
export function createPlatform(deps: AppDeps, authSecret: string) {
  const auth = createAuth(deps, authSecret);
  return {
    auth,
    loadActor: (headers: Headers) => resolveActor(auth, deps.database.db, headers),
    mount(router: Router) {
      mountAuthRoutes(router, auth);
      mountMeRoutes(router);
      mountCommuneRoutes(router);
      mountOrganizationRoutes(router);
      mountMemberRoutes(router);
      mountInvitationRoutes(router);
      mountAuditRoutes(router);
    },
  };
}
export {
  insertWorkspace,
  insertOrganization,
  insertUserWithPassword,
  insertMembership,
} from '#src/modules/platform/repo/users.repo.ts';
export { checkSiret } from '#src/modules/platform/domain/siret.ts';
/** The official commune list, for other modules that store an INSEE code. */
export {
  communeNameOf,
  findCommune,
  isKnownCommune,
  searchCommunes,
  type CommuneView,
} from '#src/modules/platform/service/communes.ts';
export { hasAnyWorkspace } from '#src/modules/platform/repo/workspaces.repo.ts';
/** Organisations and memberships as other modules read them (a person's landlord, case-team members). */
export { listOrganizations, findOrganization } from '#src/modules/platform/repo/organizations.repo.ts';
export { listMemberRows, hasMembership } from '#src/modules/platform/repo/members.repo.ts';
