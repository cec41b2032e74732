/**
 * An offer of a unit to an application, from proposal to move (reference/housing.md §3.3, §5.8).
 *
 * The status is stored and changed only through `nextStatus`: proposed → visited → attributed (by the
 * committee) → accepted → moved in; refused, no answer, not attributed and cancelled end it.
 */
export const offerOrigins = ['landlord', 'commune', 'state', 'action_logement', 'ccas_suggestion'] as const;
export type OfferOrigin = (typeof offerOrigins)[number];

export const offerStatuses = [
  'proposed',
  'visited',
  'attributed',
  'accepted',
  'moved_in',
  'refused',
  'no_answer',
  'not_attributed',
  'cancelled',
] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** CALEOL decisions (CCH L441-2, R441-9; §3.3): attribution may carry a suspensive condition, and a rank. */
export const committeeDecisions = ['attribution', 'attribution_condition', 'non_attribution', 'inadmissible'] as const;
export type CommitteeDecision = (typeof committeeDecisions)[number];
export const committeeRanks = [1, 2, 3] as const;

export const answers = ['accept', 'refuse', 'no_answer'] as const;
export type Answer = (typeof answers)[number];

export const refusalStages = ['before_visit', 'after_visit', 'after_committee', 'at_signature'] as const;
export type RefusalStage = (typeof refusalStages)[number];

export const fixableByLandlord = ['before_entry', 'future_programme', 'no', 'unknown'] as const;
export type FixableByLandlord = (typeof fixableByLandlord)[number];

/** The attributes a "would accept if" can name: the unit's measured facts and the offer's context. */
export const wouldAcceptIfAttributes = [
  'shower',
  'floor',
  'lift',
  'steps',
  'bedrooms',
  'rent',
  'charges',
  'neighbourhood',
  'distance_doctor',
  'distance_shops',
  'distance_transit',
  'outdoor_space',
  'move_date',
  'other',
] as const;
export type WouldAcceptIfAttribute = (typeof wouldAcceptIfAttributes)[number];

/** An offer that holds the unit: a second one on the same unit is a conflict. */
export const holdsUnit = (status: OfferStatus) => status === 'accepted' || status === 'moved_in';
export const isClosed = (status: OfferStatus) =>
  status === 'moved_in' ||
  status === 'refused' ||
  status === 'no_answer' ||
  status === 'not_attributed' ||
  status === 'cancelled';

export type OfferEvent =
  | { kind: 'visit' }
  | { kind: 'committee'; decision: CommitteeDecision }
  | { kind: 'answer'; answer: Answer }
  | { kind: 'move_in' }
  | { kind: 'cancel' };

/**
 * The status after an event, or null when the event does not apply. A refusal may come at any stage
 * until the move (before or after the visit, after the committee, at the signature of the lease); an
 * acceptance needs an attribution, and a "no answer" needs an attribution whose delay has run out
 * (checked by the caller).
 */
export function nextStatus(status: OfferStatus, event: OfferEvent): OfferStatus | null {
  switch (event.kind) {
    case 'visit':
      return status === 'proposed' ? 'visited' : null;
    case 'committee':
      if (status !== 'proposed' && status !== 'visited') return null;
      return event.decision === 'attribution' || event.decision === 'attribution_condition'
        ? 'attributed'
        : 'not_attributed';
    case 'answer':
      if (event.answer === 'refuse')
        return status === 'proposed' || status === 'visited' || status === 'attributed' || status === 'accepted'
          ? 'refused'
          : null;
      if (status !== 'attributed') return null;
      return event.answer === 'accept' ? 'accepted' : 'no_answer';
    case 'move_in':
      return status === 'accepted' ? 'moved_in' : null;
    case 'cancel':
      return isClosed(status) ? null : 'cancelled';
  }
}

/** The stage a refusal happened at, from the offer's status when it was recorded. */
export function refusalStageOf(status: OfferStatus): RefusalStage {
  if (status === 'proposed') return 'before_visit';
  if (status === 'visited') return 'after_visit';
  if (status === 'accepted') return 'at_signature';
  return 'after_committee';
}
