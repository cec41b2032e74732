import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';

const NotificationsPage = lazy(() =>
  import('#src/modules/notifications/ui/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const notificationPages: RouteObject[] = [
  {
    path: 'notifications',
    element: (
      <Suspense fallback={<p role="status">{messages.app.loading}</p>}>
        <NotificationsPage />
      </Suspense>
    ),
  },
];
