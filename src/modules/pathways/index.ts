import type { Router } from '#src/shared/http/route.ts';

/** Pathways: stages, case journal, tasks, solution options, closure; caseload lists and the board. */
export function createPathwayRoutes(router: Router) {
  void router;
}
