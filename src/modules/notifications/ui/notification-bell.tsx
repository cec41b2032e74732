import { Link, useLocation } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { useUnreadCount } from '#src/modules/notifications/ui/unread-count.ts';

/** The header link to the notifications page; its accessible name says how many are unread. */
export function NotificationBell() {
  const location = useLocation();
  const count = useUnreadCount(location.pathname);
  const t = messages.notifications;
  return (
    // Until the count arrives the link says only "Notifications", never a count it does not know.
    <Link to="/notifications" className="notification-bell" aria-label={count === null ? t.title : t.bell(count)}>
      <span aria-hidden="true">{t.title}</span>
      {count !== null && count > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {count}
        </span>
      )}
    </Link>
  );
}
