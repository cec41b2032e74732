import { messages } from '#src/shared/i18n/fr.ts';
import type { ErrorBody } from '#src/shared/errors.ts';
import { listOutbox, recordRevision, updateQueued } from '#src/shared/offline/outbox.ts';
import { refreshKept } from '#src/shared/offline/snapshots.ts';
import { notifyOfflineChange, onOfflineChange, type ConflictCopy, type OutboxItem } from '#src/shared/offline/store.ts';

/**
 * Sends the outbox to the server, one write at a time in the order they were made (attachments
 * first, since answers refer to them). A write leaves the outbox only once the server has stored it;
 * a replay after a lost answer is harmless because every write carries its client id, and an update
 * whose answers the server already holds counts as done (docs/decisions/022).
 */

export type SyncStop = 'network' | 'session' | 'server' | null;
export type SyncState = { running: boolean; stoppedBy: SyncStop; lastSyncAt: string | null };

let state: SyncState = { running: false, stoppedBy: null, lastSyncAt: null };
export const syncState = (): SyncState => state;
const setState = (next: Partial<SyncState>) => {
  state = { ...state, ...next };
  notifyOfflineChange();
};

type Reply = { status: number; body: unknown };

async function send(method: string, path: string, body: unknown, contentType = 'application/json'): Promise<Reply> {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', 'content-type': contentType },
    body: contentType === 'application/json' ? JSON.stringify(body) : (body as Blob),
    credentials: 'same-origin',
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Deep equality of two JSON values whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson((a as never)[k], (b as never)[k]));
  }
  return false;
}

type Step =
  | { kind: 'done' }
  | { kind: 'again' }
  | { kind: 'stop'; by: Exclude<SyncStop, null> }
  | { kind: 'rejected'; body: ErrorBody | null }
  | { kind: 'conflict'; server: ConflictCopy };

type Saved = { id: string; status: string; revision: number };

/** The request for one write, and what its answer means for the outbox. */
async function step(item: OutboxItem): Promise<Step> {
  let reply: Reply;
  try {
    reply = await request(item);
  } catch {
    return { kind: 'stop', by: 'network' };
  }
  const { status } = reply;
  if (status === 401) return { kind: 'stop', by: 'session' };
  if (status >= 500) return { kind: 'stop', by: 'server' };
  if (item.kind === 'form_response') return formResponseStep(item, reply);
  if (status < 300) return finish(item, item.seq);
  return { kind: 'rejected', body: reply.body as ErrorBody | null };
}

function request(item: OutboxItem): Promise<Reply> {
  switch (item.kind) {
    case 'attachment': {
      const query = new URLSearchParams({ id: item.key, kind: item.payload.attachmentKind, name: item.payload.name });
      return send('POST', `/api/people/${item.personId}/attachments?${query}`, item.payload.blob, item.payload.type);
    }
    case 'journal_entry':
      return send('POST', `/api/pathways/${item.payload.pathwayId}/journal`, { ...item.payload.entry, id: item.key });
    case 'form_response': {
      const { payload } = item;
      if (!payload.existsOnServer) {
        return send('POST', `/api/people/${item.personId}/form-responses`, {
          id: item.key,
          templateVersionId: payload.templateVersionId,
          ...payload.link,
          answers: payload.answers,
          submit: payload.submit,
        });
      }
      return send('PUT', `/api/form-responses/${item.key}`, {
        revision: payload.baseRevision,
        answers: payload.answers,
        submit: payload.submit,
      });
    }
  }
}

async function formResponseStep(item: Extract<OutboxItem, { kind: 'form_response' }>, reply: Reply): Promise<Step> {
  const { payload } = item;
  if (reply.status === 201 || (reply.status === 200 && payload.existsOnServer)) {
    return finish(item, item.seq, (reply.body as Saved).revision);
  }
  if (reply.status === 200) {
    // The create had already reached the server (its answer was lost): what was typed since goes as an update.
    await updateQueued(item.id, (i) =>
      i.kind === 'form_response'
        ? { ...i, payload: { ...i.payload, existsOnServer: true, baseRevision: (reply.body as Saved).revision } }
        : i,
    );
    return { kind: 'again' };
  }
  const body = reply.body as ErrorBody | null;
  const current = body?.details?.current as ConflictCopy | undefined;
  if (reply.status === 409 && current && payload.existsOnServer) {
    const alreadyThere =
      sameJson(current.answers, payload.answers) && (current.status === 'submitted' || !payload.submit);
    return alreadyThere ? finish(item, item.seq, current.revision) : { kind: 'conflict', server: current };
  }
  return { kind: 'rejected', body };
}

/** Removes a write the server stored, unless it changed while being sent: then the newer copy goes next. */
async function finish(item: OutboxItem, sentSeq: number, revision?: number): Promise<Step> {
  const removed = await updateQueued(item.id, () => null, sentSeq);
  if (removed) {
    if (item.kind === 'form_response' && revision !== undefined) await recordRevision(item.key, revision);
    // The copies kept for offline reading now show what the server holds.
    await refreshKept([`/api/form-responses/${item.key}`, `/api/people/${item.personId}/form-responses`]);
    return { kind: 'done' };
  }
  await updateQueued(item.id, (i) =>
    i.kind === 'form_response' && revision !== undefined
      ? { ...i, payload: { ...i.payload, existsOnServer: true, baseRevision: revision } }
      : i,
  );
  return { kind: 'again' };
}

const sendOrder = (a: OutboxItem, b: OutboxItem) =>
  Number(b.kind === 'attachment') - Number(a.kind === 'attachment') || a.id.localeCompare(b.id);

async function drain(): Promise<void> {
  setState({ running: true, stoppedBy: null });
  try {
    for (let rounds = 0; rounds < 1000; rounds++) {
      const next = (await listOutbox()).filter((i) => i.status === 'pending').sort(sendOrder)[0];
      if (!next) break;
      const result = await step(next);
      if (result.kind === 'stop') return setState({ stoppedBy: result.by });
      if (result.kind === 'conflict') {
        await updateQueued(next.id, (i) => ({ ...i, status: 'conflict', server: result.server }) as OutboxItem);
      } else if (result.kind === 'rejected') {
        await updateQueued(next.id, (i) => ({
          ...i,
          status: 'rejected',
          error: result.body?.message ?? messages.errors.internal,
          issues: result.body?.issues ?? [],
        }));
      }
    }
    setState({ lastSyncAt: new Date().toISOString() });
  } finally {
    setState({ running: false });
  }
}

let running: Promise<void> | null = null;

/** Sends what waits, once at a time across every tab of this device. */
export function syncNow(): Promise<void> {
  running ??= (
    typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('demeure-sync', drain) : drain()
  ).finally(() => {
    running = null;
  });
  return running;
}

const RETRY_MS = 30_000;

/** Syncs when the network comes back, after every new write, and every 30 s while writes wait. */
export function startBackgroundSync(): () => void {
  const tryNow = () => {
    if (navigator.onLine && !state.running) void syncNow();
  };
  const unsubscribe = onOfflineChange(() => {
    // A new write goes out at once; after a failed attempt, retries wait for the network or the timer.
    if (state.running || state.stoppedBy !== null) return;
    void listOutbox().then((items) => items.some((i) => i.status === 'pending') && tryNow());
  });
  window.addEventListener('online', tryNow);
  const timer = window.setInterval(() => {
    void listOutbox().then((items) => items.some((i) => i.status === 'pending') && tryNow());
  }, RETRY_MS);
  tryNow();
  return () => {
    unsubscribe();
    window.removeEventListener('online', tryNow);
    window.clearInterval(timer);
  };
}
