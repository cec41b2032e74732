import { and, asc, eq, gt } from 'drizzle-orm';
import { auditLog } from '#src/shared/audit/schema.ts';
import { GENESIS_HASH, hashAuditRecord } from '#src/shared/audit/chain.ts';
import type { Db } from '#src/shared/db/client.ts';

export type ChainBreak = { workspaceId: string; seq: number; reason: 'hash' | 'link' | 'gap' };
export type ChainReport = { workspaceId: string; rows: number; breaks: ChainBreak[] };

/** Recomputes a workspace's chain; any edited, inserted or deleted row shows up as a break. */
export async function verifyAuditChain(db: Db, workspaceId: string, batchSize = 5000): Promise<ChainReport> {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of batch) {
      rows += 1;
      if (row.seq !== expectedSeq) breaks.push({ workspaceId, seq: row.seq, reason: 'gap' });
      if (row.prevHash !== expectedPrev) breaks.push({ workspaceId, seq: row.seq, reason: 'link' });
      const { hash, ...record } = row;
      if (hashAuditRecord({ ...record, changedFields: row.changedFields }) !== hash) {
        breaks.push({ workspaceId, seq: row.seq, reason: 'hash' });
      }
      expectedPrev = hash;
      expectedSeq = row.seq + 1;
    }
    if (batch.length < batchSize) break;
  }
  return { workspaceId, rows, breaks };
}
