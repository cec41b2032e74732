import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { indicatorsSchema, periodQuerySchema } from '#src/modules/observatory/api/indicators.schema.ts';
import { getIndicators } from '#src/modules/observatory/service/indicators.ts';

const indicators = defineRoute({
  access: 'observatory.read',
  method: 'get',
  path: '/api/indicators',
  tags: ['observatory'],
  summary: 'Entries, stages, median days per stage, outcomes and closure reasons of the workspace over a period',
  request: { query: periodQuerySchema },
  responses: { 200: jsonResponse(indicatorsSchema, 'Counts and durations, no person') },
});

export function mountIndicatorRoutes(router: Router) {
  router.openapi(indicators, async (c) => {
    return c.json(await getIndicators(c.var.deps.database.db, c.var.actor, c.req.valid('query')), 200);
  });
}
