import { useEffect, useState } from 'react';
import { api, ApiError } from '#src/shared/ui/api.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** Loads one API resource for a component; a new path cancels the previous request. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(500, 'internal', String(error)) });
      });
    return () => controller.abort();
  }, [path]);
  return state;
}
