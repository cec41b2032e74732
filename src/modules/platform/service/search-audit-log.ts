import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import type {
  AuditEntry,
  AuditFilterQuery,
  AuditPage,
  AuditSearchQuery,
} from '#src/modules/platform/api/audit.schema.ts';
import { parisDayRange } from '#src/shared/time/paris.ts';
import { listAuditRows, type AuditRow, type AuditRowFilters } from '#src/modules/platform/repo/audit.repo.ts';

/** The validated query as repository filters: Paris days become instants, a trailing `*` a prefix. */
export function toRowFilters(query: AuditFilterQuery & { before?: number | undefined }): AuditRowFilters {
  const action = query.action
    ? query.action.endsWith('*')
      ? { prefix: query.action.slice(0, -1) }
      : { exact: query.action }
    : undefined;
  return {
    userId: query.userId,
    personId: query.personId,
    ...parisDayRange(query.from, query.to),
    action,
    before: query.before,
  };
}

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  // The drivers render timestamptz differently ("…+00" or "…Z"): one ISO form for every client.
  at: new Date(row.at).toISOString(),
  actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName, email: row.actorEmail } : null,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  personId: row.personId,
  changedFields: row.changedFields,
  requestId: row.requestId,
});

/** One page of the actor's workspace log, newest first; never another workspace's rows. */
export async function searchAuditLog(db: Db, actor: Actor, query: AuditSearchQuery): Promise<AuditPage> {
  // One row more than asked tells whether an older page exists without a count.
  const rows = await listAuditRows(db, actor.workspaceId, toRowFilters(query), query.limit + 1);
  const items = rows.slice(0, query.limit).map(toAuditEntry);
  return { items, nextBefore: rows.length > query.limit ? items.at(-1)!.seq : null };
}
