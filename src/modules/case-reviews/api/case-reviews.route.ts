import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  agendaItemInputSchema,
  caseReviewIdParamSchema,
  caseReviewInputSchema,
  caseReviewItemParamSchema,
  caseReviewListQuerySchema,
  caseReviewListSchema,
  caseReviewOptionsSchema,
  caseReviewSchema,
  createdSchema,
  decisionInputSchema,
  participantsInputSchema,
  summaryInputSchema,
} from '#src/modules/case-reviews/api/case-review.schema.ts';
import {
  addAgendaItem,
  addDecision,
  caseReviewOptions,
  createCaseReview,
  getCaseReview,
  listCaseReviewsForActor,
  saveItemSummary,
  setParticipants,
} from '#src/modules/case-reviews/service/case-reviews.ts';

const tags = ['case-reviews'];
const ok = z.object({ ok: z.literal(true) });
const notParticipant = { 403: jsonResponse(errorBodySchema, 'The user sees the meeting but does not attend it') };

const list = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/case-reviews',
  tags,
  summary: 'The case reviews the user attends (or oversees), upcoming or past',
  request: { query: caseReviewListQuerySchema },
  responses: { 200: jsonResponse(caseReviewListSchema, 'Case reviews') },
});

const options = defineRoute({
  access: 'pathway.write',
  method: 'get',
  path: '/api/case-reviews/options',
  tags,
  summary: 'Who may be invited and for which organisation a meeting may be organised',
  responses: { 200: jsonResponse(caseReviewOptionsSchema, 'Options') },
});

const create = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/case-reviews',
  tags,
  summary: 'Plan a case review; the organiser attends (audited)',
  request: jsonBody(caseReviewInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'Planned') },
});

const getOne = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/case-reviews/{id}',
  tags,
  summary: 'A case review: participants, agenda, minutes and decisions',
  request: { params: caseReviewIdParamSchema },
  responses: { 200: jsonResponse(caseReviewSchema, 'The case review') },
});

const participants = defineRoute({
  access: 'pathway.write',
  method: 'put',
  path: '/api/case-reviews/{id}/participants',
  tags,
  summary: 'Change who attends the meeting; the organiser always does (audited)',
  request: { params: caseReviewIdParamSchema, ...jsonBody(participantsInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved'), ...notParticipant },
});

const addItem = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/case-reviews/{id}/items',
  tags,
  summary: 'Put a pathway the user may open on the agenda (audited)',
  request: { params: caseReviewIdParamSchema, ...jsonBody(agendaItemInputSchema) },
  responses: { 201: jsonResponse(ok, 'Added'), ...notParticipant },
});

const summary = defineRoute({
  access: 'pathway.write',
  method: 'put',
  path: '/api/case-reviews/{id}/items/{itemId}/summary',
  tags,
  summary: 'Write the minutes of one agenda item (audited)',
  request: { params: caseReviewItemParamSchema, ...jsonBody(summaryInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved'), ...notParticipant },
});

const decision = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/case-reviews/{id}/items/{itemId}/decisions',
  tags,
  summary: 'Record a decision, optionally as a task on the pathway (audited)',
  request: { params: caseReviewItemParamSchema, ...jsonBody(decisionInputSchema) },
  responses: { 201: jsonResponse(ok, 'Recorded'), ...notParticipant },
});

export function mountCaseReviewRoutes(router: Router) {
  router.openapi(list, async (c) => {
    const { when } = c.req.valid('query');
    return c.json(await listCaseReviewsForActor(c.var.deps.database.db, c.var.actor, when), 200);
  });
  router.openapi(options, async (c) => c.json(await caseReviewOptions(c.var.deps.database.db, c.var.actor), 200));
  router.openapi(create, async (c) => {
    const created = await createCaseReview(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(created, 201);
  });
  router.openapi(getOne, async (c) =>
    c.json(await getCaseReview(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(participants, async (c) => {
    await setParticipants(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(addItem, async (c) => {
    await addAgendaItem(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json({ ok: true as const }, 201);
  });
  router.openapi(summary, async (c) => {
    const { id, itemId } = c.req.valid('param');
    await saveItemSummary(c.var.deps.database.db, c.var.actor, id, itemId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(decision, async (c) => {
    const { id, itemId } = c.req.valid('param');
    await addDecision(c.var.deps.database.db, c.var.actor, id, itemId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 201);
  });
}
