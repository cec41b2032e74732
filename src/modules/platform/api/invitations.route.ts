import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationCreatedSchema,
  invitationCreateSchema,
  invitationIdParamSchema,
  invitationPublicSchema,
  invitationSchema,
  invitationTokenParamSchema,
} from '#src/modules/platform/api/invitation.schema.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  renewInvitation,
  revokeInvitation,
  viewInvitation,
} from '#src/modules/platform/service/invitations.ts';

const list = defineRoute({
  access: 'user.read',
  method: 'get',
  path: '/api/invitations',
  tags: ['platform'],
  summary: 'Invitations neither accepted nor revoked (expired ones included)',
  responses: { 200: jsonResponse(z.object({ items: z.array(invitationSchema) }), 'The open invitations') },
});

const create = defineRoute({
  access: 'user.manage',
  method: 'post',
  path: '/api/invitations',
  tags: ['platform'],
  summary: 'Invite someone to an organisation with a role: e-mails a 7-day link and returns it (audited)',
  request: jsonBody(invitationCreateSchema),
  responses: {
    201: jsonResponse(invitationCreatedSchema, 'The invitation and its link'),
    409: jsonResponse(errorBodySchema, 'Already a member, or an invitation is already pending'),
  },
});

const renew = defineRoute({
  access: 'user.manage',
  method: 'post',
  path: '/api/invitations/{id}/renew',
  tags: ['platform'],
  summary: 'Send an invitation again with a new link valid 7 days; the old link stops working (audited)',
  request: { params: invitationIdParamSchema },
  responses: { 200: jsonResponse(invitationCreatedSchema, 'The invitation and its new link') },
});

const revoke = defineRoute({
  access: 'user.manage',
  method: 'post',
  path: '/api/invitations/{id}/revoke',
  tags: ['platform'],
  summary: 'Revoke an invitation: its link stops working (audited)',
  request: { params: invitationIdParamSchema },
  responses: { 204: { description: 'Revoked' } },
});

const view = defineRoute({
  access: 'public',
  method: 'get',
  path: '/api/invitations/{token}',
  tags: ['platform'],
  summary: 'What an invitation link offers; 404 once expired, revoked or used',
  request: { params: invitationTokenParamSchema },
  responses: {
    200: jsonResponse(invitationPublicSchema, 'The invitation'),
    404: jsonResponse(errorBodySchema, 'Invalid link'),
  },
});

const accept = defineRoute({
  access: 'public',
  method: 'post',
  path: '/api/invitations/{token}/accept',
  tags: ['platform'],
  summary: 'Accept an invitation: creates the account (or adds the membership to an existing one)',
  request: { params: invitationTokenParamSchema, ...jsonBody(invitationAcceptSchema) },
  responses: {
    200: jsonResponse(invitationAcceptedSchema, 'Accepted; the person signs in next'),
    404: jsonResponse(errorBodySchema, 'Invalid link'),
  },
});

export function mountInvitationRoutes(router: Router) {
  router.openapi(list, async (c) => {
    const items = await listInvitations(c.var.deps.database.db, c.var.actor);
    return c.json({ items }, 200);
  });
  router.openapi(create, async (c) => {
    const created = await createInvitation(c.var.deps, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(created, 201);
  });
  router.openapi(renew, async (c) => {
    const renewed = await renewInvitation(c.var.deps, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json(renewed, 200);
  });
  router.openapi(revoke, async (c) => {
    await revokeInvitation(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(view, async (c) => {
    const invitation = await viewInvitation(c.var.deps.database.db, c.req.valid('param').token);
    return c.json(invitation, 200);
  });
  router.openapi(accept, async (c) => {
    const accepted = await acceptInvitation(
      c.var.deps.database.db,
      c.req.valid('param').token,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(accepted, 200);
  });
}
