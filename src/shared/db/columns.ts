import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant table starts with these two columns; its primary key is (workspace_id, id). */
export const tenantColumns = {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
};

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);
