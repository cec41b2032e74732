import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  personCaseloadQuerySchema,
  personIdParamSchema,
  personSearchQuerySchema,
  personSummarySchema,
} from '#src/modules/people/api/person.schema.ts';
import { getCaseload, getPersonFile, searchPersons } from '#src/modules/people/service/person-views.ts';

const search = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/search',
  tags: ['people'],
  summary: 'Search the persons the user may see (accents and small typos ignored)',
  request: { query: personSearchQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(personSummarySchema) }), 'Matching persons') },
});

const caseload = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/caseload',
  tags: ['people'],
  summary: 'The persons whose case team the user is on',
  request: { query: personCaseloadQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(personSummarySchema) }), 'The caseload') },
});

const getOne = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/{id}',
  tags: ['people'],
  summary: "Open a person's file (audited)",
  request: { params: personIdParamSchema },
  responses: { 200: jsonResponse(personSummarySchema, 'The person') },
});

export function mountPersonRoutes(router: Router) {
  router.openapi(search, async (c) => {
    const items = await searchPersons(c.var.deps.database.db, c.var.actor, c.req.valid('query'));
    return c.json({ items }, 200);
  });
  router.openapi(caseload, async (c) => {
    const items = await getCaseload(c.var.deps.database.db, c.var.actor, c.req.valid('query').limit);
    return c.json({ items }, 200);
  });
  router.openapi(getOne, async (c) => {
    const person = await getPersonFile(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json(person, 200);
  });
}
