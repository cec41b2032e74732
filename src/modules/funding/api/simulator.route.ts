import { z } from '@hono/zod-openapi';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { prefillSchema, simulationRequestSchema, simulationSchema } from '#src/modules/funding/api/simulator.schema.ts';
import { prefillFromFile, simulateForActor } from '#src/modules/funding/service/simulator.ts';

const tags = ['Financements'];

const simulateRoute = defineRoute({
  access: 'funding.read',
  method: 'post',
  path: '/api/funding/simulations',
  tags,
  summary: 'Every aid for a household on the given dates: status, amount, conditions, parameters and sources',
  request: jsonBody(simulationRequestSchema),
  responses: { 200: jsonResponse(simulationSchema, 'The aids, each explained') },
});
const prefillRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/people/{id}/funding-household',
  tags,
  summary: 'What the person’s file already says of the household, for the simulator (audited read of the file)',
  request: { params: z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) }) },
  responses: { 200: jsonResponse(prefillSchema, 'Known facts and where each comes from') },
});

export function mountSimulatorRoutes(router: Router) {
  router.openapi(simulateRoute, async (c) => {
    return c.json(await simulateForActor(dbOf(c), c.var.actor, c.req.valid('json'), new Date()), 200);
  });
  router.openapi(prefillRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await prefillFromFile(dbOf(c), c.var.actor, id, c.var.requestId), 200);
  });
}
