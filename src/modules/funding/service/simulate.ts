import { messages } from '#src/shared/i18n/fr.ts';
import { RecentMap } from '#src/shared/recent-map.ts';
import type { Household } from '#src/modules/funding/domain/household.ts';
import { situationOf } from '#src/modules/funding/domain/household.ts';
import { localAidRules, type LocalAid } from '#src/modules/funding/domain/local-aids.ts';
import { layerWorkspaceValues, type WorkspaceParameterValue } from '#src/modules/funding/domain/parameters.ts';
import { AidRulesEngine, type AidOutcome, type AidResult } from '#src/modules/funding/domain/rules-engine.ts';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';

export type SimulationDates = { filing: string; payment: string };

// Parsed once per process: the engines it builds are reused by every simulation.
let shipped: ReturnType<typeof loadShippedRules> | null = null;
export const shippedRules = () => (shipped ??= loadShippedRules());

/** The shipped parameters with a workspace's values on them; a value clashing with a known one is left out. */
export const withWorkspaceValues = (values: readonly WorkspaceParameterValue[]) =>
  layerWorkspaceValues(shippedRules().parameters, values, messages.fundingRules.parameters.enteredSource);

// One engine per workspace's set of local aids and parameter values (as last edited); few workspaces, rarely edited.
const perWorkspace = new RecentMap<string, AidRulesEngine>(64);

function engineFor(localAids: readonly LocalAid[], values: readonly WorkspaceParameterValue[]): AidRulesEngine {
  const rules = shippedRules();
  if (localAids.length === 0 && values.length === 0) return rules.engine;
  const key = JSON.stringify([localAids, values]);
  let engine = perWorkspace.get(key);
  if (!engine) {
    engine = new AidRulesEngine(values.length > 0 ? withWorkspaceValues(values).set : rules.parameters, {
      ...rules.rules,
      ...localAidRules(localAids),
    });
    perWorkspace.set(key, engine);
  }
  return engine;
}

/**
 * Every aid for one household (national ones and the workspace's own), each with its status, amount and explanation,
 * on the shipped parameters with the values the workspace entered layered on them.
 */
export function simulateAids(
  household: Household,
  dates: SimulationDates,
  localAids: readonly LocalAid[] = [],
  parameterValues: readonly WorkspaceParameterValue[] = [],
): AidResult[] {
  return engineFor(localAids, parameterValues).evaluate(situationOf(household), {
    dépôt: dates.filing,
    paiement: dates.payment,
  });
}

/** Each household's aids, status and amount only: the batch form of `simulateAids`, in this thread. */
export function simulateOutcomes(
  households: readonly Household[],
  dates: SimulationDates,
  localAids: readonly LocalAid[] = [],
  parameterValues: readonly WorkspaceParameterValue[] = [],
): AidOutcome[][] {
  const engine = engineFor(localAids, parameterValues);
  const referenceDates = { dépôt: dates.filing, paiement: dates.payment };
  return households.map((household) => engine.outcomes(situationOf(household), referenceDates));
}
