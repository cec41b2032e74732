import type { Router } from '#src/shared/http/route.ts';
import { mountCaseReviewRoutes } from '#src/modules/case-reviews/api/case-reviews.route.ts';

/** Collective case reviews (synthèses) over several pathways. */
export function createCaseReviewRoutes(router: Router) {
  mountCaseReviewRoutes(router);
}
