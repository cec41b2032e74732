import type { Router } from '#src/shared/http/route.ts';

/** Configurable forms: versioned templates, responses attached to a person, the shipped grids. */
export function createFormRoutes(router: Router) {
  void router;
}
