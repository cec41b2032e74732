import type { Router } from '#src/shared/http/route.ts';

/** Offers of units, allocation committees, answers and refusals, and the landlords' reports. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createOfferRoutes(router: Router) {}
