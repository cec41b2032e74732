import { z } from '@hono/zod-openapi';
import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import { idParamSchema } from '#src/modules/forms/api/form.schema.ts';
import {
  xlsformCheckSchema,
  xlsformFileSchema,
  xlsformImportedSchema,
  xlsformImportSchema,
} from '#src/modules/forms/api/xlsform.schema.ts';
import { checkXlsform, exportXlsform, importXlsform, XLSX_CONTENT_TYPE } from '#src/modules/forms/service/xlsform.ts';

const tags = ['forms'];

const checkRoute = defineRoute({
  access: 'workspace.admin',
  method: 'post',
  path: '/api/admin/form-templates/xlsform/check',
  tags,
  summary:
    'Check an XLSForm (.xlsx, base64): line-by-line report and preview of what an import would create; writes nothing',
  request: jsonBody(xlsformFileSchema),
  responses: { 200: jsonResponse(xlsformCheckSchema, 'Report and preview') },
});
const importRoute = defineRoute({
  access: 'workspace.admin',
  method: 'post',
  path: '/api/admin/form-templates/xlsform',
  tags,
  summary:
    'Import an XLSForm as a new template, or as the next version of `templateId`; any error line refuses it (400, report in details.report)',
  request: jsonBody(xlsformImportSchema),
  responses: { 201: jsonResponse(xlsformImportedSchema, 'Created or published') },
});
const exportRoute = defineRoute({
  access: 'workspace.admin',
  method: 'get',
  path: '/api/admin/form-template-versions/{id}/xlsform',
  tags,
  summary: 'Download a published version as an XLSForm workbook (survey, choices, settings)',
  request: { params: idParamSchema },
  responses: {
    200: {
      content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'The .xlsx file',
    },
  },
});

export function mountXlsformRoutes(router: Router) {
  router.openapi(checkRoute, async (c) => {
    return c.json(await checkXlsform(c.req.valid('json')), 200);
  });
  router.openapi(importRoute, async (c) => {
    const imported = await importXlsform(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json(imported, 201);
  });
  router.openapi(exportRoute, async (c) => {
    const { fileName, bytes } = await exportXlsform(c.var.deps.database.db, c.var.actor, c.req.valid('param').id);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  });
}
