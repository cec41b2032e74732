import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '#src/shared/ui/api.ts';
import type { Loadable } from '#src/shared/ui/use-api.ts';

/**
 * Loads one API resource and reloads it on demand after a change. The data shown stays on
 * screen while it reloads, so focus and scroll position are not lost.
 */
export function useReloadable<T>(path: string): { state: Loadable<T>; reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(500, 'internal', String(error)),
        });
      });
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}

export const roleLabel = (role: string, labels: Record<string, string>) => labels[role] ?? role;

/** "73282932000074" → "732 829 320 00074", the way SIRETs are printed. */
export const formatSiret = (siret: string) =>
  `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
