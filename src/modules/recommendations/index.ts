import type { Router } from '#src/shared/http/route.ts';
import { mountSheetRoutes } from '#src/modules/recommendations/api/sheets.route.ts';

/**
 * The occupational therapist's recommendation sheets: one draft per pathway, handed over as immutable
 * versions, printed as PDF. Nothing is exported for other modules yet: the public portal will read
 * the versions flagged `sharedWithPerson`.
 */
export function createRecommendationRoutes(router: Router) {
  mountSheetRoutes(router);
}
