import { z } from '@hono/zod-openapi';
import { attachmentDisposition } from '#src/shared/http/download.ts';
import { dbOf, defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  fundingOptionsSchema,
  handedOverSchema,
  handOverSchema,
  pathwayIdParamSchema,
  savedSchema,
  sheetSaveSchema,
  sheetViewSchema,
  versionIdParamSchema,
  versionViewSchema,
} from '#src/modules/recommendations/api/sheet.schema.ts';
import { printVersion } from '#src/modules/recommendations/service/print-sheet.ts';
import {
  fundingOptions,
  getSheet,
  handOverSheet,
  saveSheet,
  visibleVersion,
} from '#src/modules/recommendations/service/sheets.ts';

const tags = ['recommendations'];
const sheetPath = '/api/pathways/{pathwayId}/recommendation-sheet';

// Reading follows the pathway's case-team rule; writing needs the therapist's permission on top.
const read = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: sheetPath,
  tags,
  summary: 'The recommendation sheet of a pathway: its draft, the products it names and the versions handed over',
  request: { params: pathwayIdParamSchema },
  responses: { 200: jsonResponse(sheetViewSchema, 'The sheet (draft null before the first save)') },
});

const save = defineRoute({
  access: 'recommendation.write',
  method: 'put',
  path: sheetPath,
  tags,
  summary: 'Save the draft on the revision read (0 creates it); 409 with the current draft when it moved (audited)',
  request: { params: pathwayIdParamSchema, ...jsonBody(sheetSaveSchema) },
  responses: { 200: jsonResponse(savedSchema, 'Saved') },
});

const handOver = defineRoute({
  access: 'recommendation.write',
  method: 'post',
  path: `${sheetPath}/versions`,
  tags,
  summary: 'Hand the draft over: freeze it, with today’s products, prices and trials, as the next immutable version',
  request: { params: pathwayIdParamSchema, ...jsonBody(handOverSchema) },
  responses: { 201: jsonResponse(handedOverSchema, 'The new version') },
});

// The aids are funding data: reading them needs the funding permission on top of the pathway's case-team rule.
const options = defineRoute({
  access: 'funding.read',
  method: 'get',
  path: `${sheetPath}/funding-options`,
  tags,
  summary:
    'The aids the person may get, to add as funding leads: from the plans of the pathway’s funding projects, else a simulation on the person’s file (audited read of the file)',
  request: { params: pathwayIdParamSchema },
  responses: { 200: jsonResponse(fundingOptionsSchema, 'The aids, each eligible, to check or not eligible') },
});

const version = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/recommendation-sheet-versions/{id}',
  tags,
  summary: 'One handed-over version as it was frozen',
  request: { params: versionIdParamSchema },
  responses: { 200: jsonResponse(versionViewSchema, 'The version') },
});

const pdf = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/recommendation-sheet-versions/{id}/pdf',
  tags,
  summary: 'A handed-over version printed as an A4 PDF (audited)',
  request: { params: versionIdParamSchema },
  responses: {
    200: {
      content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
      description: 'The PDF',
    },
  },
});

export function mountSheetRoutes(router: Router) {
  router.openapi(read, async (c) => c.json(await getSheet(dbOf(c), c.var.actor, c.req.valid('param').pathwayId), 200));
  router.openapi(save, async (c) => {
    const saved = await saveSheet(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').pathwayId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(saved, 200);
  });
  router.openapi(handOver, async (c) => {
    const created = await handOverSheet(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').pathwayId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(created, 201);
  });
  router.openapi(options, async (c) =>
    c.json(await fundingOptions(dbOf(c), c.var.actor, c.req.valid('param').pathwayId, c.var.requestId), 200),
  );
  router.openapi(version, async (c) =>
    c.json(await visibleVersion(dbOf(c), c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(pdf, async (c) => {
    const { fileName, content } = await printVersion(dbOf(c), c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(fileName),
      'Cache-Control': 'private, no-store',
    });
  });
}
