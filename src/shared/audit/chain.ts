import { createHash } from 'node:crypto';

/** The fields an audit row's hash covers, in a fixed order. */
export type AuditRecord = {
  workspaceId: string;
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  personId: string | null;
  changedFields: string[];
  requestId: string | null;
  prevHash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRecord(record: AuditRecord): string {
  const canonical = JSON.stringify([
    record.workspaceId,
    record.seq,
    record.id,
    new Date(record.at).toISOString(),
    record.actorUserId,
    record.action,
    record.entityType,
    record.entityId,
    record.personId,
    record.changedFields,
    record.requestId,
    record.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
