import type { Router } from '#src/shared/http/route.ts';

/** In-app notifications, reminder e-mails and the job queue that sends them. */
export function createNotificationRoutes(router: Router) {
  void router;
}
