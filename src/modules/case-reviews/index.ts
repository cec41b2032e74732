import type { Router } from '#src/shared/http/route.ts';

/** Collective case reviews (synthèses) over several pathways. */
export function createCaseReviewRoutes(router: Router) {
  void router;
}
