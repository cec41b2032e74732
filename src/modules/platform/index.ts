import type { AppDeps } from '#src/shared/http/env.ts';
import type { Router } from '#src/shared/http/route.ts';
import { mountAuthRoutes } from '#src/modules/platform/api/auth.route.ts';
import { mountMeRoutes } from '#src/modules/platform/api/me.route.ts';
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
