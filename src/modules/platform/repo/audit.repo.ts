import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '#src/shared/audit/schema.ts';
import type { Db } from '#src/shared/db/client.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';

export type AuditRowFilters = {
  userId?: string | undefined;
  personId?: string | undefined;
  /** Inclusive lower bound, an ISO instant. */
  fromInstant?: string | undefined;
  /** Exclusive upper bound, an ISO instant. */
  untilInstant?: string | undefined;
  action?: { exact: string } | { prefix: string } | undefined;
  /** Keyset cursor: rows with a smaller seq only. */
  before?: number | undefined;
};

export type AuditRow = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  personId: string | null;
  changedFields: string[];
  requestId: string | null;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditionsOf(workspaceId: string, f: AuditRowFilters): SQL[] {
  // The workspace comes first and always: the one guard against reading another territory's log.
  const conditions: SQL[] = [eq(auditLog.workspaceId, workspaceId)];
  if (f.userId) conditions.push(eq(auditLog.actorUserId, f.userId));
  if (f.personId) conditions.push(eq(auditLog.personId, f.personId));
  if (f.fromInstant) conditions.push(gte(auditLog.at, f.fromInstant));
  if (f.untilInstant) conditions.push(lt(auditLog.at, f.untilInstant));
  if (f.action && 'exact' in f.action) conditions.push(eq(auditLog.action, f.action.exact));
  if (f.action && 'prefix' in f.action) conditions.push(like(auditLog.action, `${escapeLike(f.action.prefix)}%`));
  if (f.before !== undefined) conditions.push(lt(auditLog.seq, f.before));
  return conditions;
}

/** One page of a workspace's audit log, newest first, with each author's name and e-mail. */
export async function listAuditRows(
  db: Db,
  workspaceId: string,
  filters: AuditRowFilters,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      personId: auditLog.personId,
      changedFields: auditLog.changedFields,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditionsOf(workspaceId, filters)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

/**
 * Every workspace that has, or should have, an audit chain: the registered ones and any id found
 * in the log itself (a chain must be checked even if its workspace row were gone). The log's ids
 * are read by skipping along the primary key, one probe per workspace rather than a full scan.
 */
export async function listAuditedWorkspaces(db: Db): Promise<{ id: string; name: string | null }[]> {
  const result = await db.execute(sql`
    with recursive logged(id) as (
      (select workspace_id from ${auditLog} order by workspace_id limit 1)
      union all
      select (select a.workspace_id from ${auditLog} a where a.workspace_id > logged.id order by a.workspace_id limit 1)
      from logged where logged.id is not null
    ),
    ids as (
      select id from logged where id is not null
      union
      select ${workspaces.id} from ${workspaces}
    )
    select ids.id::text as id, w.name as name
    from ids left join ${workspaces} w on w.id = ids.id
    order by w.name nulls last, ids.id`);
  return (result as { rows: { id: string; name: string | null }[] }).rows;
}
