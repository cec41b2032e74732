import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { indicatorsSchema, periodQuerySchema } from '#src/modules/observatory/api/indicators.schema.ts';
import { getIndicators, homeVisitDifficultiesCsv } from '#src/modules/observatory/service/indicators.ts';

const indicators = defineRoute({
  access: 'observatory.read',
  method: 'get',
  path: '/api/indicators',
  tags: ['observatory'],
  summary: 'Entries, stages, median days per stage, outcomes and closure reasons of the workspace over a period',
  request: { query: periodQuerySchema },
  responses: { 200: jsonResponse(indicatorsSchema, 'Counts and durations, no person') },
});

const homeVisitDifficultiesCsvRoute = defineRoute({
  access: 'observatory.read',
  method: 'get',
  path: '/api/indicators/home-visit-difficulties.csv',
  tags: ['observatory'],
  summary:
    "Persons by difficulty and by room from the period's submitted home-visit forms, as CSV (UTF-8 with BOM, ';' separated)",
  request: { query: periodQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Counts, no person' } },
});

export function mountIndicatorRoutes(router: Router) {
  router.openapi(homeVisitDifficultiesCsvRoute, async (c) => {
    const period = c.req.valid('query');
    const csv = await homeVisitDifficultiesCsv(c.var.deps.database.db, c.var.actor, period);
    const fileName = messages.indicators.homeVisits.csv.fileName(period.from, period.to);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    });
  });
  router.openapi(indicators, async (c) => {
    return c.json(await getIndicators(c.var.deps.database.db, c.var.actor, c.req.valid('query')), 200);
  });
}
