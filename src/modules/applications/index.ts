import type { Router } from '#src/shared/http/route.ts';

/** Social-housing applications mirrored from the pathway, and the explainable matching of units. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createApplicationRoutes(router: Router) {}
