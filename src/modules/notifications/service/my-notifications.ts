import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import type {
  MarkAllReadResult,
  Notification,
  NotificationList,
} from '#src/modules/notifications/api/notification.schema.ts';
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from '#src/modules/notifications/repo/notifications.repo.ts';

// Notifications are personal: every function reads and changes only the actor's own rows in the
// actor's current workspace, whatever their role.

const toView = (row: NotificationRow): Notification => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function listMyNotifications(db: Db, actor: Actor, limit: number): Promise<NotificationList> {
  const [rows, unreadCount] = await Promise.all([
    listNotifications(db, actor.workspaceId, actor.userId, limit),
    countUnread(db, actor.workspaceId, actor.userId),
  ]);
  return { items: rows.map(toView), unreadCount };
}

export const myUnreadCount = (db: Db, actor: Actor) => countUnread(db, actor.workspaceId, actor.userId);

export async function markMyNotificationRead(db: Db, actor: Actor, id: string, requestId: string) {
  return db.transaction(async (tx) => {
    const marked = await markRead(tx, actor.workspaceId, actor.userId, id, new Date());
    if (!marked) throw notFound();
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      changedFields: ['readAt'],
      requestId,
    });
    return { readAt: marked.readAt.toISOString(), unreadCount: await countUnread(tx, actor.workspaceId, actor.userId) };
  });
}

export async function markAllMyNotificationsRead(db: Db, actor: Actor, requestId: string): Promise<MarkAllReadResult> {
  return db.transaction(async (tx) => {
    const updated = await markAllRead(tx, actor.workspaceId, actor.userId, new Date());
    if (updated > 0) {
      await writeAudit(tx, {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'notification.read_all',
        entityType: 'notification',
        changedFields: ['readAt'],
        requestId,
      });
    }
    return { updated, unreadCount: 0 };
  });
}
