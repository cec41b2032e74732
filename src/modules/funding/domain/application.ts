/** Funding applications to each funder of a plan: their life, their documents, their delays and follow-ups. */

export const applicationStatuses = [
  'draft',
  'submitted',
  'more_info_requested',
  'accepted',
  'refused',
  'paid',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

const next: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted'],
  submitted: ['more_info_requested', 'accepted', 'refused'],
  more_info_requested: ['submitted', 'accepted', 'refused'],
  accepted: ['paid'],
  refused: [],
  paid: [],
};

export const mayMoveTo = (from: ApplicationStatus, to: ApplicationStatus) => next[from].includes(to);
export const nextStatuses = (from: ApplicationStatus) => next[from];

/** The documents each funder asks for; any other funder gets the common list. */
const commonDocuments = ['quote', 'tax_notice', 'bank_details'] as const;
const documentsByAid: Record<string, readonly string[]> = {
  mpa: ['quote', 'tax_notice', 'autonomy_diagnostic', 'proof_of_tenure', 'age_or_gir_proof', 'bank_details'],
  'pch logement': ['mdph_form', 'medical_certificate', 'quote'],
  'pch aides techniques': ['mdph_form', 'medical_certificate', 'quote'],
  "crédit d'impôt": ['invoice', 'gir_or_disability_proof'],
};
export const documentKeys = [
  'quote',
  'tax_notice',
  'bank_details',
  'autonomy_diagnostic',
  'proof_of_tenure',
  'age_or_gir_proof',
  'mdph_form',
  'medical_certificate',
  'invoice',
  'gir_or_disability_proof',
] as const;
export type DocumentKey = (typeof documentKeys)[number];

export type DocumentItem = { key: DocumentKey; received: boolean };
export const checklistFor = (aid: string): DocumentItem[] =>
  ((documentsByAid[aid] ?? commonDocuments) as DocumentKey[]).map((key) => ({ key, received: false }));

/**
 * Days after the last step before a file counts as stalled: the Anah takes 3 to 8 months, others 2 to 3
 * (seed figures, not verified: funding-rules §11).
 */
export const stallDaysOf = (aid: string) => (aid === 'mpa' ? 120 : 75);
export const STALLABLE: readonly ApplicationStatus[] = ['submitted', 'more_info_requested', 'accepted'];
/** A stalled file is reminded again at most this often. */
export const REMIND_AGAIN_DAYS = 30;

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The tax credit is declared with the income of the year of payment, in the spring of the next year. */
export const taxDeclarationDueOn = (paidOn: string) => `${Number(paidOn.slice(0, 4)) + 1}-04-01`;
/** Whether the adaptation is used is asked six months after the first payment. */
export const usageCheckDueOn = (paidOn: string) => addDays(paidOn, 182);

/** Delays of one application, in days: to the decision, and from the decision to the payment. */
export function delaysOf(a: { submittedOn: string | null; decidedOn: string | null; paidOn: string | null }) {
  return {
    decisionDays: a.submittedOn && a.decidedOn ? daysBetween(a.submittedOn, a.decidedOn) : null,
    paymentDays: a.decidedOn && a.paidOn ? daysBetween(a.decidedOn, a.paidOn) : null,
  };
}

/** Out-of-pocket bands of the indicators, in euros (upper bound excluded; the last is open). */
export const outOfPocketBands = [0, 500, 1_000, 2_000, 5_000] as const;
export const bandOf = (cents: number) => {
  const euros = cents / 100;
  let index = 0;
  outOfPocketBands.forEach((bound, i) => {
    if (euros >= bound) index = i;
  });
  return index;
};
