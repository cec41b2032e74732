import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  acceptInputSchema,
  closeInputSchema,
  redirectInputSchema,
  referralIdParamSchema,
  referralInputSchema,
  referralListQuerySchema,
  referralListSchema,
  referralSchema,
  triageOptionsSchema,
} from '#src/modules/referrals/api/referral.schema.ts';
import { getReferral, listReferralsForActor } from '#src/modules/referrals/service/list-referrals.ts';
import { raiseReferral } from '#src/modules/referrals/service/raise-referral.ts';
import {
  acceptReferral,
  closeReferral,
  redirectReferral,
  triageOptions,
} from '#src/modules/referrals/service/triage-referral.ts';

const tags = ['referrals'];
const alreadyDecided = { 409: jsonResponse(errorBodySchema, 'The referral was already decided') };

const list = defineRoute({
  access: 'referral.create',
  method: 'get',
  path: '/api/referrals',
  tags,
  summary: 'The triage queue (most urgent, then newest first); without triage rights, the referrals the user raised',
  request: { query: referralListQuerySchema },
  responses: { 200: jsonResponse(referralListSchema, 'Referrals') },
});

const create = defineRoute({
  access: 'referral.create',
  method: 'post',
  path: '/api/referrals',
  tags,
  summary: 'Raise a referral (audited)',
  request: jsonBody(referralInputSchema),
  responses: { 201: jsonResponse(referralSchema, 'The referral') },
});

const options = defineRoute({
  access: 'referral.triage',
  method: 'get',
  path: '/api/referrals/triage-options',
  tags,
  summary: 'Organisations and possible referents offered by the triage forms',
  responses: { 200: jsonResponse(triageOptionsSchema, 'Options') },
});

const getOne = defineRoute({
  access: 'referral.create',
  method: 'get',
  path: '/api/referrals/{id}',
  tags,
  summary: 'One referral; a signaller without triage rights reaches only their own',
  request: { params: referralIdParamSchema },
  responses: { 200: jsonResponse(referralSchema, 'The referral') },
});

const accept = defineRoute({
  access: 'referral.triage',
  method: 'post',
  path: '/api/referrals/{id}/accept',
  tags,
  summary: 'Accept into a pathway, linking or creating the person (audited)',
  request: { params: referralIdParamSchema, ...jsonBody(acceptInputSchema) },
  responses: {
    200: jsonResponse(referralSchema, 'The accepted referral'),
    409: jsonResponse(errorBodySchema, 'Already decided, or look-alike person files exist (in details)'),
  },
});

const redirect = defineRoute({
  access: 'referral.triage',
  method: 'post',
  path: '/api/referrals/{id}/redirect',
  tags,
  summary: 'Redirect to another actor, with a reason (audited)',
  request: { params: referralIdParamSchema, ...jsonBody(redirectInputSchema) },
  responses: { 200: jsonResponse(referralSchema, 'The redirected referral'), ...alreadyDecided },
});

const close = defineRoute({
  access: 'referral.triage',
  method: 'post',
  path: '/api/referrals/{id}/close',
  tags,
  summary: 'Close as out of scope, with a coded reason (audited)',
  request: { params: referralIdParamSchema, ...jsonBody(closeInputSchema) },
  responses: { 200: jsonResponse(referralSchema, 'The closed referral'), ...alreadyDecided },
});

export function mountReferralRoutes(router: Router) {
  router.openapi(list, async (c) => {
    return c.json(await listReferralsForActor(c.var.deps.database.db, c.var.actor, c.req.valid('query')), 200);
  });
  router.openapi(create, async (c) => {
    const referral = await raiseReferral(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(referral, 201);
  });
  router.openapi(options, async (c) => {
    return c.json(await triageOptions(c.var.deps.database.db, c.var.actor), 200);
  });
  router.openapi(getOne, async (c) => {
    return c.json(await getReferral(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200);
  });
  router.openapi(accept, async (c) => {
    const { db } = c.var.deps.database;
    const referral = await acceptReferral(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(referral, 200);
  });
  router.openapi(redirect, async (c) => {
    const { db } = c.var.deps.database;
    const referral = await redirectReferral(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(referral, 200);
  });
  router.openapi(close, async (c) => {
    const { db } = c.var.deps.database;
    const referral = await closeReferral(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(referral, 200);
  });
}
