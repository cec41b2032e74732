import type { Me } from '#src/modules/platform/index.ts';
import { useApi } from '#src/shared/ui/use-api.ts';

/** Readers of a funding file (the therapist, the manager) see it without the forms they could not send. */
export function useMayWriteFunding(): boolean {
  const { state } = useApi<Me>('/api/me');
  return state.status === 'ready' && state.data.permissions.includes('funding.write');
}
