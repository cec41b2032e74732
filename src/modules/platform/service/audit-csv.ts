import { messages } from '#src/shared/i18n/fr.ts';
import type { AuditEntry } from '#src/modules/platform/api/audit.schema.ts';
import { formatParisDateTime } from '#src/shared/time/paris.ts';
import { csvLine } from '#src/shared/csv.ts';

export const auditCsvHeader = (): string => csvLine([...messages.audit.csvHeader]);

export function auditCsvLine(entry: AuditEntry): string {
  return csvLine([
    entry.seq,
    formatParisDateTime(new Date(entry.at)),
    entry.at,
    entry.actor?.id ?? null,
    entry.actor?.name ?? null,
    entry.actor?.email ?? null,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.personId,
    entry.changedFields.join(', '),
    entry.requestId,
  ]);
}
