import type { AppErrorCode, ErrorBody, FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';

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
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
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
    throw new ApiError(0, 'network', messages.errors.network);
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
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
