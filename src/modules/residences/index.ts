import type { Router } from '#src/shared/http/route.ts';
import { mountResidenceRoutes } from '#src/modules/residences/api/residences.route.ts';

/**
 * Résidences autonomie: units and their occupants, admission conditions (GIR range), the waiting
 * list with its order and append-only history. Depends on platform and people only.
 *
 * Exported for other modules: `residenceAdmissionRanges(db, workspaceId)`, each residence's GIR range
 * (the matching of housing applications applies it to a résidence autonomie programme of the same name).
 */
export {
  residenceAdmissionRanges,
  type ResidenceAdmission,
} from '#src/modules/residences/repo/admission-ranges.repo.ts';
export function createResidenceRoutes(router: Router) {
  mountResidenceRoutes(router);
}
