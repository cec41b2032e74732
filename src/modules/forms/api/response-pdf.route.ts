import { z } from '@hono/zod-openapi';
import { attachmentDisposition } from '#src/shared/http/download.ts';
import { defineRoute, type Router } from '#src/shared/http/route.ts';
import { idParamSchema } from '#src/modules/forms/api/form.schema.ts';
import { printResponse } from '#src/modules/forms/service/response-pdf.ts';

const pdfRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/form-responses/{id}/pdf',
  tags: ['forms'],
  summary: 'A response printed as an A4 PDF, photos and signature included (audited)',
  request: { params: idParamSchema },
  responses: {
    200: {
      content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
      description: 'The PDF',
    },
  },
});

export function mountResponsePdfRoutes(router: Router) {
  router.openapi(pdfRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { fileName, content } = await printResponse(c.var.deps.database.db, c.var.actor, id, c.var.requestId);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(fileName),
      'Cache-Control': 'private, no-store',
    });
  });
}
