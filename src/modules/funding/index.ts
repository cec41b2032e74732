import type { Router } from '#src/shared/http/route.ts';

/** Funding plans: aid rules as code, the simulator, quotes, plans and funding applications to each funder. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createFundingRoutes(router: Router) {}
