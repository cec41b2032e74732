import type { Router } from '#src/shared/http/route.ts';

/** Résidences autonomie: units, occupancy, admission conditions, waiting list. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createResidenceRoutes(router: Router) {}
