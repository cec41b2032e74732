import type { Router } from '#src/shared/http/route.ts';
import { mountTrialRoutes } from '#src/modules/trials/api/trials.route.ts';

/**
 * Trials of assistive products with people and professionals, their outcomes, follow-up at three months and
 * the usage evidence per product.
 *
 * Contracts for other modules:
 * - `trialsOfPerson(db, workspaceId, personId)`: the person's trials, latest first (`PersonTrial`: id, productId,
 *   triedOn, context, outcome, reasons, reasonNote, satisfaction, therapistUserId, therapistName, pathwayId). The
 *   caller checks first that its actor may read the person's file.
 * - `sendFollowUpReminders(db, now)`: the daily sweep reminding therapists of follow-ups due.
 * - `insertTrials`: seed factory writing rows directly.
 */
export { trialsOfPerson, type PersonTrial } from '#src/modules/trials/service/trials.ts';
export { sendFollowUpReminders } from '#src/modules/trials/service/reminders.ts';
export { insertTrials } from '#src/modules/trials/repo/trials.repo.ts';
export {
  trialContexts,
  trialOutcomes,
  trialReasons,
  type TrialContext,
  type TrialOutcome,
  type TrialReason,
} from '#src/modules/trials/domain/trial.ts';

export function createTrialRoutes(router: Router) {
  mountTrialRoutes(router);
}
