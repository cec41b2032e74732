import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { AuditFilterQuery } from '#src/modules/platform/api/audit.schema.ts';
import { CSV_BOM } from '#src/shared/csv.ts';
import { auditCsvHeader, auditCsvLine } from '#src/modules/platform/service/audit-csv.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { toAuditEntry, toRowFilters } from '#src/modules/platform/service/search-audit-log.ts';
import { listAuditRows } from '#src/modules/platform/repo/audit.repo.ts';

export const EXPORT_BATCH_SIZE = 2000;

export type AuditExport = { fileName: string; stream: ReadableStream<Uint8Array> };

/**
 * The filtered log of the actor's workspace as CSV. The export is recorded first, in its own
 * committed transaction, so even an interrupted download leaves its trace. Rows are then read in
 * keyset batches as the client consumes the stream: memory stays bounded whatever the log's size,
 * and rows appended meanwhile (newer seq) never shift the cursor.
 */
export async function exportAuditLog(
  db: Db,
  actor: Actor,
  query: AuditFilterQuery,
  requestId: string,
  options: { batchSize?: number; onError?: (error: unknown) => void } = {},
): Promise<AuditExport> {
  await db.transaction(async (tx) => {
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'audit.export',
      entityType: 'audit_log',
      personId: query.personId ?? null,
      requestId,
    });
  });

  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const filters = toRowFilters(query);
  const encoder = new TextEncoder();
  let cursor: number | undefined;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + auditCsvHeader()));
        return;
      }
      try {
        const rows = await listAuditRows(db, actor.workspaceId, { ...filters, before: cursor }, batchSize);
        if (rows.length > 0)
          controller.enqueue(encoder.encode(rows.map((r) => auditCsvLine(toAuditEntry(r))).join('')));
        if (rows.length < batchSize) controller.close();
        else cursor = rows.at(-1)!.seq;
      } catch (error) {
        options.onError?.(error);
        controller.error(error);
      }
    },
  });
  return { fileName: messages.audit.exportFileName(parisDay(new Date())), stream };
}
