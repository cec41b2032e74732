import type { Router } from '#src/shared/http/route.ts';
import { mountLocalAidRoutes } from '#src/modules/funding/api/local-aids.route.ts';
import { mountSimulatorRoutes } from '#src/modules/funding/api/simulator.route.ts';

/** Funding plans: aid rules as code, the simulator, quotes, plans and funding applications to each funder. */
export function createFundingRoutes(router: Router) {
  mountSimulatorRoutes(router);
  mountLocalAidRoutes(router);
}
