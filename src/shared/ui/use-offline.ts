import { useEffect, useState } from 'react';
import { listOutbox, type OutboxItem } from '#src/shared/offline/outbox.ts';
import { listPreparedFiles } from '#src/shared/offline/snapshots.ts';
import { onOfflineChange, type PreparedFile } from '#src/shared/offline/store.ts';
import { syncState, type SyncState } from '#src/shared/offline/sync.ts';

export type OfflineView = { online: boolean; items: OutboxItem[]; prepared: PreparedFile[]; sync: SyncState };

/** What this device holds for offline work, kept current across tabs and network changes. */
export function useOffline(): OfflineView {
  const [view, setView] = useState<OfflineView>(() => ({
    online: navigator.onLine,
    items: [],
    prepared: [],
    sync: syncState(),
  }));
  useEffect(() => {
    let live = true;
    const load = () =>
      void Promise.all([listOutbox(), listPreparedFiles()]).then(([items, prepared]) => {
        if (live) setView({ online: navigator.onLine, items, prepared, sync: syncState() });
      });
    load();
    const unsubscribe = onOfflineChange(load);
    window.addEventListener('online', load);
    window.addEventListener('offline', load);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', load);
      window.removeEventListener('offline', load);
    };
  }, []);
  return view;
}
