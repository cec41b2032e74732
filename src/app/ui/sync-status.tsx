import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import type { OfflineView } from '#src/shared/ui/use-offline.ts';

const t = messages.offline.status;

/** In the header: whether the device is offline and what waits to be sent, linking to the offline page. */
export function SyncStatus({ view }: { view: OfflineView }) {
  const waiting = view.items.filter((i) => i.status === 'pending').length;
  const toResolve = view.items.length - waiting;
  const parts = [
    !view.online && t.offline,
    view.sync.running && waiting > 0 ? t.syncing : waiting > 0 && t.waiting(waiting),
    toResolve > 0 && t.toResolve(toResolve),
  ].filter(Boolean);
  return (
    <span role="status" className="sync-status">
      {parts.length > 0 && (
        <Link to="/hors-ligne" className={toResolve > 0 || !view.online ? 'sync-status__alert' : undefined}>
          {parts.join(' · ')}
        </Link>
      )}
    </span>
  );
}
