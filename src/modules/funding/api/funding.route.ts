import { z } from '@hono/zod-openapi';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  applicationCreateSchema,
  applicationStepSchema,
  createdSchema,
  documentsInputSchema,
  indicatorsSchema,
  pathwayParamSchema,
  periodQuerySchema,
  planCreateSchema,
  projectCreateSchema,
  projectListSchema,
  projectSchema,
  quoteCreateSchema,
} from '#src/modules/funding/api/funding.schema.ts';
import { createApplication, recordStep, updateDocuments } from '#src/modules/funding/service/applications.ts';
import { fundingIndicators, fundingIndicatorsCsv } from '#src/modules/funding/service/indicators.ts';
import {
  addQuote,
  createProject,
  projectForActor,
  projectsOfPathway,
  savePlan,
} from '#src/modules/funding/service/projects.ts';

const uuid = z.uuid({ error: 'Identifiant invalide.' });
const fundingProjectIdParams = z.object({ fundingProjectId: uuid });
const fundingPlanIdParams = z.object({ fundingPlanId: uuid });
const fundingApplicationIdParams = z.object({ fundingApplicationId: uuid });
const tags = ['funding'];

const createProjectRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/projects',
  tags,
  summary: 'Open an adaptation project on a pathway whose person the caller may see; audited',
  request: jsonBody(projectCreateSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new project') },
});

const projectsOfPathwayRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/pathways/{pathwayId}/funding-projects',
  tags,
  summary: 'The funding projects of a pathway, latest first, with the out-of-pocket amount of their latest plan',
  request: { params: pathwayParamSchema },
  responses: { 200: jsonResponse(projectListSchema, 'Projects') },
});

const projectRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/funding/projects/{fundingProjectId}',
  tags,
  summary: 'A project: its quotes, saved plans (latest first), applications with their timeline (case-team rule)',
  request: { params: fundingProjectIdParams },
  responses: { 200: jsonResponse(projectSchema, 'The project') },
});

const addQuoteRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/projects/{fundingProjectId}/quotes',
  tags,
  summary: 'Record a quote: lines with VAT rates in force, totals computed; a negative line or wrong total is a 400',
  request: { params: fundingProjectIdParams, ...jsonBody(quoteCreateSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The new quote') },
});

const savePlanRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/projects/{fundingProjectId}/plans',
  tags,
  summary: 'Compute and save a funding plan from a quote and the household facts; figures and parameters are kept',
  request: { params: fundingProjectIdParams, ...jsonBody(planCreateSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The saved plan') },
});

const createApplicationRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/plans/{fundingPlanId}/applications',
  tags,
  summary: 'Open the application for one aid of a plan; an aid the person is not eligible to needs a justification',
  request: { params: fundingPlanIdParams, ...jsonBody(applicationCreateSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The new application') },
});

const stepRoute = defineRoute({
  access: 'funding.write',
  method: 'post',
  path: '/api/funding/applications/{fundingApplicationId}/steps',
  tags,
  summary: 'Record the next status of an application (at the revision read: 409 when stale); audited',
  request: { params: fundingApplicationIdParams, ...jsonBody(applicationStepSchema) },
  responses: { 204: { description: 'Recorded' } },
});

const documentsRoute = defineRoute({
  access: 'funding.write',
  method: 'put',
  path: '/api/funding/applications/{fundingApplicationId}/documents',
  tags,
  summary: 'Tick the documents received for an application (at the revision read: 409 when stale); audited',
  request: { params: fundingApplicationIdParams, ...jsonBody(documentsInputSchema) },
  responses: { 204: { description: 'Recorded' } },
});

const indicatorsRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/funding/indicators',
  tags,
  summary: 'Amounts requested and obtained by funder, decision delays, out-of-pocket distribution, for a period',
  request: { query: periodQuerySchema },
  responses: { 200: jsonResponse(indicatorsSchema, 'Figures, no person') },
});

const indicatorsCsvRoute = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: '/api/funding/indicators.csv',
  tags,
  summary: "The same figures as CSV (UTF-8 with BOM, ';' separated)",
  request: { query: periodQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Figures, no person' } },
});

export function mountFundingRoutes(router: Router) {
  router.openapi(createProjectRoute, async (c) =>
    c.json(await createProject(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(projectsOfPathwayRoute, async (c) =>
    c.json(await projectsOfPathway(dbOf(c), c.var.actor, c.req.valid('param').pathwayId), 200),
  );
  router.openapi(projectRoute, async (c) =>
    c.json(await projectForActor(dbOf(c), c.var.actor, c.req.valid('param').fundingProjectId), 200),
  );
  router.openapi(addQuoteRoute, async (c) =>
    c.json(
      await addQuote(dbOf(c), c.var.actor, c.req.valid('param').fundingProjectId, c.req.valid('json'), c.var.requestId),
      201,
    ),
  );
  router.openapi(savePlanRoute, async (c) =>
    c.json(
      await savePlan(dbOf(c), c.var.actor, c.req.valid('param').fundingProjectId, c.req.valid('json'), c.var.requestId),
      201,
    ),
  );
  router.openapi(createApplicationRoute, async (c) =>
    c.json(
      await createApplication(
        dbOf(c),
        c.var.actor,
        c.req.valid('param').fundingPlanId,
        c.req.valid('json'),
        c.var.requestId,
      ),
      201,
    ),
  );
  router.openapi(stepRoute, async (c) => {
    await recordStep(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').fundingApplicationId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.body(null, 204);
  });
  router.openapi(documentsRoute, async (c) => {
    await updateDocuments(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').fundingApplicationId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.body(null, 204);
  });
  router.openapi(indicatorsCsvRoute, async (c) => {
    const period = c.req.valid('query');
    const data = await fundingIndicators(dbOf(c), c.var.actor, period);
    return c.body(fundingIndicatorsCsv(data), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="financements-${period.from}-${period.to}.csv"`,
    });
  });
  router.openapi(indicatorsRoute, async (c) =>
    c.json(await fundingIndicators(dbOf(c), c.var.actor, c.req.valid('query')), 200),
  );
}
