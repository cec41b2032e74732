import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { communeSchema, communeSearchQuerySchema } from '#src/modules/platform/api/commune.schema.ts';
import { searchCommunes } from '#src/modules/platform/service/communes.ts';

const search = defineRoute({
  access: 'authenticated',
  method: 'get',
  path: '/api/communes',
  tags: ['platform'],
  summary: 'Search the official commune list by name or postal code (accents ignored), 20 results at most',
  request: { query: communeSearchQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(communeSchema) }), 'Matching communes') },
});

export function mountCommuneRoutes(router: Router) {
  router.openapi(search, async (c) => {
    const items = await searchCommunes(c.req.valid('query').q);
    return c.json({ items }, 200);
  });
}
