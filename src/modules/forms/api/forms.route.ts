import { z } from '@hono/zod-openapi';
import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  adminTemplateSchema,
  adminTemplateSummarySchema,
  createdTemplateSchema,
  idParamSchema,
  responseCreateSchema,
  responseDetailSchema,
  responseSavedSchema,
  responseSummarySchema,
  responseUpdateSchema,
  templateCreateSchema,
  templateSummarySchema,
  versionCreateSchema,
  versionSchema,
} from '#src/modules/forms/api/form.schema.ts';
import {
  createResponse,
  createTemplate,
  getResponse,
  getTemplateForAdmin,
  getVersion,
  listResponsesOfPerson,
  listTemplates,
  listTemplatesForAdmin,
  publishVersion,
  updateResponse,
} from '#src/modules/forms/service/forms.ts';

const tags = ['forms'];
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

const listTemplatesRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/form-templates',
  tags,
  summary: 'Form templates with their latest version (the shipped ones on first use)',
  responses: { 200: jsonResponse(items(templateSummarySchema), 'Templates') },
});
const versionRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/form-template-versions/{id}',
  tags,
  summary: 'One published version of a template, with its definition',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(versionSchema, 'Version') },
});
const createTemplateRoute = defineRoute({
  access: 'workspace.admin',
  method: 'post',
  path: '/api/admin/form-templates',
  tags,
  summary: 'Create a template and publish its first version',
  request: jsonBody(templateCreateSchema),
  responses: { 201: jsonResponse(createdTemplateSchema, 'Created') },
});
const publishRoute = defineRoute({
  access: 'workspace.admin',
  method: 'post',
  path: '/api/admin/form-templates/{id}/versions',
  tags,
  summary: 'Publish a new version; responses keep the version they were filled with',
  request: { params: idParamSchema, ...jsonBody(versionCreateSchema) },
  responses: { 201: jsonResponse(createdTemplateSchema, 'Published') },
});
const personResponsesRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/{id}/form-responses',
  tags,
  summary: "A person's form responses, latest first",
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(items(responseSummarySchema), 'Responses') },
});
const createResponseRoute = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/form-responses',
  tags,
  summary: 'Fill a form about a person (draft, or submitted); replaying the same client id stores it once',
  request: { params: idParamSchema, ...jsonBody(responseCreateSchema) },
  responses: {
    201: jsonResponse(responseSavedSchema, 'Created'),
    200: jsonResponse(responseSavedSchema, 'Already stored'),
  },
});
const responseRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/form-responses/{id}',
  tags,
  summary: 'One response with its answers (audited)',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(responseDetailSchema, 'Response') },
});
const updateResponseRoute = defineRoute({
  access: 'person.write',
  method: 'put',
  path: '/api/form-responses/{id}',
  tags,
  summary: 'Save the answers of a draft, or submit it',
  request: { params: idParamSchema, ...jsonBody(responseUpdateSchema) },
  responses: { 200: jsonResponse(responseSavedSchema, 'Saved') },
});
const adminListRoute = defineRoute({
  access: 'workspace.admin',
  method: 'get',
  path: '/api/admin/form-templates',
  tags,
  summary: 'Templates for the builder, with the date of their latest version (the shipped ones on first use)',
  responses: { 200: jsonResponse(items(adminTemplateSummarySchema), 'Templates') },
});
const adminTemplateRoute = defineRoute({
  access: 'workspace.admin',
  method: 'get',
  path: '/api/admin/form-templates/{id}',
  tags,
  summary: 'One template for the builder: its published versions and the latest definition',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(adminTemplateSchema, 'Template') },
});

export function mountFormRoutes(router: Router) {
  router.openapi(adminListRoute, async (c) => {
    return c.json({ items: await listTemplatesForAdmin(c.var.deps.database.db, c.var.actor, c.var.requestId) }, 200);
  });
  router.openapi(adminTemplateRoute, async (c) => {
    return c.json(await getTemplateForAdmin(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200);
  });
  router.openapi(listTemplatesRoute, async (c) => {
    return c.json({ items: await listTemplates(c.var.deps.database.db, c.var.actor, c.var.requestId) }, 200);
  });
  router.openapi(versionRoute, async (c) => {
    return c.json(await getVersion(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200);
  });
  router.openapi(createTemplateRoute, async (c) => {
    const created = await createTemplate(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(created, 201);
  });
  router.openapi(publishRoute, async (c) => {
    const { id } = c.req.valid('param');
    const published = await publishVersion(
      c.var.deps.database.db,
      c.var.actor,
      id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(published, 201);
  });
  router.openapi(personResponsesRoute, async (c) => {
    const list = await listResponsesOfPerson(c.var.deps.database.db, c.var.actor, c.req.valid('param').id);
    return c.json({ items: list }, 200);
  });
  router.openapi(createResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const saved = await createResponse(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ id: saved.id, status: saved.status, revision: saved.revision }, saved.created ? 201 : 200);
  });
  router.openapi(responseRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getResponse(c.var.deps.database.db, c.var.actor, id, c.var.requestId), 200);
  });
  router.openapi(updateResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const saved = await updateResponse(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json(saved, 200);
  });
}
