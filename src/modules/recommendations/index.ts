import type { Router } from '#src/shared/http/route.ts';

/** The occupational therapist's recommendation sheets: versioned, printed as PDF, handed over to the person. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createRecommendationRoutes(router: Router) {}
