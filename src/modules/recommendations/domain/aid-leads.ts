import type { PlanLine } from '#src/modules/funding/index.ts';
import type { AidLead, LeadStatus } from '#src/modules/recommendations/domain/sheet.ts';

/** Where a sheet reads aids: the latest saved plan of a funding project, or a simulation on the person's file. */
export type AidSource = {
  projectId: string | null;
  projectTitle: string | null;
  /** The day of the plan or of the simulation. */
  basisOn: string;
  /** A plan shares a quote's cost between the aids; a simulation has no cost to share. */
  inPlan: boolean;
  lines: readonly AidLine[];
};

/** What the sheet reads of a plan's line for one aid. */
export type AidLine = Pick<
  PlanLine,
  'aid' | 'title' | 'funder' | 'status' | 'amountCents' | 'shareCents' | 'certain' | 'monthly'
>;

export type AidReading = Omit<AidLead, 'note' | 'status'> & { status: LeadStatus | 'not_eligible' };

/**
 * One aid as the sheet reads it, the cautious way: "eligible" only when the funding module counts it as certain
 * (eligible, computed, on no unknown parameter); anything else not excluded is "to check". In a plan the amount is
 * the aid's share of the cost (never more than what is left to pay); without a quote, the rules' amount. A monthly
 * aid keeps its monthly amount.
 */
export function readAid(source: AidSource, line: AidLine): AidReading {
  const status = line.status === 'not_eligible' ? 'not_eligible' : line.certain ? 'eligible' : 'to_check';
  const amountCents =
    status === 'not_eligible' || line.amountCents === null
      ? null
      : source.inPlan && !line.monthly
        ? line.shareCents
        : line.amountCents;
  return {
    aid: line.aid,
    projectId: source.projectId,
    projectTitle: source.projectTitle,
    basisOn: source.basisOn,
    title: line.title,
    funder: line.funder,
    status,
    amountCents,
    monthly: line.monthly,
  };
}
