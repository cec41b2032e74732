import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { offerReportSchema, reportQuerySchema } from '#src/modules/offers/api/report.schema.ts';
import { offerReport, reportCsv, reportXlsx } from '#src/modules/offers/service/reports.ts';
import {
  answerInputSchema,
  committeeDecisionInputSchema,
  committeeInputSchema,
  committeeListSchema,
  createdSchema,
  idParamSchema,
  moveInInputSchema,
  offerCreateSchema,
  offerListQuerySchema,
  offerListSchema,
  offerSchema,
  offerableUnitListSchema,
  offerableUnitQuerySchema,
  visitInputSchema,
} from '#src/modules/offers/api/offer.schema.ts';
import {
  createCommittee,
  createOffer,
  recordAnswer,
  recordCommitteeDecision,
  recordMoveIn,
  recordVisit,
} from '#src/modules/offers/service/offers.ts';
import { getOffer, listCommitteesForActor, listOffersForActor } from '#src/modules/offers/service/views.ts';
import { offerableUnits } from '#src/modules/offers/service/unit-choices.ts';

const tags = ['offers'];
const conflict = { 409: jsonResponse(errorBodySchema, 'Not possible in the offer’s status, or the unit is taken') };

const list = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offers',
  tags,
  summary: 'Offers the user may see (landlord staff: on their units; case team: of their people), newest first',
  request: { query: offerListQuerySchema },
  responses: { 200: jsonResponse(offerListSchema, 'Offers') },
});

const create = defineRoute({
  access: 'housing.read',
  method: 'post',
  path: '/api/offers',
  tags,
  summary: 'Offer a unit to an application (landlord staff on their units, housing officers); audited',
  request: jsonBody(offerCreateSchema),
  responses: {
    201: jsonResponse(createdSchema, 'The new offer'),
    409: jsonResponse(errorBodySchema, 'The unit is allocated or held by an accepted offer'),
  },
});

const unitChoices = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offer-units',
  tags,
  summary:
    'Units the user may offer, available now or later (landlord staff: their own; housing officers: all), searched by words',
  request: { query: offerableUnitQuerySchema },
  responses: { 200: jsonResponse(offerableUnitListSchema, 'At most 50 units, and how many match') },
});

const getOne = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offers/{id}',
  tags,
  summary: 'One offer with its committee decision, answer and refusal',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(offerSchema, 'The offer') },
});

const visit = defineRoute({
  access: 'housing.read',
  method: 'post',
  path: '/api/offers/{id}/visit',
  tags,
  summary: 'Record the visit of the unit; audited',
  request: { params: idParamSchema, ...jsonBody(visitInputSchema) },
  responses: { 204: { description: 'Recorded' }, ...conflict },
});

const decide = defineRoute({
  access: 'housing.read',
  method: 'post',
  path: '/api/offers/{id}/committee-decision',
  tags,
  summary: 'Record the allocation committee’s decision, rank and notification (starts the answer delay); audited',
  request: { params: idParamSchema, ...jsonBody(committeeDecisionInputSchema) },
  responses: { 204: { description: 'Recorded' }, ...conflict },
});

const answer = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/offers/{id}/answer',
  tags,
  summary: 'Record the person’s answer (case team): acceptance allocates the unit and moves the pathway; audited',
  request: { params: idParamSchema, ...jsonBody(answerInputSchema) },
  responses: { 204: { description: 'Recorded' }, ...conflict },
});

const moveIn = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/offers/{id}/move-in',
  tags,
  summary: 'Record the lease and the move (case team): the unit is occupied, the pathway moves to aftercare',
  request: { params: idParamSchema, ...jsonBody(moveInInputSchema) },
  responses: { 204: { description: 'Recorded' }, ...conflict },
});

const committees = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offer-committees',
  tags,
  summary: 'Allocation committee sessions the user may record decisions in, latest first',
  responses: { 200: jsonResponse(committeeListSchema, 'Committees') },
});

const createCommitteeRoute = defineRoute({
  access: 'housing.read',
  method: 'post',
  path: '/api/offer-committees',
  tags,
  summary: 'Record an allocation committee session (landlord staff for their own, housing officers); audited',
  request: jsonBody(committeeInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new committee') },
});

const report = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offer-reports',
  tags,
  summary: 'Refusal analytics and demand profile (landlord staff: their own only); counts under 5 withheld',
  request: { query: reportQuerySchema },
  responses: { 200: jsonResponse(offerReportSchema, 'Anonymous counts') },
});

const reportCsvRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offer-reports/report.csv',
  tags,
  summary: "The same report as CSV (UTF-8 with BOM, ';' separated), withheld cells as '< 5'",
  request: { query: reportQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Anonymous counts' } },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reportXlsxRoute = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/offer-reports/report.xlsx',
  tags,
  summary: 'The same report as a workbook, one sheet per table',
  request: { query: reportQuerySchema },
  responses: {
    200: { content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Workbook' },
  },
});

const attachment = (ext: string) => `attachment; filename="${messages.offers.report.fileName(ext)}"`;

export function mountOfferRoutes(router: Router) {
  router.openapi(report, async (c) =>
    c.json(await offerReport(c.var.deps.database.db, c.var.actor, c.req.valid('query').landlordId ?? null), 200),
  );
  router.openapi(reportCsvRoute, async (c) => {
    const data = await offerReport(c.var.deps.database.db, c.var.actor, c.req.valid('query').landlordId ?? null);
    return c.body(reportCsv(data), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment('csv'),
    });
  });
  router.openapi(reportXlsxRoute, async (c) => {
    const data = await offerReport(c.var.deps.database.db, c.var.actor, c.req.valid('query').landlordId ?? null);
    return c.body(new Uint8Array(await reportXlsx(data)), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment('xlsx'),
    });
  });
  router.openapi(list, async (c) =>
    c.json(await listOffersForActor(c.var.deps.database.db, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(create, async (c) =>
    c.json(await createOffer(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(unitChoices, async (c) =>
    c.json(await offerableUnits(c.var.deps.database.db, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(committees, async (c) =>
    c.json(await listCommitteesForActor(c.var.deps.database.db, c.var.actor), 200),
  );
  router.openapi(createCommitteeRoute, async (c) =>
    c.json(await createCommittee(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(getOne, async (c) =>
    c.json(await getOffer(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(visit, async (c) => {
    await recordVisit(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.body(null, 204);
  });
  router.openapi(decide, async (c) => {
    const { db } = c.var.deps.database;
    await recordCommitteeDecision(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(answer, async (c) => {
    const { db } = c.var.deps.database;
    await recordAnswer(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(moveIn, async (c) => {
    const { db } = c.var.deps.database;
    await recordMoveIn(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.body(null, 204);
  });
}
