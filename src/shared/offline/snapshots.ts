import {
  notifyOfflineChange,
  offlineDb,
  onOfflineChange,
  offlineStorageAvailable,
  type PreparedFile,
  type Snapshot,
} from '#src/shared/offline/store.ts';

/**
 * Copies of API reads kept for the files a user prepared, keyed by the exact path the pages request,
 * so a page opened without network shows what was read last (docs/decisions/022).
 */

/** The session is kept with the files: the app cannot open offline without knowing who is signed in. */
export const SESSION_PATH = '/api/me';

export async function readSnapshot(path: string): Promise<Snapshot | undefined> {
  if (!offlineStorageAvailable()) return undefined;
  return (await offlineDb()).get('snapshots', path);
}

export async function saveSnapshot(path: string, data: unknown, personId: string | null): Promise<void> {
  await (await offlineDb()).put('snapshots', { path, personId, data, savedAt: new Date().toISOString() });
}

let keepsFiles: Promise<boolean> | null = null;
let listening = false;

/**
 * Whether this device keeps a prepared file, read once and again only after a change notice: most users never
 * prepare one, and their every read must not wait on IndexedDB.
 */
function keepsPreparedFiles(): Promise<boolean> {
  if (!offlineStorageAvailable()) return Promise.resolve(false);
  if (!keepsFiles) {
    if (!listening) onOfflineChange(() => (keepsFiles = null));
    listening = true;
    keepsFiles = offlineDb()
      .then((db) => db.count('prepared'))
      .then((count) => count > 0);
  }
  return keepsFiles;
}

/** A fresh read of a path already kept offline replaces the copy, so prepared files stay current while online. */
export async function refreshSnapshotIfKept(path: string, data: unknown): Promise<void> {
  if (!(await keepsPreparedFiles())) return;
  const db = await offlineDb();
  const kept = await db.get('snapshots', path);
  if (kept) await db.put('snapshots', { ...kept, data, savedAt: new Date().toISOString() });
}

/** Reads again the paths kept on this device (a write changed them); others are left alone. */
export async function refreshKept(paths: string[]): Promise<void> {
  if (!(await keepsPreparedFiles())) return;
  const db = await offlineDb();
  for (const path of paths) {
    if (!(await db.get('snapshots', path))) continue;
    const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(
      () => null,
    );
    // Without network the older copy stays; the next sync or preparation reads it again.
    if (response?.ok) await refreshSnapshotIfKept(path, await response.json());
  }
}

export async function listPreparedFiles(): Promise<PreparedFile[]> {
  if (!offlineStorageAvailable()) return [];
  return (await offlineDb()).getAll('prepared');
}

export async function markPrepared(file: PreparedFile): Promise<void> {
  await (await offlineDb()).put('prepared', file);
  notifyOfflineChange();
}

/** Forgets a prepared file and every copy read for it (shared copies such as form templates stay). */
export async function forgetPreparedFile(personId: string): Promise<void> {
  const db = await offlineDb();
  const tx = db.transaction(['prepared', 'snapshots'], 'readwrite');
  const paths = await tx.objectStore('snapshots').index('byPerson').getAllKeys(personId);
  await Promise.all([
    ...paths.map((p) => tx.objectStore('snapshots').delete(p)),
    tx.objectStore('prepared').delete(personId),
  ]);
  await tx.done;
  notifyOfflineChange();
}
