import { useState } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type {
  MarkAllReadResult,
  Notification,
  NotificationList,
  NotificationRead,
} from '#src/modules/notifications/api/notification.schema.ts';
import { announceUnreadCount } from '#src/modules/notifications/ui/unread-count.ts';

const t = messages.notifications;

/** The user's notifications, unread first; opening one or marking it read updates the header count. */
export function NotificationsPage() {
  const { state, reload } = useApi<NotificationList>('/api/notifications?limit=200');
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function act<R extends { unreadCount: number }>(request: Promise<R>, success: (result: R) => string) {
    try {
      const result = await request;
      announceUnreadCount(result.unreadCount);
      setNotice({ kind: 'success', text: success(result) });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : messages.errors.internal });
    }
  }
  const markRead = (item: Notification) =>
    act(api<NotificationRead>(`/api/notifications/${item.id}/read`, { body: {} }), () => t.markedRead);
  const markAll = () =>
    act(api<MarkAllReadResult>('/api/notifications/read-all', { body: {} }), (r) => t.markedAllRead(r.updated));

  return (
    <Page title={t.title} lead={t.lead}>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && state.data.items.length === 0 && <p>{t.empty}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          {state.data.unreadCount > 0 && (
            <p>
              <button type="button" className="button" onClick={() => void markAll()}>
                {t.markAllRead}
              </button>
            </p>
          )}
          <ul className="notification-list" aria-label={t.listCaption}>
            {state.data.items.map((item) => (
              <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
                <h2 className="notification__title">{item.title}</h2>
                <p className="notification__meta">
                  <strong className="notification__status">{item.readAt ? t.read : t.unread}</strong>
                  {' · '}
                  {t.receivedAt(formatDateTime(item.createdAt))}
                </p>
                {item.body && <p>{item.body}</p>}
                <p className="notification__actions">
                  {item.link && (
                    <Link
                      to={item.link}
                      aria-label={t.openNamed(item.title)}
                      onClick={() => {
                        // Following the link reads it; the page changes, so nothing waits for the answer.
                        if (!item.readAt) void markRead(item);
                      }}
                    >
                      {t.open}
                    </Link>
                  )}
                  {!item.readAt && (
                    <button
                      type="button"
                      className="button button--link"
                      aria-label={t.markReadNamed(item.title)}
                      onClick={() => void markRead(item)}
                    >
                      {t.markRead}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
