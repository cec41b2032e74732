import type { Router } from '#src/shared/http/route.ts';
import { mountFundingRoutes } from '#src/modules/funding/api/funding.route.ts';
import { mountLocalAidRoutes } from '#src/modules/funding/api/local-aids.route.ts';
import { mountParameterValueRoutes } from '#src/modules/funding/api/parameter-values.route.ts';
import { mountSimulatorRoutes } from '#src/modules/funding/api/simulator.route.ts';

/** `sendFundingReminders(db, now)`: the daily sweep of stalled applications and N+1 follow-ups (tax credit, use). */
export { sendFundingReminders } from '#src/modules/funding/service/reminders.ts';
/** Seed factory writing projects, quotes, plans, applications and their events directly. */
export { insertFundingRows } from '#src/modules/funding/repo/funding.repo.ts';

/** Funding plans: aid rules as code, the simulator, quotes, plans and funding applications to each funder. */
export function createFundingRoutes(router: Router) {
  mountSimulatorRoutes(router);
  mountLocalAidRoutes(router);
  mountParameterValueRoutes(router);
  mountFundingRoutes(router);
}

/**
 * What the recommendation sheet reads to propose funding leads: the pathway's projects and their saved plans
 * (case-team rule, 404 otherwise), the household the person's file gives (audited read), the simulation of every
 * aid for it, and the plan's per-aid reading (certain, monthly, deferred) of a simulation.
 */
export { projectsOfPathway, projectForActor } from '#src/modules/funding/service/projects.ts';
export { prefillFromFile, simulateForActor } from '#src/modules/funding/service/simulator.ts';
export { combinePlan, type PlanLine } from '#src/modules/funding/domain/plan.ts';
