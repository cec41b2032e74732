import { useCallback, useEffect, useState } from 'react';
import { api } from '#src/shared/ui/api.ts';
import type { UnreadCount } from '#src/modules/notifications/api/notification.schema.ts';

const REFRESH_MS = 60_000;
const listeners = new Set<(count: number) => void>();

/** The notifications page reports a new count after marking, so the header bell follows at once. */
export function announceUnreadCount(count: number) {
  listeners.forEach((listener) => listener(count));
}

/** The unread count, fetched on arrival, when `refreshKey` changes (navigation) and every minute. */
export function useUnreadCount(refreshKey: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const refresh = useCallback((signal?: AbortSignal) => {
    api<UnreadCount>('/api/notifications/unread-count', { signal })
      .then((data) => setCount(data.unreadCount))
      // The bell is secondary: a failed refresh keeps the last count rather than alarming the user.
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    refresh(controller.signal);
    return () => controller.abort();
  }, [refresh, refreshKey]);
  useEffect(() => {
    const timer = setInterval(() => refresh(), REFRESH_MS);
    listeners.add(setCount);
    return () => {
      clearInterval(timer);
      listeners.delete(setCount);
    };
  }, [refresh]);
  return count;
}
