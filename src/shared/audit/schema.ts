import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained per workspace: each row's hash covers its content and the previous
 * row's hash, so editing or deleting a row breaks the chain (see the audit verification command).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: uuid('workspace_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    personId: uuid('person_id'),
    changedFields: jsonb('changed_fields')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.seq] }),
    index('audit_log_actor_idx').on(t.workspaceId, t.actorUserId, t.at),
    index('audit_log_person_idx').on(t.workspaceId, t.personId, t.at),
    index('audit_log_at_idx').on(t.workspaceId, t.at),
  ],
);
