import type { AppErrorCode, ErrorBody, FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { readSnapshot, refreshSnapshotIfKept } from '#src/shared/offline/snapshots.ts';

/** An API failure as the UI handles it: a code, a French message, and per-field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: AppErrorCode | 'network',
    message: string,
    readonly issues: FieldIssue[] = [],
    /** What the server sent to resolve a conflict (the newer record, possible duplicates). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

/** The shell listens so it can offer to sign in again without leaving the page (and losing input). */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        init.body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    // Without network, a read of a file prepared for offline work answers from this device.
    const kept = method === 'GET' ? await readSnapshot(path).catch(() => undefined) : undefined;
    if (kept) return kept.data as T;
    throw new ApiError(0, 'network', messages.errors.network);
  }
  if (response.ok) {
    const data = (response.status === 204 ? undefined : await response.json()) as T;
    if (method === 'GET') void refreshSnapshotIfKept(path, data).catch(() => undefined);
    return data;
  }
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const code = body?.code ?? 'internal';
  if (code === 'session_expired') sessionExpiredListeners.forEach((l) => l());
  throw new ApiError(
    response.status,
    code,
    body?.message ?? messages.errors.internal,
    body?.issues ?? [],
    body?.details ?? {},
  );
}
