import type { Router } from '#src/shared/http/route.ts';
import { mountPathwayRoutes } from '#src/modules/pathways/api/pathways.route.ts';

export { openPathway, findPathwayForActor, type OpenPathwayInput } from '#src/modules/pathways/service/pathways.ts';
export { createPathwayTask, type CreateTaskInput } from '#src/modules/pathways/service/tasks.ts';
export { sendDueTaskReminders } from '#src/modules/pathways/service/reminders.ts';
export type { PathwayRow } from '#src/modules/pathways/repo/pathways.repo.ts';
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
