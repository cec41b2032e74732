/**
 * Aggregates shared with landlords are published only from 5 people or refusals per cell, to avoid
 * re-identifying a senior (reference/housing.md §6.1, point 6). Below that, the count is withheld:
 * the cell reads "< 5" and carries no number, not even in downloads.
 */
export const ANONYMITY_THRESHOLD = 5;

export type Cell = { count: number; suppressed: false } | { count: null; suppressed: true };

export const protectCount = (count: number): Cell =>
  count >= ANONYMITY_THRESHOLD ? { count, suppressed: false } : { count: null, suppressed: true };

/**
 * A share (0–1) is published only when both its numerator and denominator pass the threshold; a
 * visible share of a small group would let the reader recover the hidden count.
 */
export const protectShare = (part: number, whole: number): number | null =>
  part >= ANONYMITY_THRESHOLD && whole >= ANONYMITY_THRESHOLD ? part / whole : null;
