import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '#src/shared/ui/api.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/**
 * Loads one API resource for a component (no request while the path is null); a new path cancels
 * the previous request. `reload` fetches again after a change while the data shown stays on
 * screen, so focus and scroll position are not lost.
 */
export function useApi<T>(path: string | null): { state: Loadable<T>; reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof ApiError ? error : new ApiError(500, 'internal', String(error));
        // Without network, what is on screen stays there (the shell says the device is offline).
        setState((shown) =>
          failure.code === 'network' && shown.status === 'ready' ? shown : { status: 'error', error: failure },
        );
      });
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}
