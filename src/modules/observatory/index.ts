import type { Router } from '#src/shared/http/route.ts';
import { mountIndicatorRoutes } from '#src/modules/observatory/api/indicators.route.ts';

/** Indicators for managers: entries, stages, delays, outcomes. */
export function createObservatoryRoutes(router: Router) {
  mountIndicatorRoutes(router);
}
