import type { Router } from '#src/shared/http/route.ts';
import { mountApplicationRoutes } from '#src/modules/applications/api/applications.route.ts';

/**
 * Social-housing applications mirrored from the pathway, points of interest, and the explainable matching.
 *
 * Contracts for other modules (all scoped to the actor's workspace):
 * - `findApplicationForActor(db, actor, id)`: the application if the actor may see its pathway (never for landlord
 *   staff), else null — answer 404 then.
 * - `sendRenewalReminders(db, now)`: the daily sweep reminding referents 60 and 30 days before expiry.
 * - `rankUnits`, `checkHardConstraints`, `matchUnitOf`, `profileOf`: the pure matching and its adapters, for
 *   benchmarks and the offers module (a unit's verdict for the application it is offered to); the matching
 *   takes the workspace's `EligibilityRules` (`loadEligibilityRules(db, workspaceId, onDate?)`).
 */
export {
  findApplicationForActor,
  seesApplications,
  strikeOffForAllocation,
} from '#src/modules/applications/service/applications.ts';
export type { ApplicationWithPerson, ApplicationInsert } from '#src/modules/applications/repo/applications.repo.ts';
export { sendRenewalReminders } from '#src/modules/applications/service/reminders.ts';
export {
  rankUnits,
  checkHardConstraints,
  verdictOf,
  type UnitMatch,
} from '#src/modules/applications/domain/matching.ts';
export { matchUnitOf, profileOf, poiOf } from '#src/modules/applications/service/profile.ts';
export { loadEligibilityRules } from '#src/modules/applications/service/eligibility-settings.ts';
export {
  ceilingsInForce,
  type EligibilityRules,
  type IncomeCeiling,
} from '#src/modules/applications/domain/eligibility.ts';
/** Seed factories write rows directly (demo data, tests, benchmarks). */
export { insertApplications, insertPois } from '#src/modules/applications/repo/applications.repo.ts';
export { insertCeilings, upsertMatchingSettings } from '#src/modules/applications/repo/eligibility.repo.ts';

export function createApplicationRoutes(router: Router) {
  mountApplicationRoutes(router);
}
