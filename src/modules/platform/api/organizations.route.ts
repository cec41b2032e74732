import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  organizationFields,
  organizationIdParamSchema,
  organizationListSchema,
  organizationSchema,
} from '#src/modules/platform/api/organization.schema.ts';
import { isKnownCommune } from '#src/modules/platform/service/communes.ts';
import {
  createOrganization,
  listOrganizationViews,
  updateOrganization,
} from '#src/modules/platform/service/organizations.ts';

/**
 * On the server the commune must also be in the official list (the form checks the format only).
 * No commune answers synchronously: the OpenAPI generator probes the field with a synchronous parse.
 */
const serverFields = {
  ...organizationFields,
  communeInsee: organizationFields.communeInsee.refine(
    (code) => code === null || isKnownCommune(code),
    messages.validation.communeUnknown,
  ),
};
const createBody = z.object(serverFields).openapi('OrganizationInput');
const patchBody = z.object(serverFields).partial().openapi('OrganizationPatch');

const list = defineRoute({
  access: 'organization.read',
  method: 'get',
  path: '/api/organizations',
  tags: ['platform'],
  summary: 'The organisations of the workspace',
  responses: { 200: jsonResponse(organizationListSchema, 'The organisations') },
});

const create = defineRoute({
  access: 'organization.manage',
  method: 'post',
  path: '/api/organizations',
  tags: ['platform'],
  summary: 'Create an organisation (audited)',
  request: jsonBody(createBody),
  responses: {
    201: jsonResponse(organizationSchema, 'The organisation'),
    409: jsonResponse(errorBodySchema, 'Another organisation of the workspace has this SIRET'),
  },
});

const update = defineRoute({
  access: 'organization.manage',
  method: 'patch',
  path: '/api/organizations/{id}',
  tags: ['platform'],
  summary: 'Change an organisation; only the fields sent are changed (audited)',
  request: { params: organizationIdParamSchema, ...jsonBody(patchBody) },
  responses: {
    200: jsonResponse(organizationSchema, 'The organisation'),
    409: jsonResponse(errorBodySchema, 'Another organisation of the workspace has this SIRET'),
  },
});

export function mountOrganizationRoutes(router: Router) {
  router.openapi(list, async (c) => {
    const items = await listOrganizationViews(c.var.deps.database.db, c.var.actor);
    return c.json({ items, canManage: c.var.actor.permissions.has('organization.manage') }, 200);
  });
  router.openapi(create, async (c) => {
    const organization = await createOrganization(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(organization, 201);
  });
  router.openapi(update, async (c) => {
    const { db } = c.var.deps.database;
    const organization = await updateOrganization(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(organization, 200);
  });
}
