import type { Router } from '#src/shared/http/route.ts';
import { mountPathwayRoutes } from '#src/modules/pathways/api/pathways.route.ts';

export {
  openPathway,
  findPathwayForActor,
  movePathwayForwardTo,
  type OpenPathwayInput,
} from '#src/modules/pathways/service/pathways.ts';
export { createPathwayTask, type CreateTaskInput } from '#src/modules/pathways/service/tasks.ts';
/**
 * The journal, for modules recording something about a pathway in their own transaction:
 * `appendJournalEntry(tx, actor, pathwayId, input, requestId)` (validated like the journal form; 400 keyed by
 * input field; a `linked` record for entries about another module's record) and `findVisitOfPathway`
 * (a home-visit entry of the pathway the actor may see, or null).
 */
export {
  appendJournalEntry,
  findVisitOfPathway,
  type JournalInput,
  type JournalAdded,
} from '#src/modules/pathways/service/journal.ts';
export { sendDueTaskReminders } from '#src/modules/pathways/service/reminders.ts';
export type { PathwayRow } from '#src/modules/pathways/repo/pathways.repo.ts';
export { pathwayReferentOf } from '#src/modules/pathways/repo/pathways.repo.ts';
/**
 * Indicators for the observatory, per workspace: pathways by stage now; median days per stage visit,
 * closures by outcome and reason, and entries by channel, per month of a period (ISO dates, inclusive).
 */
export {
  countPathwaysByStage,
  medianDaysPerStage,
  countClosures,
  countEntriesByChannel,
  type Period,
} from '#src/modules/pathways/repo/indicators.repo.ts';

/** Pathways: stages, case journal, tasks, solution options, closure; caseload lists and the board. */
export function createPathwayRoutes(router: Router) {
  mountPathwayRoutes(router);
}
