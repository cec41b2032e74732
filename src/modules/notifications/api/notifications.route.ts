import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  markAllReadResultSchema,
  notificationIdParamSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationReadSchema,
  unreadCountSchema,
} from '#src/modules/notifications/api/notification.schema.ts';
import {
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationRead,
  myUnreadCount,
} from '#src/modules/notifications/service/my-notifications.ts';

// Every signed-in user has notifications, whatever their role; the service keeps each to their own.

const list = defineRoute({
  access: 'authenticated',
  method: 'get',
  path: '/api/notifications',
  tags: ['notifications'],
  summary: "The signed-in user's notifications, unread first",
  request: { query: notificationListQuerySchema },
  responses: { 200: jsonResponse(notificationListSchema, 'Notifications and the unread count') },
});

const unread = defineRoute({
  access: 'authenticated',
  method: 'get',
  path: '/api/notifications/unread-count',
  tags: ['notifications'],
  summary: "How many of the signed-in user's notifications are unread",
  responses: { 200: jsonResponse(unreadCountSchema, 'The unread count') },
});

const readOne = defineRoute({
  access: 'authenticated',
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one of my notifications read',
  request: { params: notificationIdParamSchema },
  responses: { 200: jsonResponse(notificationReadSchema, 'When it was read, and the unread count') },
});

const readAll = defineRoute({
  access: 'authenticated',
  method: 'post',
  path: '/api/notifications/read-all',
  tags: ['notifications'],
  summary: 'Mark all my notifications read',
  responses: { 200: jsonResponse(markAllReadResultSchema, 'How many were marked') },
});

export function mountNotificationRoutes(router: Router) {
  router.openapi(list, async (c) => {
    const result = await listMyNotifications(c.var.deps.database.db, c.var.actor, c.req.valid('query').limit);
    return c.json(result, 200);
  });
  router.openapi(unread, async (c) => {
    return c.json({ unreadCount: await myUnreadCount(c.var.deps.database.db, c.var.actor) }, 200);
  });
  router.openapi(readAll, async (c) => {
    return c.json(await markAllMyNotificationsRead(c.var.deps.database.db, c.var.actor, c.var.requestId), 200);
  });
  router.openapi(readOne, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await markMyNotificationRead(c.var.deps.database.db, c.var.actor, id, c.var.requestId), 200);
  });
}
