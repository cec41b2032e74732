import type { Router } from '#src/shared/http/route.ts';

/** Indicators for managers: entries, stages, delays, outcomes. */
export function createObservatoryRoutes(router: Router) {
  void router;
}
