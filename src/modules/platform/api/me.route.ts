import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { meSchema } from '#src/modules/platform/api/me.schema.ts';

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
    return c.json(
      {
        user: { id: actor.userId, email: actor.email, name: actor.name },
        workspace: { id: actor.workspaceId, name: actor.workspaceName },
        memberships: actor.memberships,
        permissions: [...actor.permissions],
        twoFactorSetupRequired: actor.twoFactorSetupRequired,
      },
      200,
    );
  });
}
