import type { Household } from '#src/modules/funding/domain/household.ts';
import { situationOf } from '#src/modules/funding/domain/household.ts';
import type { AidResult } from '#src/modules/funding/domain/rules-engine.ts';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';

export type SimulationDates = { filing: string; payment: string };

// Parsed once per process: the engines it builds are reused by every simulation.
let shipped: ReturnType<typeof loadShippedRules> | null = null;

/** Every aid for one household, each with its status, amount and explanation. */
export function simulateAids(household: Household, dates: SimulationDates): AidResult[] {
  shipped ??= loadShippedRules();
  return shipped.engine.evaluate(situationOf(household), { dépôt: dates.filing, paiement: dates.payment });
}
