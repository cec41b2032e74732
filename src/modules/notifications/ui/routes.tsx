import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const NotificationsPage = lazy(() =>
  import('#src/modules/notifications/ui/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const notificationPages: RouteObject[] = [{ path: 'notifications', element: onDemand(<NotificationsPage />) }];
