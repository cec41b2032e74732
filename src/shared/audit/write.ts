import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '#src/shared/audit/schema.ts';
import { GENESIS_HASH, hashAuditRecord } from '#src/shared/audit/chain.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';

export type AuditEntry = {
  workspaceId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  changedFields?: string[];
  requestId?: string | null;
};

/**
 * Appends one audit row. Call it with the transaction of the write it records, so both commit or
 * neither does; the per-workspace advisory lock keeps the hash chain linear under concurrency.
 */
export async function writeAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${entry.workspaceId}::text, 7))`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.workspaceId, entry.workspaceId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const record = {
    workspaceId: entry.workspaceId,
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: new Date().toISOString(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    personId: entry.personId ?? null,
    changedFields: [...(entry.changedFields ?? [])].sort(),
    requestId: entry.requestId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...record, hash: hashAuditRecord(record) });
}

/** Names of the fields whose value differs between two versions of a record. */
export function changedFieldsOf<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after[k]));
}
