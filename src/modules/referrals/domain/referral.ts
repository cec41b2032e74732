/** The vocabulary of a referral (repérage) and its triage rules: pure, shared by server and forms. */

export const referralDifficulties = [
  'bathroom',
  'stairs',
  'mobility_inside',
  'isolation',
  'housing_too_big',
  'housing_too_expensive',
  'unsafe_housing',
  'outside_access',
  'other',
] as const;
export type ReferralDifficulty = (typeof referralDifficulties)[number];

/** In increasing order: the queue shows the most urgent first. */
export const referralUrgencies = ['normal', 'high', 'immediate_danger'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

export const referralConsents = ['agreed', 'informed_not_asked', 'not_informed'] as const;
export type ReferralConsent = (typeof referralConsents)[number];

export const referralStatuses = ['new', 'accepted', 'redirected', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** "Tous les problèmes ne peuvent pas être résolus par cet accompagnement": why a referral is closed. */
export const referralClosureReasons = [
  'out_of_scope',
  'person_declines',
  'already_supported',
  'information_given',
  'unreachable',
  'duplicate',
  'other',
] as const;
export type ReferralClosureReason = (typeof referralClosureReasons)[number];

const transitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  new: ['accepted', 'redirected', 'closed'],
  accepted: [],
  redirected: [],
  closed: [],
};

/** Triage decides once: a referral leaves "new" for one outcome, and a decided referral stays decided. */
export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * A referral is raised with the person at least informed; only an immediate danger may be raised
 * without telling them first.
 */
export function consentAllowsRaising(consent: ReferralConsent, urgency: ReferralUrgency): boolean {
  return consent !== 'not_informed' || urgency === 'immediate_danger';
}

/** A pathway is opened only with the person's agreement, whatever the referral recorded. */
export function consentAllowsPathway(consent: ReferralConsent, confirmedNow: boolean): boolean {
  return consent === 'agreed' || confirmedNow;
}

/** "Other" says nothing by itself: it needs a comment. */
export const closureNeedsComment = (reason: ReferralClosureReason): boolean => reason === 'other';
