import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldIssue } from '#src/shared/errors.ts';

/**
 * The agents' app's offline data, in IndexedDB so it survives closing the tab and restarting the
 * device (docs/decisions/022). It holds only the files the user prepared and the writes waiting to
 * be sent, and belongs to one user: it is wiped on sign-out and when someone else signs in.
 */

const DB_NAME = 'demeure-offline';

export type ConflictCopy = { answers: Record<string, unknown>; revision: number; status: string; updatedAt: string };

type ItemBase = {
  /** UUIDv7: time-ordered, so the outbox is read in the order things were done. */
  id: string;
  /** What the write is about (the response, journal entry or attachment id): one pending write per key. */
  key: string;
  /** Incremented on every change, so a sync that sent an older copy does not remove a newer one. */
  seq: number;
  personId: string;
  /** What the write is, in French, for the list of what waits to be sent. */
  label: string;
  createdAt: string;
  updatedAt: string;
  /** `conflict` waits for the user to choose; `rejected` for a correction; `pending` is sent on the next sync. */
  status: 'pending' | 'conflict' | 'rejected';
  error?: string;
  issues?: FieldIssue[];
};

export type FormResponseWrite = ItemBase & {
  kind: 'form_response';
  payload: {
    templateVersionId: string;
    /** The pathway and home visit a new response belongs to, as the create request takes them. */
    link: Record<string, unknown>;
    answers: Record<string, unknown>;
    submit: boolean;
    /** False until the server has stored the create; then changes are sent as updates. */
    existsOnServer: boolean;
    /** The server revision these answers were based on. */
    baseRevision: number;
  };
  /** The copy saved on the server meanwhile, when it differs from this one. */
  server?: ConflictCopy;
};

export type JournalEntryWrite = ItemBase & {
  kind: 'journal_entry';
  payload: { pathwayId: string; entry: Record<string, unknown> };
};

export type AttachmentWrite = ItemBase & {
  kind: 'attachment';
  payload: { attachmentKind: string; name: string; type: string; blob: Blob };
};

export type OutboxItem = FormResponseWrite | JournalEntryWrite | AttachmentWrite;

export type Snapshot = { path: string; personId: string | null; data: unknown; savedAt: string };
export type PreparedFile = { personId: string; name: string; preparedAt: string };

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byKey: string } };
  snapshots: { key: string; value: Snapshot; indexes: { byPerson: string } };
  prepared: { key: string; value: PreparedFile };
  meta: { key: string; value: { key: string; value: string } };
}

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byKey', 'key', { unique: true });
      db.createObjectStore('snapshots', { keyPath: 'path' }).createIndex('byPerson', 'personId');
      db.createObjectStore('prepared', { keyPath: 'personId' });
      db.createObjectStore('meta', { keyPath: 'key' });
    },
    // Another tab wiping the data (sign-out) must not be blocked by this one.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

export const offlineStorageAvailable = () => typeof indexedDB !== 'undefined';

/** Deletes everything kept on this device: prepared files and unsent writes. */
export async function wipeOfflineData(): Promise<void> {
  if (!offlineStorageAvailable()) return;
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
  await deleteDB(DB_NAME);
  notifyOfflineChange();
}

/** Keeps the data of one user only: another user signing in on this device starts from nothing. */
export async function claimOfflineData(userId: string): Promise<void> {
  if (!offlineStorageAvailable()) return;
  const db = await offlineDb();
  const owner = await db.get('meta', 'owner');
  if (owner && owner.value !== userId) await wipeOfflineData();
  await (await offlineDb()).put('meta', { key: 'owner', value: userId });
}

const channelName = 'demeure-offline';
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

/** Tells every open page of this device (this tab and the others) that the offline data changed. */
export function notifyOfflineChange() {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

export function onOfflineChange(listener: () => void): () => void {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(channelName);
    channel.onmessage = () => listeners.forEach((l) => l());
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
