import type { Router } from '#src/shared/http/route.ts';
import { mountResidenceRoutes } from '#src/modules/residences/api/residences.route.ts';

/**
 * Résidences autonomie: units and their occupants, admission conditions (GIR range), the waiting
 * list with its order and append-only history. Depends on platform and people only.
 */
export function createResidenceRoutes(router: Router) {
  mountResidenceRoutes(router);
}
