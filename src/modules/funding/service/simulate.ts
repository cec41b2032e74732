import type { Household } from '#src/modules/funding/domain/household.ts';
import { situationOf } from '#src/modules/funding/domain/household.ts';
import { localAidRules, type LocalAid } from '#src/modules/funding/domain/local-aids.ts';
import { AidRulesEngine, type AidResult } from '#src/modules/funding/domain/rules-engine.ts';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';

export type SimulationDates = { filing: string; payment: string };

// Parsed once per process: the engines it builds are reused by every simulation.
let shipped: ReturnType<typeof loadShippedRules> | null = null;
// One engine per set of local aids (a workspace's, as last edited); few workspaces, rarely edited.
const withLocalAids = new Map<string, AidRulesEngine>();
const MAX_KEPT_ENGINES = 64;

function engineFor(localAids: readonly LocalAid[]): AidRulesEngine {
  shipped ??= loadShippedRules();
  if (localAids.length === 0) return shipped.engine;
  const key = JSON.stringify(localAids);
  let engine = withLocalAids.get(key);
  if (!engine) {
    if (withLocalAids.size >= MAX_KEPT_ENGINES) withLocalAids.clear();
    engine = new AidRulesEngine(shipped.parameters, { ...shipped.rules, ...localAidRules(localAids) });
    withLocalAids.set(key, engine);
  }
  return engine;
}

/** Every aid for one household (national ones and the workspace's own), each with its status, amount and explanation. */
export function simulateAids(
  household: Household,
  dates: SimulationDates,
  localAids: readonly LocalAid[] = [],
): AidResult[] {
  return engineFor(localAids).evaluate(situationOf(household), { dépôt: dates.filing, paiement: dates.payment });
}
