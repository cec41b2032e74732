import type { Router } from '#src/shared/http/route.ts';

/** Assessments of a person: the AGGIR grid and the GIR it computes. */
export function createAssessmentRoutes(router: Router) {
  void router;
}
