import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { notifications } from '#src/modules/notifications/db/schema.ts';

export type NewNotification = {
  workspaceId: string;
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  email: boolean;
};

export async function insertNotification(db: Db, row: NewNotification): Promise<void> {
  const { email, ...values } = row;
  await db.insert(notifications).values({
    ...values,
    ...(email ? { emailStatus: 'pending' as const, emailNextAttemptAt: sql`now()` } : {}),
  });
}

export type NotificationRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

const mine = (workspaceId: string, userId: string) =>
  and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId));

/** Unread first, then newest first. */
export async function listNotifications(
  db: Db,
  workspaceId: string,
  userId: string,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(mine(workspaceId, userId))
    .orderBy(sql`${notifications.readAt} is null desc`, desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Db, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(workspaceId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; null when it is not theirs (or does not exist). */
export async function markRead(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
  now: Date,
): Promise<{ readAt: Date } | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(mine(workspaceId, userId), eq(notifications.id, id)))
    .returning({ readAt: notifications.readAt });
  return row?.readAt ? { readAt: row.readAt } : null;
}

export async function markAllRead(db: Db, workspaceId: string, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(workspaceId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type ClaimedEmail = {
  workspaceId: string;
  id: string;
  userId: string;
  attempts: number;
  title: string;
  link: string | null;
};

/**
 * Takes up to `limit` due e-mails for this sender: each is marked `sending` and its attempt counted
 * before anything leaves, so a second sender running at the same time skips it.
 */
export async function claimDueEmails(db: Db, now: Date, claimUntil: Date, limit: number): Promise<ClaimedEmail[]> {
  const due = and(eq(notifications.emailStatus, 'pending'), lte(notifications.emailNextAttemptAt, now));
  const claimable = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(due)
    .orderBy(asc(notifications.emailNextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notifications)
    .set({
      emailStatus: 'sending',
      emailAttempts: sql`${notifications.emailAttempts} + 1`,
      emailNextAttemptAt: claimUntil,
    })
    .where(and(due, inArray(notifications.id, claimable)))
    .returning({
      workspaceId: notifications.workspaceId,
      id: notifications.id,
      userId: notifications.userId,
      attempts: notifications.emailAttempts,
      title: notifications.title,
      link: notifications.link,
    });
}

export async function recordEmailSent(db: Db, workspaceId: string, id: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ emailStatus: 'sent', emailSentAt: now, emailNextAttemptAt: null, emailLastError: null })
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
}

export async function recordEmailFailure(
  db: Db,
  workspaceId: string,
  id: string,
  outcome: { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' },
  error: string,
): Promise<void> {
  await db
    .update(notifications)
    .set({
      emailStatus: outcome.status,
      emailNextAttemptAt: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
      emailLastError: error.slice(0, 500),
    })
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
}

/** Claims whose sender never reported back: given up, never sent again (see EMAIL_CLAIM_MS). */
export async function abandonStaleClaims(db: Db, now: Date, error: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ emailStatus: 'failed', emailNextAttemptAt: null, emailLastError: error })
    .where(and(eq(notifications.emailStatus, 'sending'), lte(notifications.emailNextAttemptAt, now)))
    .returning({ id: notifications.id });
  return rows.length;
}
