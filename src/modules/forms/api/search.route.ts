import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { responseSearchQuerySchema, responseSearchResultSchema } from '#src/modules/forms/api/search.schema.ts';
import { searchResponses } from '#src/modules/forms/service/search.ts';

const searchRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/form-responses/search',
  tags: ['forms'],
  summary:
    'Search the answers of the responses about persons the user may see (accents and case ignored, choices by their label), latest first (audited)',
  request: { query: responseSearchQuerySchema },
  responses: { 200: jsonResponse(responseSearchResultSchema, 'Matching responses, one page') },
});

/** Mounted before `/api/form-responses/{id}`, which would otherwise take "search" for an id. */
export function mountFormSearchRoutes(router: Router) {
  router.openapi(searchRoute, async (c) => {
    const result = await searchResponses(c.var.deps.database.db, c.var.actor, c.req.valid('query'), c.var.requestId);
    return c.json(result, 200);
  });
}
