import type { Router } from '#src/shared/http/route.ts';
import { mountNotificationRoutes } from '#src/modules/notifications/api/notifications.route.ts';

export { notify, type NotifyInput } from '#src/modules/notifications/service/notify.ts';
export {
  sendPendingNotificationEmails,
  type EmailRun,
} from '#src/modules/notifications/service/send-notification-emails.ts';

/** In-app notifications and the e-mails that carry them (sent by the job queue, never inside a request). */
export function createNotificationRoutes(router: Router) {
  mountNotificationRoutes(router);
}
