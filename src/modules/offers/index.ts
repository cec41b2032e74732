import type { Router } from '#src/shared/http/route.ts';
import { mountOfferRoutes } from '#src/modules/offers/api/offers.route.ts';

/**
 * Offers of units, allocation committees, answers and refusals, and the landlords' reports.
 *
 * Contracts for other modules:
 * - `sendAnswerReminders(db, now)`: the daily sweep reminding referents two days before an answer is due.
 * - `refusalReasons`, `refusalFamilies`: the refusal taxonomy (codes, families, who can act on each).
 * - `insertOffers`, `insertCommittees`, `insertRefusals`: seed factories writing rows directly.
 */
export { sendAnswerReminders } from '#src/modules/offers/service/reminders.ts';
export {
  refusalReasons,
  refusalFamilies,
  type RefusalReasonCode,
} from '#src/modules/offers/domain/refusal-taxonomy.ts';
export { insertOffers, insertCommittees, insertRefusals } from '#src/modules/offers/repo/offers.repo.ts';

export function createOfferRoutes(router: Router) {
  mountOfferRoutes(router);
}
