/** The closed vocabularies of a pathway: pure, shared by the server, the forms and the indicators. */

export const journalKinds = ['note', 'phone_call', 'home_visit', 'letter', 'email', 'meeting', 'form'] as const;
export type JournalKind = (typeof journalKinds)[number];

/** What an agent writes by hand; a `form` entry is appended by the forms module when a response is submitted. */
export const manualJournalKinds = [
  'note',
  'phone_call',
  'home_visit',
  'letter',
  'email',
  'meeting',
] as const satisfies readonly JournalKind[];

/** The records of other modules a journal entry may point at (a loose link, see the journal table). */
export const journalLinkTypes = ['form_response'] as const;
export type JournalLinkType = (typeof journalLinkTypes)[number];

/** Only notes may be private: a call, a visit or a letter is a fact the team relies on. */
export const kindsThatMayBePrivate: readonly JournalKind[] = ['note'];

export const solutionKinds = [
  'home_adaptation',
  'heavier_works',
  'social_housing_transfer',
  'owner_to_tenant_move',
  'care_home_entry',
  'stay_as_is',
  'other',
] as const;
export type SolutionKind = (typeof solutionKinds)[number];

export const personStances = ['favourable', 'hesitant', 'opposed'] as const;
export type PersonStance = (typeof personStances)[number];

/** What matters to the person beyond the rational analysis ("rester à proximité de son médecin, avoir une 2ème chambre"). */
export const personalCriteria = [
  'near_doctor',
  'second_bedroom',
  'near_family',
  'keep_neighbourhood',
  'pet',
  'garden',
  'near_shops',
  'ground_floor_or_lift',
] as const;
export type PersonalCriterion = (typeof personalCriteria)[number];

export const outcomes = [
  'transfer',
  'adaptation_done',
  'works_done',
  'care_home_entry',
  'stayed_as_is',
  'person_declined',
  'deceased',
  'moved_away',
  'redirected',
  'other',
] as const;
export type Outcome = (typeof outcomes)[number];

export const closureReasons = [
  'solution_in_place',
  'person_withdrew',
  'no_longer_reachable',
  'handed_over',
  'out_of_scope',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof closureReasons)[number];

export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const ageBands = ['60-74', '75-84', '85+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Inclusive age bounds of a band; the last band has no upper bound. */
export const ageBandBounds: Record<AgeBand, { min: number; max: number | null }> = {
  '60-74': { min: 60, max: 74 },
  '75-84': { min: 75, max: 84 },
  '85+': { min: 85, max: null },
};
