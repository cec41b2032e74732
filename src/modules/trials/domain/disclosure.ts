/**
 * Small counts of trials could single out the person behind them. A count below the threshold is shown
 * as "< 5" unless the reader may see every trial it counts (trials with a professional, or with a person
 * whose case team the reader is on): then it tells them nothing new.
 */
export const DISCLOSURE_THRESHOLD = 5;

/** A number of trials as a reader gets it: the count, or withheld ("< 5"). */
export type Cell = { count: number; withheld: false } | { count: null; withheld: true };

/** `allSeen`: the reader may see every trial counted in the cell. */
export const discloseCount = (count: number, allSeen: boolean): Cell =>
  count >= DISCLOSURE_THRESHOLD || allSeen || count === 0
    ? { count, withheld: false }
    : { count: null, withheld: true };

/**
 * A share is shown only when both of its counts are: a share of a withheld group would let the reader
 * recover the hidden count.
 */
export const discloseShare = (part: Cell, whole: Cell): number | null =>
  part.withheld || whole.withheld || whole.count === 0 ? null : part.count / whole.count;
