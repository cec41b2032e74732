import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  memberListSchema,
  membershipCreateSchema,
  membershipIdParamSchema,
  membershipRoleSchema,
  membershipSchema,
} from '#src/modules/platform/api/member.schema.ts';
import {
  addMembership,
  changeMembershipRole,
  listMembers,
  removeMembership,
} from '#src/modules/platform/service/members.ts';

const list = defineRoute({
  access: 'user.read',
  method: 'get',
  path: '/api/users',
  tags: ['platform'],
  summary: 'The accounts of the workspace with their organisations and roles',
  responses: { 200: jsonResponse(memberListSchema, 'The accounts') },
});

const create = defineRoute({
  access: 'user.manage',
  method: 'post',
  path: '/api/memberships',
  tags: ['platform'],
  summary: 'Add an account of the workspace to one more organisation, with a role (audited)',
  request: jsonBody(membershipCreateSchema),
  responses: {
    201: jsonResponse(membershipSchema, 'The membership'),
    409: jsonResponse(errorBodySchema, 'The account is already a member of this organisation'),
  },
});

const changeRole = defineRoute({
  access: 'user.manage',
  method: 'patch',
  path: '/api/memberships/{id}',
  tags: ['platform'],
  summary: "Change a membership's role; the last administrator cannot be demoted (audited)",
  request: { params: membershipIdParamSchema, ...jsonBody(membershipRoleSchema) },
  responses: {
    200: jsonResponse(membershipSchema, 'The membership'),
    409: jsonResponse(errorBodySchema, 'This is the last administrator of the workspace'),
  },
});

const remove = defineRoute({
  access: 'user.manage',
  method: 'delete',
  path: '/api/memberships/{id}',
  tags: ['platform'],
  summary: 'Remove a membership; the last administrator cannot be removed (audited)',
  request: { params: membershipIdParamSchema },
  responses: {
    204: { description: 'Removed' },
    409: jsonResponse(errorBodySchema, 'This is the last administrator of the workspace'),
  },
});

export function mountMemberRoutes(router: Router) {
  router.openapi(list, async (c) => {
    const items = await listMembers(c.var.deps.database.db, c.var.actor);
    return c.json({ items, canManage: c.var.actor.permissions.has('user.manage') }, 200);
  });
  router.openapi(create, async (c) => {
    const membership = await addMembership(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(membership, 201);
  });
  router.openapi(changeRole, async (c) => {
    const { db } = c.var.deps.database;
    const membership = await changeMembershipRole(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json').role,
      c.var.requestId,
    );
    return c.json(membership, 200);
  });
  router.openapi(remove, async (c) => {
    await removeMembership(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
}
