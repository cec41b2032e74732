import { api } from '#src/shared/ui/api.ts';
import { markPrepared, saveSnapshot, SESSION_PATH } from '#src/shared/offline/snapshots.ts';

/**
 * Copies onto the device what the pages of one person's file read, so they open without network.
 * Each module says which of its reads a file needs (`ui/offline.ts`); the app assembles them.
 */

/** Reads a path now and keeps the answer; `shared` copies (form templates) belong to no one file. */
export type Keep = <T>(path: string, options?: { shared?: boolean }) => Promise<T>;
export type OfflineResources = (personId: string, keep: Keep) => Promise<void>;

export async function prepareFile(
  person: { id: string; name: string },
  resources: readonly OfflineResources[],
): Promise<void> {
  await saveSnapshot(SESSION_PATH, await api(SESSION_PATH), null);
  const keep: Keep = async <T>(path: string, options: { shared?: boolean } = {}) => {
    const data = await api<T>(path);
    await saveSnapshot(path, data, options.shared ? null : person.id);
    return data;
  };
  for (const collect of resources) await collect(person.id, keep);
  await markPrepared({ personId: person.id, name: person.name, preparedAt: new Date().toISOString() });
  // Asks the browser not to evict the data under storage pressure; it may decline, which changes nothing else.
  await navigator.storage?.persist?.().catch(() => false);
}
