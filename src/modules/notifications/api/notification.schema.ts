import { z } from '@hono/zod-openapi';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const notificationListSchema = z
  .object({ items: z.array(notificationSchema), unreadCount: z.number().int() })
  .openapi('NotificationList');

export const unreadCountSchema = z.object({ unreadCount: z.number().int() }).openapi('NotificationUnreadCount');

export const markAllReadResultSchema = z
  .object({ updated: z.number().int(), unreadCount: z.number().int() })
  .openapi('NotificationsMarkedRead');

export const notificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export type Notification = z.infer<typeof notificationSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type UnreadCount = z.infer<typeof unreadCountSchema>;
export type MarkAllReadResult = z.infer<typeof markAllReadResultSchema>;

export const notificationReadSchema = z
  .object({ readAt: z.string(), unreadCount: z.number().int() })
  .openapi('NotificationRead');

export type NotificationRead = z.infer<typeof notificationReadSchema>;
