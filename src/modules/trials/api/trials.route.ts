import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  acquisitionInputSchema,
  createdSchema,
  evidenceSchema,
  followUpInputSchema,
  followUpsDueSchema,
  idParamSchema,
  periodQuerySchema,
  personParamSchema,
  personTrialsSchema,
  trialCreateSchema,
  trialIndicatorsSchema,
} from '#src/modules/trials/api/trial.schema.ts';
import { productEvidence, trialIndicators, trialIndicatorsCsv } from '#src/modules/trials/service/evidence.ts';
import {
  followUpsDueForActor,
  personTrialsForActor,
  recordAcquisition,
  recordFollowUp,
  recordTrial,
} from '#src/modules/trials/service/trials.ts';

const tags = ['trials'];

const create = defineRoute({
  access: 'trial.write',
  method: 'post',
  path: '/api/trials',
  tags,
  summary:
    'Record a trial of a catalogue product by a person (visible file) or a professional, led by the caller; audited',
  request: jsonBody(trialCreateSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new trial') },
});

const acquisition = defineRoute({
  access: 'trial.write',
  method: 'post',
  path: '/api/trials/{id}/acquisition',
  tags,
  summary: 'Record that the product was acquired after the trial: the follow-up falls due 3 months later; audited',
  request: { params: idParamSchema, ...jsonBody(acquisitionInputSchema) },
  responses: { 204: { description: 'Recorded' } },
});

const followUp = defineRoute({
  access: 'trial.write',
  method: 'post',
  path: '/api/trials/{id}/follow-up',
  tags,
  summary: 'Record the follow-up of an acquired product: in use, used sometimes or abandoned (coded reasons); audited',
  request: { params: idParamSchema, ...jsonBody(followUpInputSchema) },
  responses: { 204: { description: 'Recorded' } },
});

const followUpsDue = defineRoute({
  access: 'trial.write',
  method: 'get',
  path: '/api/trials/follow-ups-due',
  tags,
  summary: 'Follow-ups late or due within 30 days, on trials the caller may see, earliest first',
  responses: { 200: jsonResponse(followUpsDueSchema, 'Follow-ups to do') },
});

const ofPerson = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/{personId}/trials',
  tags,
  summary: 'A person’s trials, latest first (readers of the file only: the case-team rule)',
  request: { params: personParamSchema },
  responses: { 200: jsonResponse(personTrialsSchema, 'Trials') },
});

const evidence = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/products/{id}/evidence',
  tags,
  summary:
    'Usage evidence of a product from its trials: counts under 5 withheld unless the reader sees every trial behind them; written remarks for readers of person files only',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(evidenceSchema, 'Counts and remarks') },
});

const indicators = defineRoute({
  access: 'observatory.read',
  method: 'get',
  path: '/api/trial-indicators',
  tags,
  summary: 'Needs by ISO class and activity, trials by outcome and abandonment at follow-up over a period',
  request: { query: periodQuerySchema },
  responses: { 200: jsonResponse(trialIndicatorsSchema, 'Counts, no person') },
});

const indicatorsCsv = defineRoute({
  access: 'observatory.read',
  method: 'get',
  path: '/api/trial-indicators/indicators.csv',
  tags,
  summary: "The same figures as CSV (UTF-8 with BOM, ';' separated), withheld counts as '< 5'",
  request: { query: periodQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'Counts, no person' } },
});

export function mountTrialRoutes(router: Router) {
  router.openapi(followUpsDue, async (c) => c.json(await followUpsDueForActor(dbOf(c), c.var.actor, new Date()), 200));
  router.openapi(create, async (c) =>
    c.json(await recordTrial(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(acquisition, async (c) => {
    const { acquiredOn } = c.req.valid('json');
    await recordAcquisition(dbOf(c), c.var.actor, c.req.valid('param').id, acquiredOn, c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(followUp, async (c) => {
    await recordFollowUp(dbOf(c), c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(ofPerson, async (c) =>
    c.json(await personTrialsForActor(dbOf(c), c.var.actor, c.req.valid('param').personId), 200),
  );
  router.openapi(evidence, async (c) =>
    c.json(await productEvidence(dbOf(c), c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(indicatorsCsv, async (c) => {
    const period = c.req.valid('query');
    const data = await trialIndicators(dbOf(c), c.var.actor, period);
    return c.body(trialIndicatorsCsv(data), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${messages.trials.csv.fileName(period.from, period.to)}"`,
    });
  });
  router.openapi(indicators, async (c) =>
    c.json(await trialIndicators(dbOf(c), c.var.actor, c.req.valid('query')), 200),
  );
}
