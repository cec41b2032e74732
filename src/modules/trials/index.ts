import type { Router } from '#src/shared/http/route.ts';

/** Trials of assistive products with people and professionals, their outcomes, follow-up at three months and the usage evidence per product. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createTrialRoutes(router: Router) {}
