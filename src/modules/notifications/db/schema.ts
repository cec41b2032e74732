import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '#src/shared/db/columns.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';

/**
 * One message to one user, shown in the app; when an e-mail is asked for, the row is also the
 * outbox entry the e-mail job reads (email_status null means "in the app only").
 */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns,
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailStatus: text('email_status', { enum: ['pending', 'sending', 'sent', 'failed'] }),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailNextAttemptAt: timestamp('email_next_attempt_at', { withTimezone: true }),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
    emailLastError: text('email_last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    index('notifications_user_idx').on(t.workspaceId, t.userId, t.readAt, t.createdAt),
    // The e-mail job scans every workspace for due rows; the partial index holds only the outbox.
    index('notifications_email_due_idx')
      .on(t.emailNextAttemptAt)
      .where(sql`email_status in ('pending', 'sending')`),
  ],
);
