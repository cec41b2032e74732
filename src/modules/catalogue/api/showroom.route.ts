import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router, dbOf } from '#src/shared/http/route.ts';
import {
  agreementInputSchema,
  createdSchema,
  itemInputSchema,
  itemUpdateSchema,
  showroomSchema,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import {
  createAgreement,
  createItem,
  editAgreement,
  editItem,
  getShowroom,
} from '#src/modules/catalogue/service/showroom.ts';

const tags = ['catalogue'];

const showroom = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/showroom',
  tags,
  summary: 'The showroom and mobile-unit inventory (owned or loaned) and the loan agreements, with those to renew',
  responses: { 200: jsonResponse(showroomSchema, 'Inventory and agreements') },
});
const addItem = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/showroom/items',
  tags,
  summary: 'Add an item to the inventory; a loaned item names its agreement (audited)',
  request: jsonBody(itemInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new item') },
});
const putItem = defineRoute({
  access: 'catalogue.manage',
  method: 'put',
  path: '/api/catalogue/showroom/items/{catalogueShowroomItemId}',
  tags,
  summary:
    'Change an item (location, state, ownership and agreement, note) given the revision read; 409 if it changed since (audited)',
  request: {
    params: z.object({ catalogueShowroomItemId: z.uuid({ error: 'Identifiant invalide.' }) }),
    ...jsonBody(itemUpdateSchema),
  },
  responses: {
    204: { description: 'Saved' },
    409: jsonResponse(errorBodySchema, 'The item changed since it was read'),
  },
});
const addAgreement = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/loan-agreements',
  tags,
  summary: 'Record a loan agreement with a manufacturer or partner; the end may not precede the start (audited)',
  request: jsonBody(agreementInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new agreement') },
});
const putAgreement = defineRoute({
  access: 'catalogue.manage',
  method: 'put',
  path: '/api/catalogue/loan-agreements/{catalogueLoanAgreementId}',
  tags,
  summary: 'Change or renew a loan agreement; a new end date re-arms its reminder (audited)',
  request: {
    params: z.object({ catalogueLoanAgreementId: z.uuid({ error: 'Identifiant invalide.' }) }),
    ...jsonBody(agreementInputSchema),
  },
  responses: { 204: { description: 'Saved' } },
});

export function mountShowroomRoutes(router: Router) {
  router.openapi(showroom, async (c) => c.json(await getShowroom(dbOf(c), c.var.actor), 200));
  router.openapi(addItem, async (c) =>
    c.json(await createItem(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(putItem, async (c) => {
    await editItem(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').catalogueShowroomItemId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.body(null, 204);
  });
  router.openapi(addAgreement, async (c) =>
    c.json(await createAgreement(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(putAgreement, async (c) => {
    await editAgreement(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').catalogueLoanAgreementId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.body(null, 204);
  });
}
