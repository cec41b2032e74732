/**
 * The rules of a product trial and of its follow-up three months after the product was acquired
 * (docs/decisions/029-trials-follow-up-and-usage-evidence.md).
 */

export const trialContexts = ['showroom', 'home', 'living_lab'] as const;
export type TrialContext = (typeof trialContexts)[number];

export const trialOutcomes = ['suitable', 'needs_adjustment', 'unsuitable'] as const;
export type TrialOutcome = (typeof trialOutcomes)[number];

/**
 * Why a product did not suit as it was: coded so the usage evidence can count recurring remarks per
 * product; the therapist's text adds the detail.
 */
export const trialReasons = [
  'too_heavy',
  'too_bulky',
  'hard_to_handle',
  'unstable',
  'uncomfortable',
  'does_not_fit_home',
  'needs_helper',
  'hard_to_clean',
  'needs_installation',
  'price',
  'appearance',
  'other',
] as const;
export type TrialReason = (typeof trialReasons)[number];

/** How the product is used when the therapist follows up. */
export const followUpUsages = ['in_use', 'sometimes', 'abandoned'] as const;
export type FollowUpUsage = (typeof followUpUsages)[number];

/** Why a product acquired after a trial was abandoned. */
export const abandonmentReasons = [
  'no_longer_needed',
  'health_worsened',
  'hard_to_use',
  'uncomfortable',
  'never_installed',
  'broken',
  'replaced',
  'feels_stigmatising',
  'caregiver_objects',
  'other',
] as const;
export type AbandonmentReason = (typeof abandonmentReasons)[number];

/** A global satisfaction rating: 1 (not at all satisfied) to 5 (very satisfied). */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
export const satisfactionScale = [1, 2, 3, 4, 5] as const;

/** The follow-up is due this many months after the product was acquired. */
export const FOLLOW_UP_MONTHS = 3;

/** A product that did not suit as it was needs at least one coded reason. */
export const reasonsRequired = (outcome: TrialOutcome) => outcome !== 'suitable';

/**
 * Only a product found suitable (possibly after an adjustment) leads to an acquisition, and so to a
 * follow-up; an unsuitable one was not taken.
 */
export const mayLeadToAcquisition = (outcome: TrialOutcome) => outcome !== 'unsuitable';

/** An abandonment needs at least one coded reason: that is what the measure is for. */
export const abandonmentReasonsRequired = (usage: FollowUpUsage) => usage === 'abandoned';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The day the follow-up is due: the same day of the month three months after the acquisition, or the
 * month's last day when that month is shorter (30 November → 28 or 29 February).
 */
export function followUpDueOn(acquiredOn: string): string {
  const [year, month, day] = acquiredOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + FOLLOW_UP_MONTHS, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${pad(target.getUTCMonth() + 1)}-${pad(Math.min(day, lastDay))}`;
}

/** Abandoned follow-ups among those recorded (0–1), or null before the first one. */
export function abandonmentRate(counts: Partial<Record<FollowUpUsage, number>>): number | null {
  const recorded = followUpUsages.reduce((sum, usage) => sum + (counts[usage] ?? 0), 0);
  return recorded === 0 ? null : (counts.abandoned ?? 0) / recorded;
}
