import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { notFound } from '#src/shared/errors.ts';
import { meSchema } from '#src/modules/platform/api/me.schema.ts';
import { findWorkspace } from '#src/modules/platform/repo/workspaces.repo.ts';

const getMe = defineRoute({
  access: 'authenticated',
  method: 'get',
  path: '/api/me',
  tags: ['platform'],
  summary: 'The signed-in user, their workspace, memberships and permissions',
  responses: { 200: jsonResponse(meSchema, 'The signed-in user') },
});

export function mountMeRoutes(router: Router) {
  router.openapi(getMe, async (c) => {
    const actor = c.var.actor;
    const workspace = await findWorkspace(c.var.deps.database.db, actor.workspaceId);
    if (!workspace) throw notFound();
    return c.json(
      {
        user: { id: actor.userId, email: actor.email, name: actor.name },
        workspace,
        memberships: actor.memberships,
        permissions: [...actor.permissions],
        twoFactorSetupRequired: actor.twoFactorSetupRequired,
      },
      200,
    );
  });
}
