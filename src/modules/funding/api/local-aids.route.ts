import { z } from '@hono/zod-openapi';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { localAidInputSchema, localAidSchema } from '#src/modules/funding/api/local-aids.schema.ts';
import {
  archiveLocalAid,
  createLocalAid,
  editLocalAid,
  listLocalAidViews,
} from '#src/modules/funding/service/local-aids.ts';

const tags = ['Financements'];
const params = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
const ok = z.object({ ok: z.literal(true) });

const listRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/funding/local-aids',
  tags,
  summary: 'The aids the workspace describes itself (Département, commune, pension funds, CCAS)',
  responses: {
    200: jsonResponse(z.object({ items: z.array(localAidSchema), canWrite: z.boolean() }), 'Local aids'),
  },
});
const createRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/local-aids',
  tags,
  summary: 'Describe a local aid (conditions, base, rate, cap, dates, source)',
  request: jsonBody(localAidInputSchema),
  responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Added') },
});
const updateRoute = defineRoute({
  access: 'funding.write',
  method: 'put',
  path: '/api/funding/local-aids/{id}',
  tags,
  summary: 'Change a local aid (409 with the saved version when it changed meanwhile)',
  request: { params, ...jsonBody(localAidInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved') },
});
const archiveRoute = defineRoute({
  access: 'funding.write',
  method: 'delete',
  path: '/api/funding/local-aids/{id}',
  tags,
  summary: 'Withdraw a local aid (kept for the plans that used it)',
  request: { params },
  responses: { 200: jsonResponse(ok, 'Withdrawn') },
});

export function mountLocalAidRoutes(router: Router) {
  router.openapi(listRoute, async (c) => {
    return c.json(
      {
        items: await listLocalAidViews(dbOf(c), c.var.actor),
        canWrite: c.var.actor.permissions.has('funding.write'),
      },
      200,
    );
  });
  router.openapi(createRoute, async (c) => {
    const id = await createLocalAid(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await editLocalAid(dbOf(c), c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(archiveRoute, async (c) => {
    await archiveLocalAid(dbOf(c), c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
}
