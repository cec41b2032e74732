import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  aggirAssessmentInputSchema,
  aggirContextSchema,
  aggirCreatedSchema,
  personIdParamSchema,
} from '#src/modules/assessments/api/assessment.schema.ts';
import { createAggirAssessment, getAggirContext } from '#src/modules/assessments/service/aggir-assessments.ts';

const tags = ['assessments'];

const list = defineRoute({
  access: 'person.read_sensitive',
  method: 'get',
  path: '/api/people/{personId}/aggir',
  tags,
  summary: 'The AGGIR assessments of a person, the most recent first',
  request: { params: personIdParamSchema },
  responses: { 200: jsonResponse(aggirContextSchema, 'The person and their assessments') },
});

// Writing needs `person.write` here and `person.read_sensitive` in the service: the GIR is health data.
const create = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{personId}/aggir',
  tags,
  summary: 'Record a filled AGGIR grid; its GIR goes on the person’s file with its date (audited)',
  request: { params: personIdParamSchema, ...jsonBody(aggirAssessmentInputSchema) },
  responses: { 201: jsonResponse(aggirCreatedSchema, 'Recorded') },
});

export function mountAssessmentRoutes(router: Router) {
  router.openapi(list, async (c) =>
    c.json(await getAggirContext(c.var.deps.database.db, c.var.actor, c.req.valid('param').personId), 200),
  );
  router.openapi(create, async (c) => {
    const created = await createAggirAssessment(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('param').personId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(created, 201);
  });
}
