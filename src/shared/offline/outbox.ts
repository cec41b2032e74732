import { uuidv7 } from 'uuidv7';
import {
  notifyOfflineChange,
  offlineDb,
  offlineStorageAvailable,
  type AttachmentWrite,
  type FormResponseWrite,
  type JournalEntryWrite,
  type OutboxItem,
} from '#src/shared/offline/store.ts';

/**
 * Writes of the agents' app that must survive a lost network: stored on the device first, then sent
 * in order by the sync (`sync.ts`). Each write carries a client-generated id, so sending it twice
 * stores it once on the server (docs/decisions/022).
 */

export type { OutboxItem } from '#src/shared/offline/store.ts';

export const newClientId = (): string => uuidv7();

type Pending<T extends OutboxItem> = Pick<T, 'key' | 'personId' | 'label' | 'payload'>;

async function put<T extends OutboxItem>(kind: T['kind'], write: Pending<T>, merge?: (before: T) => T['payload']) {
  const db = await offlineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const before = (await tx.store.index('byKey').get(write.key)) as T | undefined;
  const now = new Date().toISOString();
  const item = before
    ? {
        ...before,
        label: write.label,
        payload: merge ? merge(before) : write.payload,
        seq: before.seq + 1,
        updatedAt: now,
      }
    : { ...write, kind, id: uuidv7(), seq: 1, createdAt: now, updatedAt: now, status: 'pending' };
  // A rejected write that the user corrected is tried again; a conflict still waits for their choice.
  if (item.status === 'rejected') Object.assign(item, { status: 'pending', error: undefined, issues: undefined });
  await tx.store.put(item as OutboxItem);
  await tx.done;
  notifyOfflineChange();
  return item as T;
}

/**
 * Keeps the latest answers of a response. While the create has not reached the server the answers
 * replace those of the create; afterwards they become an update based on the revision last read.
 */
export function queueFormResponse(write: Pending<FormResponseWrite>): Promise<FormResponseWrite> {
  return put<FormResponseWrite>('form_response', write, (before) => ({
    ...write.payload,
    existsOnServer: before.payload.existsOnServer,
    baseRevision: before.payload.baseRevision,
  }));
}

export function queueJournalEntry(write: Pending<JournalEntryWrite>): Promise<JournalEntryWrite> {
  return put<JournalEntryWrite>('journal_entry', write);
}

export function queueAttachment(write: Pending<AttachmentWrite>): Promise<AttachmentWrite> {
  return put<AttachmentWrite>('attachment', write);
}

/** The server revision of a response after its last write from this device left the outbox. */
export async function recordRevision(responseId: string, revision: number): Promise<void> {
  await (await offlineDb()).put('meta', { key: `revision:${responseId}`, value: String(revision) });
}

export async function knownRevision(responseId: string): Promise<number | undefined> {
  if (!offlineStorageAvailable()) return undefined;
  const kept = await (await offlineDb()).get('meta', `revision:${responseId}`);
  return kept ? Number(kept.value) : undefined;
}

/** Everything waiting on this device, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  if (!offlineStorageAvailable()) return [];
  return (await offlineDb()).getAll('outbox');
}

export async function findQueued<T extends OutboxItem>(key: string): Promise<T | undefined> {
  if (!offlineStorageAvailable()) return undefined;
  return (await (await offlineDb()).getFromIndex('outbox', 'byKey', key)) as T | undefined;
}

/** Applies `change` to the stored write unless it was changed since `seq` was read; returns whether it applied. */
export async function updateQueued(
  id: string,
  change: (item: OutboxItem) => OutboxItem | null,
  seq?: number,
): Promise<boolean> {
  const db = await offlineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const item = await tx.store.get(id);
  if (!item || (seq !== undefined && item.seq !== seq)) {
    await tx.done;
    return false;
  }
  const next = change(item);
  if (next) await tx.store.put(next);
  else await tx.store.delete(id);
  await tx.done;
  notifyOfflineChange();
  return true;
}

/**
 * The user's choice on a conflict: keep their answers or take the server's copy (their write is
 * dropped). Kept answers are sent as a change of the server's revision, or, when the server's copy
 * was validated meanwhile and can no longer change, as a new response.
 */
export async function resolveConflict(id: string, keep: 'mine' | 'theirs'): Promise<OutboxItem | null> {
  let kept: OutboxItem | null = null;
  await updateQueued(id, (item) => {
    if (item.kind !== 'form_response' || !item.server) return item;
    if (keep === 'theirs') return null;
    const validated = item.server.status === 'submitted';
    kept = {
      ...item,
      key: validated ? newClientId() : item.key,
      status: 'pending',
      seq: item.seq + 1,
      payload: {
        ...item.payload,
        existsOnServer: !validated,
        baseRevision: validated ? 1 : item.server.revision,
      },
      server: undefined,
      error: undefined,
    };
    return kept;
  });
  return kept;
}

/** Drops a write the server refused, once the user has read why. */
export function discardQueued(id: string): Promise<boolean> {
  return updateQueued(id, () => null);
}
