import { z } from '@hono/zod-openapi';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { parametersPageSchema, withFieldChecks } from '#src/modules/funding/api/parameter-values.schema.ts';
import {
  createParameterValue,
  crossFieldIssues,
  editParameterValue,
  listParameters,
  withdrawParameterValue,
} from '#src/modules/funding/service/parameter-values.ts';

const tags = ['Financements'];
const params = z.object({ fundingParameterValueId: z.uuid({ error: 'Identifiant invalide.' }) });
const ok = z.object({ ok: z.literal(true) });
const body = withFieldChecks(crossFieldIssues);

const listRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/funding/parameters',
  tags,
  summary:
    'Every parameter of the aid rules with its dated values, confidence and sources (not retrieved first), the values the workspace entered layered on',
  responses: { 200: jsonResponse(parametersPageSchema, 'Parameters') },
});
const createRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/parameters/values',
  tags,
  summary: 'Enter a dated value of a parameter with its source (an overlap with a known value is a 400 on `from`)',
  request: jsonBody(body),
  responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Entered') },
});
const updateRoute = defineRoute({
  access: 'funding.write',
  method: 'put',
  path: '/api/funding/parameters/values/{fundingParameterValueId}',
  tags,
  summary: 'Change an entered value (409 with the saved version when it changed meanwhile)',
  request: { params, ...jsonBody(body) },
  responses: { 200: jsonResponse(ok, 'Saved') },
});
const withdrawRoute = defineRoute({
  access: 'funding.write',
  method: 'delete',
  path: '/api/funding/parameters/values/{fundingParameterValueId}',
  tags,
  summary: 'Withdraw an entered value (kept as history)',
  request: { params },
  responses: { 200: jsonResponse(ok, 'Withdrawn') },
});

export function mountParameterValueRoutes(router: Router) {
  router.openapi(listRoute, async (c) => {
    const page = await listParameters(dbOf(c), c.var.actor);
    return c.json({ ...page, canWrite: c.var.actor.permissions.has('funding.write') }, 200);
  });
  router.openapi(createRoute, async (c) => {
    const id = await createParameterValue(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(updateRoute, async (c) => {
    const { fundingParameterValueId } = c.req.valid('param');
    await editParameterValue(dbOf(c), c.var.actor, fundingParameterValueId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(withdrawRoute, async (c) => {
    const { fundingParameterValueId } = c.req.valid('param');
    await withdrawParameterValue(dbOf(c), c.var.actor, fundingParameterValueId, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
}
