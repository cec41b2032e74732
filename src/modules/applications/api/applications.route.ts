import { z } from '@hono/zod-openapi';
import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  applicationCreateSchema,
  applicationDetailSchema,
  applicationInputSchema,
  applicationListQuerySchema,
  applicationSummarySchema,
  communeChoicesSchema,
  createdSchema,
  idParamSchema,
  matchesSchema,
  matchQuerySchema,
  okSchema,
  poiInputSchema,
  poiSchema,
  unitDemandSchema,
  admissionSettingsSchema,
  ceilingInputSchema,
  eligibilitySettingsSchema,
} from '#src/modules/applications/api/application.schema.ts';
import {
  createCeiling,
  editCeiling,
  getEligibilitySettings,
  removeCeiling,
  saveAdmissionSettings,
} from '#src/modules/applications/service/eligibility-settings.ts';
import {
  createApplication,
  getApplication,
  listApplications,
  updateApplication,
} from '#src/modules/applications/service/applications.ts';
import { communeChoices, demandForUnit, matchesForApplication } from '#src/modules/applications/service/matching.ts';
import {
  createPointOfInterest,
  editPointOfInterest,
  listPointsOfInterest,
  removePointOfInterest,
} from '#src/modules/applications/service/points-of-interest.ts';

const tags = ['applications'];
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

const listRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/housing-applications',
  tags,
  summary: 'Social-housing applications of the pathways I may see (none for landlord staff)',
  request: { query: applicationListQuerySchema },
  responses: { 200: jsonResponse(items(applicationSummarySchema), 'Applications') },
});
const createRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/housing-applications',
  tags,
  summary: 'Record the social-housing application of a pathway (numéro unique checked)',
  request: jsonBody(applicationCreateSchema),
  responses: { 201: jsonResponse(createdSchema, 'Recorded') },
});
const detailRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/housing-applications/{id}',
  tags,
  summary: 'An application with capacities, wishes, weights and the official cotation (audited)',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(applicationDetailSchema, 'The application') },
});
const updateRoute = defineRoute({
  access: 'pathway.write',
  method: 'put',
  path: '/api/housing-applications/{id}',
  tags,
  summary: 'Replace what is recorded of an application',
  request: { params: idParamSchema, ...jsonBody(applicationInputSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const communeChoicesRoute = defineRoute({
  access: 'pathway.write',
  method: 'get',
  path: '/api/housing-application-communes',
  tags,
  summary: 'Communes an application may wish for: those of the housing supply and of the points of interest',
  responses: { 200: jsonResponse(communeChoicesSchema, 'Communes') },
});
const matchesRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing-applications/{id}/matches',
  tags,
  summary: 'Available and forthcoming units ranked for this application, each constraint and criterion explained',
  request: { params: idParamSchema, query: matchQuerySchema },
  responses: { 200: jsonResponse(matchesSchema, 'Ranked units') },
});
const demandRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/units/{id}/demand',
  tags,
  summary: 'How many qualified applications would pass this unit’s hard constraints (anonymous for landlords)',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(unitDemandSchema, 'Demand for the unit') },
});
const poiListRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/points-of-interest',
  tags,
  summary: 'Points of interest of the workspace (doctors, pharmacies, shops, stops…) used for walking times',
  responses: { 200: jsonResponse(items(poiSchema), 'Points of interest') },
});
const poiCreateRoute = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/points-of-interest',
  tags,
  summary: 'Add a point of interest',
  request: jsonBody(poiInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});
const poiUpdateRoute = defineRoute({
  access: 'housing.manage',
  method: 'put',
  path: '/api/points-of-interest/{id}',
  tags,
  summary: 'Edit a point of interest',
  request: { params: idParamSchema, ...jsonBody(poiInputSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const poiDeleteRoute = defineRoute({
  access: 'housing.manage',
  method: 'delete',
  path: '/api/points-of-interest/{id}',
  tags,
  summary: 'Remove a point of interest',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(okSchema, 'Removed') },
});

const eligibilityRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing-eligibility-settings',
  tags,
  summary: 'Resource ceilings per financing and household size (dated) and the admission GIR settings',
  responses: { 200: jsonResponse(eligibilitySettingsSchema, 'Eligibility settings') },
});
const ceilingCreateRoute = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/income-ceilings',
  tags,
  summary: 'Add a resource ceiling copied from the arrêté, applying from its date',
  request: jsonBody(ceilingInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});
const ceilingUpdateRoute = defineRoute({
  access: 'housing.manage',
  method: 'put',
  path: '/api/income-ceilings/{id}',
  tags,
  summary: 'Correct a resource ceiling',
  request: { params: idParamSchema, ...jsonBody(ceilingInputSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const ceilingDeleteRoute = defineRoute({
  access: 'housing.manage',
  method: 'delete',
  path: '/api/income-ceilings/{id}',
  tags,
  summary: 'Remove a resource ceiling',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(okSchema, 'Removed') },
});
const admissionRoute = defineRoute({
  access: 'housing.manage',
  method: 'put',
  path: '/api/housing-admission-settings',
  tags,
  summary: 'Set the default GIR range of résidences autonomie and the ASV loss-of-autonomy limit',
  request: jsonBody(admissionSettingsSchema),
  responses: { 200: jsonResponse(okSchema, 'Saved') },
});

export function mountApplicationRoutes(router: Router) {
  router.openapi(eligibilityRoute, async (c) => {
    return c.json(await getEligibilitySettings(c.var.deps.database.db, c.var.actor), 200);
  });
  router.openapi(ceilingCreateRoute, async (c) => {
    const id = await createCeiling(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(ceilingUpdateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await editCeiling(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(ceilingDeleteRoute, async (c) => {
    await removeCeiling(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(admissionRoute, async (c) => {
    await saveAdmissionSettings(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(listRoute, async (c) => {
    const list = await listApplications(c.var.deps.database.db, c.var.actor, c.req.valid('query'));
    return c.json({ items: list }, 200);
  });
  router.openapi(createRoute, async (c) => {
    const id = await createApplication(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getApplication(c.var.deps.database.db, c.var.actor, id, c.var.requestId), 200);
  });
  router.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await updateApplication(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(communeChoicesRoute, async (c) => {
    return c.json({ items: await communeChoices(c.var.deps.database.db, c.var.actor) }, 200);
  });
  router.openapi(matchesRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await matchesForApplication(c.var.deps.database.db, c.var.actor, id, c.req.valid('query')), 200);
  });
  router.openapi(demandRoute, async (c) => {
    return c.json(await demandForUnit(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200);
  });
  router.openapi(poiListRoute, async (c) => {
    return c.json({ items: await listPointsOfInterest(c.var.deps.database.db, c.var.actor) }, 200);
  });
  router.openapi(poiCreateRoute, async (c) => {
    const id = await createPointOfInterest(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(poiUpdateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await editPointOfInterest(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(poiDeleteRoute, async (c) => {
    await removePointOfInterest(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
}
