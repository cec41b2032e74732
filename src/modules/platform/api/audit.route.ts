import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  auditExportQuerySchema,
  auditPageSchema,
  auditSearchQuerySchema,
} from '#src/modules/platform/api/audit.schema.ts';
import { exportAuditLog } from '#src/modules/platform/service/export-audit-log.ts';
import { searchAuditLog } from '#src/modules/platform/service/search-audit-log.ts';

const search = defineRoute({
  access: 'audit.read',
  method: 'get',
  path: '/api/audit',
  tags: ['platform'],
  summary: "Search the workspace's audit log, newest first (keyset pagination on seq)",
  request: { query: auditSearchQuerySchema },
  responses: { 200: jsonResponse(auditPageSchema, 'One page of audit entries') },
});

const exportCsv = defineRoute({
  access: 'audit.read',
  method: 'get',
  path: '/api/audit/export.csv',
  tags: ['platform'],
  summary: "Download the filtered audit log as CSV (UTF-8 with BOM, ';' separated); the export is itself audited",
  request: { query: auditExportQuerySchema },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The audit entries as CSV, newest first' },
  },
});

export function mountAuditRoutes(router: Router) {
  router.openapi(search, async (c) => {
    const page = await searchAuditLog(c.var.deps.database.db, c.var.actor, c.req.valid('query'));
    return c.json(page, 200);
  });
  router.openapi(exportCsv, async (c) => {
    const { log } = c.var.deps;
    const requestId = c.var.requestId;
    const { fileName, stream } = await exportAuditLog(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('query'),
      requestId,
      {
        // Headers are gone by then: the download is cut short and the cause only reaches the log.
        onError: (error) => log.error('audit export interrupted', { requestId, error: String(error) }),
      },
    );
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  });
}
