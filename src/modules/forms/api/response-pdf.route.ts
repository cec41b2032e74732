import { z } from '@hono/zod-openapi';
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

/** `filename` for old clients (accents dropped), `filename*` with the real name. */
const contentDisposition = (fileName: string) => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

export function mountResponsePdfRoutes(router: Router) {
  router.openapi(pdfRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { fileName, content } = await printResponse(c.var.deps.database.db, c.var.actor, id, c.var.requestId);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(fileName),
      'Cache-Control': 'private, no-store',
    });
  });
}
