import type { Router } from '#src/shared/http/route.ts';
import { mountAssessmentRoutes } from '#src/modules/assessments/api/assessments.route.ts';

/**
 * Assessments of a person: the AGGIR grid and the GIR it computes. Recording one writes the GIR on
 * the person's file (people's `recordGirForActor`). Exported for other modules:
 * - `girOfRatings(ratings)` / `computeGir(profile)`: the official algorithm, a pure function.
 */
export { computeGir, girOfRatings } from '#src/modules/assessments/domain/aggir.ts';

export function createAssessmentRoutes(router: Router) {
  mountAssessmentRoutes(router);
}
